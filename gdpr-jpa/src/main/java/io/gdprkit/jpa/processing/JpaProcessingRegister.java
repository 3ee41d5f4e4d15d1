package io.gdprkit.jpa.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.interceptor.ExemptingProvider;
import io.gdprkit.jpa.processing.internal.RegisterJson;
import io.gdprkit.jpa.provider.JpaPersonalDataProvider;
import io.gdprkit.jpa.provider.PersonalDataEntity;
import io.gdprkit.processing.ErasureTimeLimit;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessingRecordService;
import io.gdprkit.processing.ThirdCountryTransfer;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.TransferRules;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The records of processing as the code sees them: what every store of the kit holds, read from the host entities'
 * annotations by the generic provider (and from the descriptors of any other provider), set against the declared
 * register, the purposes, the retention rules and the register of recipients.
 *
 * <p>Why: the records must describe the processing as it is (Art. 30(1)), and a register written by hand drifts from
 * the code the day an entity gains an attribute. From one snapshot of the kit this derives:
 * <ul>
 *   <li>{@link #stores()}: per entity, the categories it stores, how each attribute is erased or how long it is kept,
 *       which attributes are encrypted, and the declared purposes that need its categories;</li>
 *   <li>{@link #merged()}: the declared activities completed by the code's facts: the stored categories their purposes
 *       need (Art. 30(1)(c)) and the time limits for erasure that the code enforces (Art. 30(1)(f)): a retention under
 *       a legal obligation ({@code @PersonalData(retention)}), a retention rule, a purpose's storage period.
 *       {@link #update} saves them, so the register's export ({@code gdpr.processingRecords().export(..)}) shows
 *       them. What the controller wrote stays: a derived time limit is added only where the activity states none for
 *       the category, and one added earlier (its text starts with {@value #DERIVED}) is replaced when the code
 *       changed;</li>
 *   <li>{@link #drift()}: where the declared register and the code disagree, such as a category stored by an entity
 *       that no activity lists, or a recipient outside the EEA to which no activity declares a transfer;</li>
 *   <li>{@link #minimisation()}: stored categories that no purpose needs, and purposes that need a category nothing
 *       stores (Art. 5(1)(c), 25).</li>
 * </ul>
 * Categories are compared by id. The snapshot is immutable and thread-safe; derive it again after the kit's register
 * changed.
 *
 * <p>Usage example: <pre>{@code
 * JpaProcessingRegister register = JpaProcessingRegister.derive(gdpr);
 * register.update(Actor.staff("dpo"));                   // completes the declared activities
 * assertThat(register.drift().isEmpty()).isTrue();        // in the host's build, on a fresh derive
 * register.minimisation().writeJson(out);
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaProcessingRegister {

  /** How a time limit for erasure derived from the code begins, so that a later derivation can recognise it. */
  public static final String DERIVED = "Derived from the code: ";

  private static final TransferRules EEA = TransferRules.defaults();
  private static final int MAX_LIMIT = 500;
  private static final int NAMED_FIELDS = 6;

  private final ProcessingRecordService records;
  private final List<Purpose> purposes;
  private final Map<String, Purpose> purposesById = new LinkedHashMap<>();
  private final List<StoredData> stores;
  private final Map<String, DataCategory> stored = new TreeMap<>();
  private final List<ProcessingActivity> declared;
  private final List<Recipient> recipients;
  private final List<RetentionRule> rules;

  private JpaProcessingRegister(ProcessingRecordService records, List<Purpose> purposes, List<StoredData> stores,
      List<ProcessingActivity> declared, List<Recipient> recipients, List<RetentionRule> rules) {
    this.records = records;
    this.purposes = List.copyOf(purposes);
    purposes.forEach(purpose -> purposesById.put(purpose.id(), purpose));
    this.stores = List.copyOf(stores);
    stores.forEach(store -> store.categories().forEach(category -> stored.putIfAbsent(category.id(), category)));
    this.declared = List.copyOf(declared);
    this.recipients = recipients.stream().sorted(Comparator.comparing(Recipient::id)).toList();
    this.rules = List.copyOf(rules);
  }

  /** Derives the register of the default tenant, as {@link #derive(GdprKit, TenantId)} does. */
  public static JpaProcessingRegister derive(GdprKit kit) {
    return derive(kit, TenantId.DEFAULT);
  }

  /**
   * Reads the kit once: every provider it exports and erases through (a {@link JpaPersonalDataProvider} per entity,
   * also inside an {@link ExemptingProvider}; any other as a whole, by its descriptor), its purposes and retention
   * rules, and the tenant's register of processing and of recipients.
   *
   * <p>Usage example: <pre>{@code JpaProcessingRegister.derive(gdpr, TenantId.of("acme")).drift()}</pre>
   */
  public static JpaProcessingRegister derive(GdprKit kit, TenantId tenant) {
    Preconditions.notNull(kit, "kit");
    Preconditions.notNull(tenant, "tenant");
    List<Purpose> purposes = kit.purposes().all();
    List<StoredData> stores = new ArrayList<>();
    for (PersonalDataProvider provider : kit.personalData().providers()) {
      ProviderDescriptor descriptor = provider.describe();
      PersonalDataProvider read = provider instanceof ExemptingProvider exempting ? exempting.wrapped() : provider;
      if (read instanceof JpaPersonalDataProvider jpa) {
        for (PersonalDataEntity entity : jpa.entities()) {
          if (!entity.fields().isEmpty()) {
            stores.add(new StoredData(descriptor.id(), entity.name(), entity.fields(), entity.encrypted(),
                needing(purposes, entity.categories())));
          }
        }
      } else if (!descriptor.fields().isEmpty()) {
        stores.add(new StoredData(descriptor.id(), descriptor.id(), descriptor.fields(), Set.of(),
            needing(purposes, descriptor.categories())));
      }
    }
    ProcessingRecordService records = kit.processingRecords().forTenant(tenant);
    List<Recipient> active = kit.recipients().forTenant(tenant).recipients().stream()
        .filter(recipient -> recipient.retiredAt() == null).toList();
    return new JpaProcessingRegister(records, purposes, stores, records.activities(), active, kit.retention().rules());
  }

  private static List<String> needing(List<Purpose> purposes, Set<DataCategory> categories) {
    Set<String> ids = ids(categories);
    return purposes.stream().filter(purpose -> purpose.dataCategories().stream().anyMatch(c -> ids.contains(c.id())))
        .map(Purpose::id).toList();
  }

  /** Returns the tenant whose register this is. */
  public TenantId tenant() {
    return records.tenant();
  }

  /** Returns what each store holds, in the order of the kit's providers, then of entity names. */
  public List<StoredData> stores() {
    return stores;
  }

  /**
   * Returns the declared activities, ordered by id, each completed by what the code says of it: the stored categories
   * its purposes need and it does not list, then a time limit for erasure of each of its categories for which the
   * code enforces one and the activity states none (or states a derived one that is out of date).
   */
  public List<ProcessingActivity> merged() {
    return declared.stream().map(this::merge).toList();
  }

  /**
   * Saves each merged activity that differs from the declared one, in the register of this snapshot's tenant; each
   * save is its own unit of work, audited as a register change. An activity naming a purpose the kit no longer
   * declares is left as it is (the register's {@code check()} reports it). Running it again after an interruption
   * saves what is left.
   *
   * @return the ids of the activities saved, ordered by id
   */
  public List<String> update(Actor actor) {
    Preconditions.notNull(actor, "actor");
    List<String> saved = new ArrayList<>();
    for (ProcessingActivity activity : declared) {
      ProcessingActivity merged = merge(activity);
      if (!merged.equals(activity) && purposesById.keySet().containsAll(activity.purposes())) {
        records.save(merged, actor);
        saved.add(activity.id());
      }
    }
    return List.copyOf(saved);
  }

  /** Returns where the declared register and the code disagree. */
  public RegisterDrift drift() {
    List<RegisterDrift.UnlistedCategory> unlisted = new ArrayList<>();
    Set<String> listed = new LinkedHashSet<>();
    declared.forEach(activity -> listed.addAll(ids(activity.dataCategories())));
    stored.forEach((id, category) -> {
      if (!listed.contains(id)) {
        unlisted.add(new RegisterDrift.UnlistedCategory(category, storesOf(id)));
      }
    });
    List<RegisterDrift.ActivityCategory> missing = new ArrayList<>();
    List<RegisterDrift.ActivityCategory> unstored = new ArrayList<>();
    List<RegisterDrift.ActivityCategory> limits = new ArrayList<>();
    for (ProcessingActivity activity : declared) {
      Set<String> own = ids(activity.dataCategories());
      neededAndStored(activity).stream().filter(category -> !own.contains(category.id()))
          .forEach(category -> missing.add(new RegisterDrift.ActivityCategory(activity.id(), category.id())));
      for (DataCategory category : sortedById(activity.dataCategories())) {
        if (!stored.containsKey(category.id())) {
          unstored.add(new RegisterDrift.ActivityCategory(activity.id(), category.id()));
        }
        Optional<ErasureTimeLimit> before = limitOf(activity, category.id());
        if (!mergedLimit(activity, category).equals(before)) {
          limits.add(new RegisterDrift.ActivityCategory(activity.id(), category.id()));
        }
      }
    }
    List<RegisterDrift.UndeclaredTransfer> transfers = new ArrayList<>();
    for (Recipient recipient : recipients) {
      String country = recipient.country().value();
      boolean declaredTransfer = declared.stream().flatMap(activity -> activity.transfers().stream())
          .map(ThirdCountryTransfer::destination).anyMatch(destination -> destination.strip().equalsIgnoreCase(country));
      if (!EEA.isInEea(recipient.country()) && !declaredTransfer) {
        transfers.add(new RegisterDrift.UndeclaredTransfer(recipient.id(), recipient.country()));
      }
    }
    return new RegisterDrift(unlisted, missing, unstored, limits, transfers);
  }

  /** Returns the stored categories that no declared purpose needs, and the needed ones that nothing stores. */
  public MinimisationReport minimisation() {
    Set<String> needed = new LinkedHashSet<>();
    purposes.forEach(purpose -> needed.addAll(ids(purpose.dataCategories())));
    List<MinimisationReport.UnneededCategory> unneeded = new ArrayList<>();
    stored.forEach((id, category) -> {
      if (!needed.contains(id)) {
        List<String> fields = stores.stream().flatMap(store -> store.fields().stream())
            .filter(field -> field.category().id().equals(id)).map(FieldDescriptor::name).toList();
        unneeded.add(new MinimisationReport.UnneededCategory(category, storesOf(id), fields));
      }
    });
    List<MinimisationReport.UnstoredCategory> unstored = new ArrayList<>();
    for (Purpose purpose : purposes) {
      sortedById(purpose.dataCategories()).stream().filter(category -> !stored.containsKey(category.id()))
          .forEach(category -> unstored.add(new MinimisationReport.UnstoredCategory(purpose.id(), category)));
    }
    return new MinimisationReport(unneeded, unstored);
  }

  /**
   * Writes the derived facts as one JSON object: {@code {"register":"derived-from-code","article":..,"tenant":..,
   * "stores":[..],"activities":[{"id","dataCategories","erasureTimeLimits"}],"drift":{..},"minimisation":{..}}}. It
   * names stores, fields, categories and ids, never a value of personal data. The stream is flushed, not closed.
   *
   * @throws java.io.UncheckedIOException if writing fails
   */
  public void writeJson(OutputStream out) {
    Preconditions.notNull(out, "out");
    RegisterDrift drift = drift();
    MinimisationReport minimisation = minimisation();
    List<ProcessingActivity> merged = merged();
    RegisterJson.write(out, json -> {
      json.writeStartObject();
      json.writeStringProperty("register", "derived-from-code");
      json.writeStringProperty("article", "GDPR Art. 30(1)");
      json.writeStringProperty("tenant", tenant().value());
      json.writeName("stores");
      RegisterJson.stores(json, stores);
      json.writeName("activities");
      RegisterJson.activities(json, merged);
      json.writeName("drift");
      RegisterJson.drift(json, drift);
      json.writeName("minimisation");
      RegisterJson.minimisation(json, minimisation);
      json.writeEndObject();
    });
  }

  private ProcessingActivity merge(ProcessingActivity activity) {
    Set<String> own = ids(activity.dataCategories());
    List<DataCategory> categories = new ArrayList<>(activity.dataCategories());
    neededAndStored(activity).stream().filter(category -> !own.contains(category.id())).forEach(categories::add);
    List<ErasureTimeLimit> limits = new ArrayList<>(activity.erasureTimeLimits());
    for (DataCategory category : categories) {
      Optional<ErasureTimeLimit> before = limitOf(activity, category.id());
      Optional<ErasureTimeLimit> after = mergedLimit(activity, category);
      if (!after.equals(before)) {
        before.ifPresent(limits::remove);
        after.ifPresent(limits::add);
      }
    }
    return new ProcessingActivity(activity.id(), activity.name(), activity.purposes(), activity.subjectCategories(),
        categories, activity.recipientCategories(), activity.transfers(), limits, activity.securityMeasures());
  }

  /**
   * Returns the time limit the activity should state for the category: its own words if it has some, else what the
   * code enforces, if anything.
   */
  private Optional<ErasureTimeLimit> mergedLimit(ProcessingActivity activity, DataCategory category) {
    Optional<ErasureTimeLimit> own = limitOf(activity, category.id());
    if (own.isPresent() && !own.get().limit().startsWith(DERIVED)) {
      return own;
    }
    return derivedLimit(activity, category);
  }

  private static Optional<ErasureTimeLimit> limitOf(ProcessingActivity activity, String category) {
    return activity.erasureTimeLimits().stream().filter(limit -> limit.category().equals(category)).findFirst();
  }

  /**
   * Returns the time limit for erasure of a category that the code enforces for an activity: fields kept under a legal
   * obligation, retention rules over the category, the activity's purposes or every subject, and the storage periods
   * of the activity's purposes that need the category.
   */
  private Optional<ErasureTimeLimit> derivedLimit(ProcessingActivity activity, DataCategory category) {
    List<String> facts = new ArrayList<>();
    Map<String, List<String>> retained = new LinkedHashMap<>();
    for (StoredData store : stores) {
      for (FieldDescriptor field : store.fields()) {
        if (field.category().id().equals(category.id()) && field.erasure() instanceof ErasureStrategy.Retain retain) {
          retained.computeIfAbsent("kept " + human(retain.period()) + " after the record's date under "
              + retain.obligation(), k -> new ArrayList<>()).add(field.name());
        }
      }
    }
    retained.forEach((fact, fields) -> facts.add(fact + " (" + named(fields) + ")"));
    for (RetentionRule rule : rules) {
      boolean applies = rule.category() != null ? rule.category().id().equals(category.id())
          : rule.purpose() == null || (activity.purposes().contains(rule.purpose()) && needs(rule.purpose(), category));
      if (applies) {
        facts.add((rule.action() == RetentionRule.Action.ERASE ? "erased " : "anonymised ") + human(rule.keep())
            + " after the subject's last activity (retention rule " + rule.id() + ")");
      }
    }
    for (String id : activity.purposes()) {
      Purpose purpose = purposesById.get(id);
      if (purpose != null && purpose.retention() != null && needs(id, category)) {
        facts.add("stored " + human(purpose.retention()) + " for purpose " + id);
      }
    }
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    String text = DERIVED + String.join("; ", facts);
    return Optional.of(ErasureTimeLimit.of(category.id(),
        text.length() > MAX_LIMIT ? text.substring(0, MAX_LIMIT - 3) + "..." : text));
  }

  /** Returns the stored categories that the activity's declared purposes need, by purpose, then category id. */
  private List<DataCategory> neededAndStored(ProcessingActivity activity) {
    Map<String, DataCategory> found = new LinkedHashMap<>();
    for (String id : activity.purposes()) {
      Purpose purpose = purposesById.get(id);
      if (purpose != null) {
        sortedById(purpose.dataCategories()).stream().filter(category -> stored.containsKey(category.id()))
            .forEach(category -> found.putIfAbsent(category.id(), category));
      }
    }
    return List.copyOf(found.values());
  }

  private boolean needs(String purposeId, DataCategory category) {
    Purpose purpose = purposesById.get(purposeId);
    return purpose != null && ids(purpose.dataCategories()).contains(category.id());
  }

  private List<String> storesOf(String categoryId) {
    return stores.stream().filter(store -> ids(store.categories()).contains(categoryId)).map(StoredData::store)
        .distinct().toList();
  }

  private static Set<String> ids(Iterable<DataCategory> categories) {
    Set<String> ids = new LinkedHashSet<>();
    categories.forEach(category -> ids.add(category.id()));
    return ids;
  }

  private static List<DataCategory> sortedById(Iterable<DataCategory> categories) {
    List<DataCategory> sorted = new ArrayList<>();
    categories.forEach(sorted::add);
    sorted.sort(Comparator.comparing(DataCategory::id));
    return sorted;
  }

  private static String named(List<String> fields) {
    List<String> sorted = fields.stream().sorted().toList();
    if (sorted.size() <= NAMED_FIELDS) {
      return String.join(", ", sorted);
    }
    return String.join(", ", sorted.subList(0, NAMED_FIELDS)) + " and " + (sorted.size() - NAMED_FIELDS) + " more";
  }

  /** Returns a period in words: {@code P10Y} as {@code 10 years}, {@code P1Y6M} as {@code 1 year 6 months}. */
  static String human(Period period) {
    List<String> parts = new ArrayList<>();
    unit(parts, period.getYears(), "year");
    unit(parts, period.getMonths(), "month");
    unit(parts, period.getDays(), "day");
    return parts.isEmpty() ? "0 days" : String.join(" ", parts);
  }

  /** Returns a duration in words, in whole days where it is some, else hours, minutes or seconds. */
  static String human(Duration duration) {
    long seconds = duration.getSeconds();
    List<String> parts = new ArrayList<>();
    if (seconds % 86_400 == 0) {
      unit(parts, seconds / 86_400, "day");
    } else if (seconds % 3_600 == 0) {
      unit(parts, seconds / 3_600, "hour");
    } else if (seconds % 60 == 0) {
      unit(parts, seconds / 60, "minute");
    } else {
      unit(parts, seconds, "second");
    }
    return parts.isEmpty() ? duration.toString() : String.join(" ", parts);
  }

  private static void unit(List<String> parts, long count, String unit) {
    if (count != 0) {
      parts.add(count + " " + unit + (count == 1 ? "" : "s"));
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "JpaProcessingRegister[tenant=%s, stores=%d, activities=%d]",
        tenant().value(), stores.size(), declared.size());
  }
}
