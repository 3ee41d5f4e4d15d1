package io.gdprkit.spring.actuate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventListener;
import io.gdprkit.export.DataExported;
import io.gdprkit.request.RequestState;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.SubjectRequestChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The kit's work as Micrometer meters, fed from its events after each commit and from gauges read at each scrape:
 * erasures ({@code gdpr.erasures}), exports ({@code gdpr.exports}), how long requests took to close
 * ({@code gdpr.requests.duration}), how many are overdue and how old the oldest open one is
 * ({@code gdpr.requests.overdue}, {@code gdpr.requests.open.oldest.age}), and the outbox's lag
 * ({@code gdpr.outbox.waiting}, {@code gdpr.outbox.lag}): a month's deadline (Art. 12(3)) and a withdrawal reaching
 * the other systems (Art. 7(3)) are things to alert on.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().onEvent(new GdprMetrics(kitSupplier, registry, null, Duration.ofMinutes(5)))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class GdprMetrics implements GdprEventListener {

  /** Requests stay open at most three months (Art. 12(3)); the window that finds every open one. */
  private static final Duration OPEN_WINDOW = Duration.ofDays(100);

  private final Supplier<GdprKit> kit;
  private final MeterRegistry registry;
  private final Timer.Builder requestDuration;

  /**
   * Creates the meters.
   *
   * @param kit the kit, read lazily: this listener is given to the kit's builder
   * @param outbox the event outbox, or {@code null} without one
   */
  public GdprMetrics(Supplier<GdprKit> kit, MeterRegistry registry,
      GdprEndpoint.@Nullable OutboxProbe outbox, Duration outboxStaleAfter) {
    this.kit = Objects.requireNonNull(kit, "kit");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.requestDuration = Timer.builder("gdpr.requests.duration")
        .description("Time from a subject request's receipt to its completion or rejection");
    Gauge.builder("gdpr.requests.overdue", this, m -> m.overdue())
        .description("Subject requests past their due date").register(registry);
    Gauge.builder("gdpr.requests.open.oldest.age", this, m -> m.oldestOpenAge())
        .description("Age in seconds of the oldest open subject request").baseUnit("seconds").register(registry);
    if (outbox != null) {
      Gauge.builder("gdpr.outbox.waiting", outbox, o -> o.status(outboxStaleAfter).waiting())
          .description("Events waiting in the outbox").register(registry);
      Gauge.builder("gdpr.outbox.lag", outbox, o -> lagSeconds(o.status(outboxStaleAfter)))
          .description("Seconds the oldest outbox event has waited").baseUnit("seconds").register(registry);
    }
  }

  @Override
  public void on(GdprEvent event) {
    if (event instanceof SubjectErased erased) {
      Counter.builder("gdpr.erasures").description("Subjects erased")
          .tag("scope", erased.scope().kind().name()).register(registry).increment();
    } else if (event instanceof DataExported exported) {
      Counter.builder("gdpr.exports").description("Exports of a subject's data")
          .tag("kind", exported.kind().name()).tag("format", exported.format().name()).register(registry).increment();
    } else if (event instanceof SubjectRequestChanged changed
        && (changed.state() == RequestState.COMPLETED || changed.state() == RequestState.REJECTED)) {
      kit.get().requests().find(changed.request()).ifPresent(request -> requestDuration
          .tag("kind", changed.kind().name()).tag("state", changed.state().name()).register(registry)
          .record(Duration.between(request.receivedAt(), changed.occurredAt())));
    }
  }

  private double overdue() {
    try (Stream<SubjectRequest> requests = kit.get().requests().overdue()) {
      return requests.count();
    }
  }

  private double oldestOpenAge() {
    Instant now = kit.get().clock().instant();
    try (Stream<SubjectRequest> requests = kit.get().requests().dueWithin(OPEN_WINDOW)) {
      return requests.map(SubjectRequest::receivedAt).min(Instant::compareTo)
          .map(oldest -> (double) Duration.between(oldest, now).toSeconds()).orElse(0.0);
    }
  }

  private static double lagSeconds(GdprEndpoint.OutboxStatus status) {
    return status.lag() == null ? 0.0 : status.lag().toMillis() / 1000.0;
  }
}
