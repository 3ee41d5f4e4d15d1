package io.gdprkit.audit.internal;

import io.gdprkit.subject.TenantId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the drains of {@link io.gdprkit.audit.AuditDrain#BACKGROUND} on one daemon thread, at most one pending drain
 * per tenant: a wake-up for a tenant whose drain waits to start is dropped, since that drain appends what the
 * wake-up announced; one that arrives after the drain started queues one more.
 */
final class BackgroundDrainer {

  private static final long IDLE_SECONDS = 30;

  private final Consumer<TenantId> drain;
  private final Map<TenantId, AtomicBoolean> queued = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor executor;

  BackgroundDrainer(Consumer<TenantId> drain) {
    this.drain = drain;
    this.executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        work -> {
          Thread thread = new Thread(work, "gdpr-kit-audit-drain");
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
  }

  /** Asks for a drain of the tenant soon; returns at once. */
  void wake(TenantId tenant) {
    AtomicBoolean flag = queued.computeIfAbsent(tenant, t -> new AtomicBoolean());
    if (flag.compareAndSet(false, true)) {
      executor.execute(() -> {
        flag.set(false); // cleared before draining: a record committed from here on gets a drain of its own
        drain.accept(tenant);
      });
    }
  }
}
