package io.gdprkit.jpa.audit.annotation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a host entity whose rows are personal data of one subject, so that the persistence interceptor audits every
 * read and write of it (Art. 5(2), Art. 30) and refuses changes while its subject is restricted (Art. 18).
 *
 * <p>The subject is named by a path of attributes from the entity to the subject's id: one attribute
 * ({@code "id"} on the contact itself, {@code "contactId"} on a note), or several joined by dots through relations
 * ({@code "contact.id"} on an order). Each step reads the getter ({@code getX()}, {@code isX()} or {@code x()}) if the
 * class has one, so a lazy relation's proxy answers its id without loading, and the field otherwise; the last value
 * is written as text ({@link String#valueOf}) and must be a valid {@link io.gdprkit.subject.SubjectId} value.
 *
 * <p><b>Warning:</b> a stand-in until the annotations of host entities ({@code @DataSubject}, {@code @PersonalData}
 * in {@code io.gdprkit.jpa.annotation}) are merged; the interceptor reads entities through
 * {@link io.gdprkit.jpa.interceptor.PersonalDataEntities}, whose default will then read those, and this one will go.
 *
 * <p>Usage example: <pre>{@code @Entity @AuditedPersonalData(subject = "contact.id") class Order { … }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditedPersonalData {

  /** The path from the entity to its subject's id, such as {@code "contactId"} or {@code "contact.id"}. */
  String subject();

  /** The path from the entity to its subject's tenant id; empty (the default) for the default tenant. */
  String tenant() default "";
}
