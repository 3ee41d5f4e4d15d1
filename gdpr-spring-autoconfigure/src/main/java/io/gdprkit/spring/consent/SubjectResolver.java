package io.gdprkit.spring.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import java.lang.reflect.Method;
import org.apiguardian.api.API;

/**
 * Finds the subject whose personal data a {@link RequiresConsent} method processes, when an expression over its
 * arguments cannot: from the current user, the request, or a look-up.
 *
 * <p>Usage example: <pre>{@code @Bean SubjectResolver currentUser(Session s) { return (m, args) -> SubjectId.of(s.userId()); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface SubjectResolver {

  /**
   * Returns the subject of this call.
   *
   * @param method the annotated method
   * @param arguments its arguments
   */
  SubjectId resolve(Method method, Object[] arguments);
}
