package io.gdprkit.examples.marketing;

import io.gdprkit.spring.events.SubjectResolver;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The companion's subscribers: each under an id of the companion's own, linked to the CRM only by the keyed pseudonym
 * the CRM's events name the person by, so no e-mail address or CRM id crosses between the systems (Art. 5(1)(c)).
 * As the kit's {@link SubjectResolver}, it tells the starter which subscriber a CRM withdrawal or erasure is about.
 */
@Repository
public class Subscribers implements SubjectResolver {

  private final JdbcTemplate jdbc;

  public Subscribers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One subscriber: the companion's subject id and the CRM's pseudonym. */
  public record Subscriber(SubjectId subject, String crmPseudonym, Instant subscribedAt) {}

  /** Returns the subscriber the CRM names by {@code pseudonym}, adding one when this is the first sign-up seen. */
  @Transactional
  public SubjectId findOrAdd(String pseudonym, UUID signupEvent, Instant at) {
    Optional<SubjectId> known = find(pseudonym);
    if (known.isPresent()) {
      return known.get();
    }
    SubjectId subject = SubjectId.of(UUID.randomUUID().toString());
    jdbc.update("insert into marketing_subscriber (subject, crm_pseudonym, subscribed_at, signup_event)"
        + " values (?, ?, ?, ?)", subject.value(), pseudonym, Timestamp.from(at), signupEvent.toString());
    return subject;
  }

  @Override
  public Optional<SubjectId> resolve(TenantId tenant, String pseudonym) {
    return TenantId.DEFAULT.equals(tenant) ? find(pseudonym) : Optional.empty();
  }

  private Optional<SubjectId> find(String pseudonym) {
    return jdbc.queryForList("select subject from marketing_subscriber where crm_pseudonym = ?", String.class,
        pseudonym).stream().findFirst().map(SubjectId::of);
  }

  /** Returns every subscriber, the newest first. */
  public List<Subscriber> all() {
    return jdbc.query("select subject, crm_pseudonym, subscribed_at from marketing_subscriber"
        + " order by subscribed_at desc", (row, i) -> new Subscriber(SubjectId.of(row.getString(1)),
            row.getString(2), row.getTimestamp(3).toInstant()));
  }
}
