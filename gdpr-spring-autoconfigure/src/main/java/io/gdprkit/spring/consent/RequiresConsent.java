package io.gdprkit.spring.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Runs the annotated method only when the kit allows processing the subject's personal data for the purpose, and
 * otherwise throws {@link io.gdprkit.decision.ProcessingNotPermittedException} before the method starts.
 *
 * <p>Why: processing needs a legal basis at the moment it happens (Art. 6(1)); for a purpose based on consent, a
 * withdrawn consent must stop it at once (Art. 7(3)), and an objection to direct marketing is absolute (Art. 21(3)).
 * Checking at the method that processes puts the decision where the processing is, not in every caller.
 *
 * <p>The subject comes from the method's arguments through {@link #subject()}, a SpEL expression over them (by
 * name, or {@code #p0}, {@code #a0} by position) giving a {@code SubjectId} or a value whose {@code toString()} is
 * the subject id; or, when the expression is empty, from a {@link SubjectResolver} bean ({@link #resolver()} names
 * which one when there are several). Works on Spring beans, through Spring AOP proxies: a call from inside the same
 * object is not checked.
 *
 * <p>Usage example: <pre>{@code
 * @RequiresConsent(value = "newsletter", subject = "#contact.id")
 * public void sendNewsletter(Contact contact) { ... }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresConsent {

  /** The id of the declared purpose the method processes personal data for. */
  String value();

  /** A SpEL expression over the method's arguments that gives the subject, such as {@code #contact.id}. */
  String subject() default "";

  /** The name of the {@link SubjectResolver} bean to ask when {@link #subject()} is empty; any unique one if empty. */
  String resolver() default "";
}
