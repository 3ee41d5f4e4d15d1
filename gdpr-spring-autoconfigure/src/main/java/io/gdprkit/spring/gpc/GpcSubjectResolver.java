package io.gdprkit.spring.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Tells whose request it is, so that a Global Privacy Control signal on it is recorded for that subject.
 *
 * <p>The host knows: the authenticated principal's customer id, or for a visitor without an account the pseudonymous
 * id in the host's own cookie (the signal applies to pseudonymous profiles too). Return {@code null} when the request
 * belongs to no one the host keeps data about: nothing is recorded then. Called on the request thread, after Spring
 * Security's filters, only for requests that carry a valid {@code Sec-GPC: 1}. It must not throw; if it does, the
 * signal is not recorded and the request goes on.
 *
 * <p>Usage example: <pre>{@code
 * @Bean GpcSubjectResolver gpcSubjects() {
 *   return request -> request.getUserPrincipal() == null ? null : SubjectId.of(request.getUserPrincipal().getName());
 * }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface GpcSubjectResolver {

  /** Returns the subject the request comes from, or {@code null} if none. */
  @Nullable SubjectId resolve(HttpServletRequest request);
}
