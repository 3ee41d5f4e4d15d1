package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Finds this system's subject behind the keyed pseudonym another system's event names it by.
 *
 * <p>Published events never carry a subject id (gdpr-jpa's outbox names subjects by {@code AuditPseudonyms}), so a
 * receiving system that shares the pseudonym key matches them to its own records. The auto-configured resolver is a
 * directory the kit fills from its own events; a host that keeps each contact's pseudonym in a column of its own
 * defines a bean that looks it up there.
 *
 * <p>Usage example: <pre>{@code @Bean SubjectResolver resolver(Contacts c) { return (t, p) -> c.byPseudonym(t, p).map(Contact::subjectId); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface SubjectResolver {

  /** Returns the subject of this system named by {@code pseudonym} in {@code tenant}, if this system knows it. */
  Optional<SubjectId> resolve(TenantId tenant, String pseudonym);
}
