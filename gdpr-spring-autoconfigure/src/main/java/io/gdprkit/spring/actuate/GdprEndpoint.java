package io.gdprkit.spring.actuate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.breach.AuthorityNotificationDue;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code gdpr} actuator endpoint: what a DPO or an on-call engineer must see first, without personal data (ids,
 * counts and times only): overdue subject requests (Art. 12(3)), breaches near or past their 72 hours (Art. 33(1)),
 * whether each audit chain verifies (Art. 5(2)), and what waits in the event outbox (Art. 7(3), 19).
 *
 * <p>Usage example: <pre>{@code curl localhost:8080/actuator/gdpr}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Endpoint(id = "gdpr")
public class GdprEndpoint {

  /** The most overdue requests and breaches the endpoint lists; the counts stay exact. */
  public static final int MAX_LISTED = 100;

  private final GdprKit kit;
  private final AuditChainCheck chains;
  private final GdprActuatorProperties properties;
  private final @Nullable OutboxProbe outbox;

  /**
   * Creates the endpoint.
   *
   * @param outbox the event outbox, or {@code null} without one
   */
  public GdprEndpoint(GdprKit kit, AuditChainCheck chains, GdprActuatorProperties properties,
      @Nullable OutboxProbe outbox) {
    this.kit = Objects.requireNonNull(kit, "kit");
    this.chains = Objects.requireNonNull(chains, "chains");
    this.properties = Objects.requireNonNull(properties, "properties");
    this.outbox = outbox;
  }

  /** Returns the report. */
  @ReadOperation
  public GdprReport report() {
    Instant now = kit.clock().instant();
    List<OverdueRequest> overdue = new ArrayList<>();
    long overdueCount;
    try (Stream<SubjectRequest> requests = kit.requests().overdue()) {
      overdueCount = requests.peek(r -> {
        if (overdue.size() < MAX_LISTED) {
          overdue.add(new OverdueRequest(r.id().value().toString(), r.kind().name(), r.state().name(), r.dueAt()));
        }
      }).count();
    }
    List<BreachDeadline> breaches = new ArrayList<>();
    Instant warnFrom = now.plus(properties.breachWarning());
    for (AuthorityNotificationDue due : kit.breaches().awaitingAuthorityNotification()) {
      if (due.overdue() || !due.deadline().isAfter(warnFrom)) {
        if (breaches.size() < MAX_LISTED) {
          breaches.add(new BreachDeadline(due.breach().id().toString(), due.breach().awareAt(), due.deadline(),
              due.overdue()));
        }
      }
    }
    Map<String, AuditStatus> audit = new LinkedHashMap<>();
    for (String tenant : properties.tenants()) {
      audit.put(tenant, AuditStatus.of(chains.verify(TenantId.of(tenant)), kit.audit().waiting(TenantId.of(tenant))));
    }
    return new GdprReport(new Counts(overdueCount, breaches.size(), kit.breaches().unassessed().size(),
        kit.purposes().all().size()), overdue, breaches, audit,
        outbox == null ? null : outbox.status(properties.outboxStaleAfter()));
  }

  /**
   * The endpoint's answer.
   *
   * @param counts the headline numbers
   * @param overdueRequests the oldest overdue requests, at most {@value #MAX_LISTED}
   * @param breachesNearDeadline breaches whose authority notification is due within the warning time or overdue
   * @param audit each verified tenant's chain
   * @param outbox what waits in the event outbox, or {@code null} without one
   */
  public record GdprReport(Counts counts, List<OverdueRequest> overdueRequests,
      List<BreachDeadline> breachesNearDeadline, Map<String, AuditStatus> audit, @Nullable OutboxStatus outbox) {}

  /**
   * Headline numbers.
   *
   * @param overdueRequests subject requests past their due date
   * @param breachesNearDeadline breaches near or past their 72 hours
   * @param unassessedBreaches breaches without a risk assessment
   * @param purposes declared purposes
   */
  public record Counts(long overdueRequests, long breachesNearDeadline, long unassessedBreaches, long purposes) {}

  /**
   * A subject request past its due date, named by id only.
   *
   * @param id the request's id
   * @param kind access, erasure, …
   * @param state where it stands
   * @param dueAt when it was due
   */
  public record OverdueRequest(String id, String kind, String state, Instant dueAt) {}

  /**
   * A breach whose authority notification is near or past its deadline.
   *
   * @param id the breach's id
   * @param awareAt when the controller became aware of it
   * @param deadline when the 72 hours end
   * @param overdue whether they ended
   */
  public record BreachDeadline(String id, Instant awareAt, Instant deadline, boolean overdue) {}

  /**
   * One tenant's audit chain.
   *
   * @param intact whether the chain verified
   * @param checked how many entries were checked
   * @param firstBadPosition the first entry that failed, if any
   * @param problem what failed, if anything
   * @param waiting records not yet appended to the chain
   */
  public record AuditStatus(boolean intact, long checked, @Nullable Long firstBadPosition, @Nullable String problem,
      long waiting) {

    static AuditStatus of(VerificationResult result, long waiting) {
      return new AuditStatus(result.intact(), result.checked(), result.firstBadPosition(), result.problem(), waiting);
    }
  }

  /**
   * The event outbox.
   *
   * @param waiting events not yet relayed
   * @param stale events older than {@code gdpr.actuator.outbox-stale-after}
   * @param oldest when the oldest waiting event was created
   * @param lag how long the oldest has waited
   */
  public record OutboxStatus(long waiting, long stale, @Nullable Instant oldest, @Nullable Duration lag) {}

  /**
   * Reads what waits in the event outbox; the auto-configuration makes one from gdpr-jpa's relay.
   *
   * <p>Usage example: <pre>{@code OutboxProbe probe = staleAfter -> new OutboxStatus(0, 0, null, null);}</pre>
   */
  @FunctionalInterface
  public interface OutboxProbe {

    /** Returns the outbox's state, counting as stale the events older than {@code staleAfter}. */
    OutboxStatus status(Duration staleAfter);
  }
}
