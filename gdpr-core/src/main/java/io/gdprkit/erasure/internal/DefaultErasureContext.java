package io.gdprkit.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.FieldUpdate;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.RecordPlan;
import io.gdprkit.erasure.ErasureExemption;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.RetainedField;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.IpAddresses;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans record erasure from a provider's field strategies and the erasure's scope, and counts what the provider
 * applied. Plans are idempotent: values already erased yield no update.
 *
 * <p>Whatever the scope, a field is kept while a declared purpose that stands for an Art. 17(3) exemption (legal
 * obligation, public task, legal claims) needs its category and the purpose's retention, counted from the record's
 * date, has not passed; the report names the exemption. For a purpose scope, a field another purpose still needs on
 * another basis, or under a consent still granted, is kept for as long as that basis lasts.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultErasureContext implements ErasureContext {

  /** Prefix of keyed-hash replacements, by which an already pseudonymised value is recognised. */
  public static final String PSEUDONYM_PREFIX = "pseud:";

  private static final String HASH_LABEL = "erasure";

  private static final Logger LOG = LoggerFactory.getLogger(DefaultErasureContext.class);

  private final SubjectId subject;
  private final ProviderDescriptor descriptor;
  private final ErasureScope scope;
  private final PurposeRegistry purposes;
  private final SubjectConsents consents;
  private final PseudonymKey keys;
  private final Clock clock;
  private final Instant now;
  private final Map<String, List<Retention>> pendingRetained = new HashMap<>();
  private final Map<String, Counted> counted = new LinkedHashMap<>();
  private final List<Holder> holders;
  private final @Nullable Instant collectedUpTo;

  /** What an applied plan of one record counts for in the report. */
  private record Counted(boolean deleted, int fieldsAnonymised, List<Retention> retentions) {}

  private record Retention(String field, String reason, @Nullable Instant until,
      @Nullable ErasureExemption exemption) {}

  /** A purpose that keeps its categories from erasure for its retention (Art. 17(3)). */
  private record Holder(Purpose purpose, ErasureExemption exemption, Period retention) {}

  /**
   * Creates the context of one provider's erasure.
   *
   * @param collectedUpTo for the release of held data, when the erasure that kept it started: later records are left
   *     alone; {@code null} for an erasure
   */
  public DefaultErasureContext(SubjectId subject, ProviderDescriptor descriptor, ErasureScope scope,
      PurposeRegistry purposes, SubjectConsents consents, PseudonymKey keys, Clock clock,
      @Nullable Instant collectedUpTo) {
    this.subject = subject;
    this.descriptor = descriptor;
    this.scope = scope;
    this.purposes = purposes;
    this.consents = consents;
    this.keys = keys;
    this.clock = clock;
    this.now = clock.instant();
    this.collectedUpTo = collectedUpTo;
    List<Holder> found = new ArrayList<>();
    for (Purpose purpose : purposes.all()) {
      // a purpose-ended scope of the keeping purpose ends its hold; a purpose without retention keeps nothing, and
      // build() refuses one that declares categories (MissingRetentionException)
      if (!purpose.id().equals(scope.purpose()) && purpose.retention() != null) {
        ErasureExemption.of(purpose).ifPresent(e -> found.add(new Holder(purpose, e, purpose.retention())));
      }
    }
    this.holders = List.copyOf(found);
  }

  @Override
  public SubjectId subject() {
    return subject;
  }

  @Override
  public RecordPlan plan(String record, Map<String, @Nullable Object> values, @Nullable Instant recordDate) {
    Preconditions.notBlank(record, "record");
    Preconditions.notNull(values, "values");
    if (collectedUpTo != null && recordDate != null && recordDate.isAfter(collectedUpTo)) {
      pendingRetained.put(record, List.of()); // collected after the erasure whose held data this releases
      return new RecordPlan(record, false, List.of());
    }
    boolean delete = false;
    List<FieldUpdate> updates = new ArrayList<>();
    List<Retention> retentions = new ArrayList<>();
    List<FieldDescriptor> deleting = new ArrayList<>();
    for (FieldDescriptor field : descriptor.fields()) {
      if (!values.containsKey(field.name())) {
        continue;
      }
      Object value = values.get(field.name());
      if (scope.kind() == ErasureScope.Kind.CATEGORIES && !scope.categories().contains(field.category())) {
        continue;
      }
      if (scope.purpose() != null && !neededBy(scope.purpose(), field)) {
        continue; // not processed for this purpose
      }
      ErasureStrategy strategy = field.erasure();
      List<Retention> kept = value == null ? new ArrayList<>(1) : exempted(field, recordDate);
      if (strategy instanceof ErasureStrategy.Retain retain) {
        Instant until = retainedUntil(recordDate, retain.period(), field);
        if (until.isAfter(now)) {
          kept.add(new Retention(field.name(), retain.obligation(), until, null));
        }
      }
      if (kept.isEmpty() && scope.purpose() != null) {
        String keeper = keeper(field);
        if (keeper != null) {
          kept.add(new Retention(field.name(), keeper, null, null));
        }
      }
      if (!kept.isEmpty()) {
        retentions.addAll(kept);
        continue;
      }
      if (strategy instanceof ErasureStrategy.Retain) {
        if (value != null) {
          updates.add(new FieldUpdate(field.name(), null)); // the obligation has run out
        }
      } else if (strategy == ErasureStrategy.deleteRecord()) {
        delete = true;
        deleting.add(field);
      } else {
        Object replacement = replacement(strategy, value);
        if (!Objects.equals(replacement, value)) {
          updates.add(new FieldUpdate(field.name(), replacement));
        }
      }
    }
    if (delete && (!retentions.isEmpty() || scope.keepRecords())) {
      // Deleting the record would destroy what must be kept, or the scope keeps records: clear fields instead.
      delete = false;
      for (FieldDescriptor field : deleting) {
        if (values.get(field.name()) != null) {
          updates.add(new FieldUpdate(field.name(), null));
        }
      }
    }
    pendingRetained.put(record, retentions);
    return delete ? new RecordPlan(record, true, List.of()) : new RecordPlan(record, false, updates);
  }

  /**
   * {@inheritDoc}
   *
   * <p>True when the erasure is no release of held data, no purpose's and keeps no records, and each of the fields it
   * covers deletes the record and is of a category that no purpose standing for an Art. 17(3) exemption keeps: then
   * {@link #plan} reads no value and no date.
   */
  @Override
  public boolean plansWithoutValues(Collection<String> fields) {
    Preconditions.notNull(fields, "fields");
    if (collectedUpTo != null || scope.purpose() != null || scope.keepRecords()) {
      return false;
    }
    for (FieldDescriptor field : descriptor.fields()) {
      if (!fields.contains(field.name())
          || (scope.kind() == ErasureScope.Kind.CATEGORIES && !scope.categories().contains(field.category()))) {
        continue;
      }
      if (field.erasure() != ErasureStrategy.deleteRecord()
          || holders.stream().anyMatch(holder -> holder.purpose().dataCategories().contains(field.category()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns when the obligation on a field runs out: the record's date plus the period. A record date after now
   * counts as now and one before 1970 as 1970, so a far-future date from the host (up to {@code Instant.MAX})
   * neither fails the erasure nor keeps the field for ever: the field is kept at most the declared period, itself at
   * most 100 years, from now.
   */
  private Instant retainedUntil(@Nullable Instant recordDate, Period period, FieldDescriptor field) {
    Instant base = recordDate == null ? now : recordDate;
    if (base.isAfter(now)) {
      LOG.warn("provider {} dated a record with retained field {} after now; its retention runs from now instead",
          descriptor.id(), Messages.quote(field.name()));
      base = now;
    } else if (base.isBefore(Bounds.EARLIEST)) {
      base = Bounds.EARLIEST;
    }
    return base.atZone(ZoneOffset.UTC).plus(period).toInstant();
  }

  /**
   * Returns why purposes standing for an Art. 17(3) exemption keep the field: one retention per purpose that needs its
   * category and whose retention, from the record's date, has not passed.
   */
  private List<Retention> exempted(FieldDescriptor field, @Nullable Instant recordDate) {
    List<Retention> kept = new ArrayList<>(1);
    for (Holder holder : holders) {
      if (holder.purpose().dataCategories().contains(field.category())) {
        Instant until = retainedUntil(recordDate, holder.retention(), field);
        if (until.isAfter(now)) {
          kept.add(new Retention(field.name(), holder.exemption().describe(), until, holder.exemption()));
        }
      }
    }
    return kept;
  }

  private @Nullable Object replacement(ErasureStrategy strategy, @Nullable Object value) {
    if (value == null) {
      return strategy.replacement();
    }
    if (strategy == ErasureStrategy.setNull()) {
      return null;
    }
    if (strategy instanceof ErasureStrategy.Replace replace) {
      return replace.replacement();
    }
    if (strategy == ErasureStrategy.keyedHash()) {
      if (value instanceof String text && text.startsWith(PSEUDONYM_PREFIX)) {
        return value;
      }
      return PSEUDONYM_PREFIX + keys.pseudonym(HASH_LABEL, value.toString());
    }
    if (strategy == ErasureStrategy.keepYear()) {
      return PartialValues.year(value);
    }
    if (strategy == ErasureStrategy.keepLastFour()) {
      return PartialValues.lastFour(value);
    }
    if (strategy == ErasureStrategy.maskIp()) {
      try {
        return IpAddresses.truncate(value.toString());
      } catch (io.gdprkit.InvalidInputException notAnIp) {
        return null; // not an address: nothing of it can be kept safely
      }
    }
    throw new IllegalStateException("unknown erasure strategy " + strategy.getClass().getName());
  }

  /** Returns whether the purpose needs the field's category. */
  private boolean neededBy(@Nullable String purposeId, FieldDescriptor field) {
    return purposeId != null && purposes.find(purposeId).map(p -> p.dataCategories().contains(field.category()))
        .orElse(false);
  }

  /**
   * Returns why another purpose keeps the field for as long as its basis lasts, or null when none does. A purpose that
   * stands for an Art. 17(3) exemption keeps it only for its retention ({@link #exempted}), never beyond.
   */
  private @Nullable String keeper(FieldDescriptor field) {
    for (Purpose purpose : purposes.all()) {
      if (purpose.id().equals(scope.purpose()) || !purpose.dataCategories().contains(field.category())
          || ErasureExemption.of(purpose).isPresent()) {
        continue;
      }
      if (!purpose.needsConsent()) {
        return "legal basis " + purpose.legalBasis() + " of purpose " + Messages.quote(purpose.id());
      }
      var state = consents.state(purpose.id());
      if (state != null && state.isValidAt(clock.millis())) {
        return "consent for purpose " + Messages.quote(purpose.id()) + " is still granted";
      }
    }
    return null;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each record counts once, by its id: when a provider applies a plan of the record again with the same context,
   * as after a failed {@code eraseAll} the kit erases each subject again on its own, a plan that writes something
   * replaces the record's count (the earlier writes were rolled back) and a plan that writes nothing leaves it (they
   * were kept, and the values are already erased).
   */
  @Override
  public void applied(RecordPlan plan) {
    Preconditions.notNull(plan, "plan");
    List<Retention> retentions = pendingRetained.remove(plan.record());
    boolean writes = plan.deleteRecord() || !plan.updates().isEmpty();
    if (!writes && counted.containsKey(plan.record())) {
      return;
    }
    counted.put(plan.record(), new Counted(plan.deleteRecord(), plan.deleteRecord() ? 0 : plan.updates().size(),
        retentions == null ? List.of() : retentions));
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null || b == null) {
      return null;
    }
    return a.isAfter(b) ? a : b;
  }

  /** Returns what the provider applied. */
  public ProviderReport report(boolean resumed) {
    long recordsDeleted = 0;
    long fieldsAnonymised = 0;
    Map<String, RetainedField> retained = new LinkedHashMap<>();
    Instant nextRelease = null;
    for (Counted record : counted.values()) {
      recordsDeleted += record.deleted() ? 1 : 0;
      fieldsAnonymised += record.fieldsAnonymised();
      for (Retention retention : record.retentions()) {
        retained.merge(retention.field() + '\u0000' + retention.reason(),
            new RetainedField(retention.field(), retention.reason(), retention.until(), 1, retention.exemption()),
            (a, b) -> new RetainedField(a.field(), a.reason(), later(a.until(), b.until()), a.records() + 1,
                a.exemption()));
        Instant until = retention.until();
        if (until != null && (nextRelease == null || until.isBefore(nextRelease))) {
          nextRelease = until;
        }
      }
    }
    return new ProviderReport(descriptor.id(), recordsDeleted, fieldsAnonymised, List.copyOf(retained.values()),
        resumed, nextRelease);
  }
}
