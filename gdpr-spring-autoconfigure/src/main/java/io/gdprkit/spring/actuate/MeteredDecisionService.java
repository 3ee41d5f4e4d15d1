package io.gdprkit.spring.actuate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.decision.AutomatedDecisionNotice;
import io.gdprkit.decision.CampaignCheck;
import io.gdprkit.decision.Decision;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.decision.DecisionService;
import io.gdprkit.decision.Guard;
import io.gdprkit.decision.HistoricalDecision;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The kit's decisions, counted per purpose, outcome and reason in {@code gdpr.decisions}: how often processing was
 * refused, and why, shows whether consent collection works and whether a system keeps asking for what it may not do.
 *
 * <p>The counters of every declared purpose and reason are registered when this is made, so a decision costs a map
 * read and an increment and allocates nothing: {@code decide} is the kit's hot path.
 *
 * <p>Usage example: <pre>{@code @Autowired DecisionService decisions; decisions.decide(alice, "newsletter");}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class MeteredDecisionService implements DecisionService, Guard {

  /** The counter's name. */
  public static final String DECISIONS = "gdpr.decisions";

  private static final DecisionReason[] REASONS = DecisionReason.values();

  private final GdprKit kit;
  private final Map<String, Counter[]> counters;

  /** Registers the counters of every purpose the kit declares. */
  public MeteredDecisionService(GdprKit kit, MeterRegistry registry) {
    this.kit = Objects.requireNonNull(kit, "kit");
    Map<String, Counter[]> byPurpose = new HashMap<>();
    for (Purpose purpose : kit.purposes().all()) {
      Counter[] byReason = new Counter[REASONS.length];
      for (DecisionReason reason : REASONS) {
        byReason[reason.ordinal()] = Counter.builder(DECISIONS)
            .description("Decisions whether a subject's data may be processed for a purpose")
            .tag("purpose", purpose.id())
            .tag("outcome", reason.allows() ? "allowed" : "denied")
            .tag("reason", reason.name())
            .register(registry);
      }
      byPurpose.put(purpose.id(), byReason);
    }
    this.counters = Map.copyOf(byPurpose);
  }

  @Override
  public Decision decide(SubjectId subject, String purpose) {
    Decision decision = kit.decide(subject, purpose);
    Counter[] byReason = counters.get(purpose);
    if (byReason != null) {
      byReason[decision.reason().ordinal()].increment();
    }
    return decision;
  }

  /** Decides as {@link #decide} does, counted, and throws on a denial as the kit's guard does. */
  @Override
  public Decision require(SubjectId subject, String purpose) {
    Decision decision = decide(subject, purpose);
    return decision.allowed() ? decision : kit.guard().require(subject, purpose);
  }

  @Override
  public HistoricalDecision decideAt(SubjectId subject, String purpose, Instant at) {
    return kit.decideAt(subject, purpose, at);
  }

  @Override
  public CampaignCheck checkCampaign(Collection<SubjectId> subjects, String purpose, Instant sentAt) {
    return kit.decisions().checkCampaign(subjects, purpose, sentAt);
  }

  @Override
  public Optional<AutomatedDecisionNotice> automatedDecision(String purpose) {
    return kit.decisions().automatedDecision(purpose);
  }
}
