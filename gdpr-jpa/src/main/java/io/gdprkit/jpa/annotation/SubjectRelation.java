package io.gdprkit.jpa.annotation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a to-one association that makes this entity's subject the child of the subject at the other end, so that
 * erasing the parent cascades to the child as far as the kit's {@link io.gdprkit.erasure.CascadePolicy} allows for
 * the relation's type (one level by default).
 *
 * <p>The entity at the other end must be linked to a subject too ({@link DataSubject}). A contact's link to its parent
 * contact, a device's link to its user, an employee's link to a one-person company are such relations.
 *
 * <p>Usage example: <pre>{@code @ManyToOne @SubjectRelation("parent-child") private Contact parent;}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface SubjectRelation {

  /** The relation type's id, such as {@code parent-child}; see {@link io.gdprkit.data.RelationType}. */
  String value();
}
