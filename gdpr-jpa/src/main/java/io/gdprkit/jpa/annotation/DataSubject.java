package io.gdprkit.jpa.annotation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Links an entity to the data subject its records are about, so that export and erasure find them (Art. 15, 17).
 *
 * <p>On the entity class, {@link #value()} is the path of attributes from the entity to the subject's id, as in
 * JPQL: {@code "id"} for the subject's own record, {@code "contact.id"} for an order, {@code "order.contact.id"} for
 * an invoice. Every step but the last is a to-one association; the last is a basic attribute of type
 * {@code String}, {@code Long}, {@code Integer} or {@code UUID} whose text is the {@link io.gdprkit.subject.SubjectId}
 * value. On an attribute, the path is that attribute, and, when it is an association, the path of the entity it
 * leads to (its own {@code @DataSubject}, or else its id): {@code @DataSubject @ManyToOne Contact contact} reads as
 * {@code "contact.id"}.
 *
 * <p>Usage example: <pre>{@code @Entity @DataSubject("order.contact.id") class Invoice { ... }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface DataSubject {

  /** The path from the entity to the subject's id; on an attribute, leave it empty. */
  String value() default "";

  /**
   * The path from the entity to the subject's tenant id, for hosts that keep many tenants in one table; empty when
   * every record belongs to the provider's tenant.
   */
  String tenant() default "";
}
