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
import java.time.ZoneOffset;
import java.util.ArrayList;
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
  private final Map<String, RetainedField> retained = new LinkedHashMap<>();
  private long recordsDeleted;
  private long fieldsAnonymised;

  private record Retention(String field, String reason, @Nullable Instant until) {}

  public DefaultErasureContext(SubjectId subject, ProviderDescriptor descriptor, ErasureScope scope,
      PurposeRegistry purposes, SubjectConsents consents, PseudonymKey keys, Clock clock) {
    this.subject = subject;
    this.descriptor = descriptor;
    this.scope = scope;
    this.purposes = purposes;
    this.consents = consents;
    this.keys = keys;
    this.clock = clock;
    this.now = clock.instant();
  }

  @Override
  public SubjectId subject() {
    return subject;
  }

  @Override
  public RecordPlan plan(String record, Map<String, @Nullable Object> values, @Nullable Instant recordDate) {
    Preconditions.notBlank(record, "record");
    Preconditions.notNull(values, "values");
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
      if (scope.purpose() != null) {
        if (!neededBy(scope.purpose(), field)) {
          continue; // not processed for this purpose
        }
        String keeper = keeper(field);
        if (keeper != null) {
          retentions.add(new Retention(field.name(), keeper, null));
          continue;
        }
      }
      ErasureStrategy strategy = field.erasure();
      if (strategy instanceof ErasureStrategy.Retain retain) {
        Instant until = retainedUntil(recordDate, retain, field);
        if (until.isAfter(now)) {
          retentions.add(new Retention(field.name(), retain.obligation(), until));
        } else if (value != null) {
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
   * Returns when the obligation on a field runs out: the record's date plus the period. A record date after now
   * counts as now and one before 1970 as 1970, so a far-future date from the host (up to {@code Instant.MAX})
   * neither fails the erasure nor keeps the field for ever: the field is kept at most the declared period, itself at
   * most 100 years, from now.
   */
  private Instant retainedUntil(@Nullable Instant recordDate, ErasureStrategy.Retain retain, FieldDescriptor field) {
    Instant base = recordDate == null ? now : recordDate;
    if (base.isAfter(now)) {
      LOG.warn("provider {} dated a record with retained field {} after now; its retention runs from now instead",
          descriptor.id(), Messages.quote(field.name()));
      base = now;
    } else if (base.isBefore(Bounds.EARLIEST)) {
      base = Bounds.EARLIEST;
    }
    return base.atZone(ZoneOffset.UTC).plus(retain.period()).toInstant();
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

  /** Returns why another purpose keeps the field, or null when none does. */
  private @Nullable String keeper(FieldDescriptor field) {
    for (Purpose purpose : purposes.all()) {
      if (purpose.id().equals(scope.purpose()) || !purpose.dataCategories().contains(field.category())) {
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

  @Override
  public void applied(RecordPlan plan) {
    Preconditions.notNull(plan, "plan");
    if (plan.deleteRecord()) {
      recordsDeleted++;
    } else {
      fieldsAnonymised += plan.updates().size();
    }
    for (Retention retention : pendingRetained.getOrDefault(plan.record(), List.of())) {
      retained.merge(retention.field() + '\u0000' + retention.reason(),
          new RetainedField(retention.field(), retention.reason(), retention.until(), 1),
          (a, b) -> new RetainedField(a.field(), a.reason(), later(a.until(), b.until()), a.records() + 1));
    }
    pendingRetained.remove(plan.record());
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null || b == null) {
      return null;
    }
    return a.isAfter(b) ? a : b;
  }

  /** Returns what the provider applied. */
  public ProviderReport report(boolean resumed) {
    return new ProviderReport(descriptor.id(), recordsDeleted, fieldsAnonymised, List.copyOf(retained.values()),
        resumed);
  }
}
