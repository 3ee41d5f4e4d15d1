package io.gdprkit.erasure;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.subject.SubjectId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory provider that counts its erase calls per subject and the most that ran at once for one subject, and
 * can run a hook inside erase or fail once for chosen subjects.
 */
final class CountingProvider implements PersonalDataProvider {

  final InMemoryPersonalDataProvider delegate;
  private final Map<SubjectId, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<SubjectId, AtomicInteger> running = new ConcurrentHashMap<>();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private final Set<SubjectId> failOnce = ConcurrentHashMap.newKeySet();
  private volatile Consumer<SubjectId> inside = subject -> {};
  private volatile int failBatchAfter = -1;
  private volatile boolean failBatchReadOnce;
  /** The calls of {@link #related} and {@link #contactPoints}, one subject each. */
  final AtomicInteger singleReads = new AtomicInteger();
  /** The calls of {@link #relatedAll} and {@link #contactPointsAll}, many subjects each. */
  final AtomicInteger batchReads = new AtomicInteger();
  /** The number of contexts of each {@link #eraseAll} call, in call order. */
  final List<Integer> batches = new CopyOnWriteArrayList<>();

  CountingProvider(ProviderDescriptor descriptor) {
    this.delegate = new InMemoryPersonalDataProvider(descriptor);
  }

  /** Runs the hook inside every erase, before the records are erased. */
  CountingProvider inside(Consumer<SubjectId> hook) {
    this.inside = hook;
    return this;
  }

  /** Makes the next erase of the subject fail with a host exception, after counting it. */
  CountingProvider failOnceFor(SubjectId subject) {
    failOnce.add(subject);
    return this;
  }

  /** Makes the next {@link #eraseAll} call fail with a host exception once it erased {@code subjects} subjects. */
  CountingProvider failBatchAfter(int subjects) {
    this.failBatchAfter = subjects;
    return this;
  }

  int calls(SubjectId subject) {
    AtomicInteger count = calls.get(subject);
    return count == null ? 0 : count.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** The most erase calls for one subject that ran at the same time. */
  int mostAtOnce() {
    return mostAtOnce.get();
  }

  @Override
  public ProviderDescriptor describe() {
    return delegate.describe();
  }

  @Override
  public void export(SubjectId subject, DataSink sink) {
    delegate.export(subject, sink);
  }

  @Override
  public List<Relation> related(SubjectId subject) {
    singleReads.incrementAndGet();
    return delegate.related(subject);
  }

  /** Reads with the in-memory provider's default. */
  @Override
  public Map<SubjectId, List<Relation>> relatedAll(Collection<SubjectId> subjects) {
    batchReads.incrementAndGet();
    return delegate.relatedAll(subjects);
  }

  @Override
  public List<ContactPoint> contactPoints(SubjectId subject) {
    singleReads.incrementAndGet();
    return delegate.contactPoints(subject);
  }

  /** Reads with the in-memory provider's default, failing once if told to. */
  @Override
  public Map<SubjectId, List<ContactPoint>> contactPointsAll(Collection<SubjectId> subjects) {
    batchReads.incrementAndGet();
    if (failBatchReadOnce) {
      failBatchReadOnce = false;
      throw new IllegalStateException("connection reset");
    }
    return delegate.contactPointsAll(subjects);
  }

  /** Makes the next {@link #contactPointsAll} call fail with a host exception. */
  CountingProvider failBatchReadOnce() {
    this.failBatchReadOnce = true;
    return this;
  }

  /** Records the call's size, then erases each subject with {@link #erase}, failing midway if told to. */
  @Override
  public void eraseAll(List<? extends ErasureContext> contexts) {
    batches.add(contexts.size());
    int failAfter = failBatchAfter;
    failBatchAfter = -1;
    for (int i = 0; i < contexts.size(); i++) {
      if (i == failAfter) {
        throw new IllegalStateException("connection reset");
      }
      erase(contexts.get(i).subject(), contexts.get(i));
    }
  }

  @Override
  public void erase(SubjectId subject, ErasureContext context) {
    calls.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
    int now = running.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
    try {
      inside.accept(subject);
      if (failOnce.remove(subject)) {
        throw new IllegalStateException("connection reset");
      }
      delegate.erase(subject, context);
    } finally {
      running.get(subject).decrementAndGet();
    }
  }
}
