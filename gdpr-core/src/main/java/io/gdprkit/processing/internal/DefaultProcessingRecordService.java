package io.gdprkit.processing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.internal.Keyset;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessingRecordService;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.RegisterCheck;
import io.gdprkit.processing.RegisterFormat;
import io.gdprkit.processing.UnknownActivityException;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The default records of processing: checks against the declared purposes, stores, and audits each change.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultProcessingRecordService implements ProcessingRecordService {

  /** The register's name in audit details. */
  public static final String REGISTER = "processing-activities";
  private static final int PAGE = 100;

  private final ProcessingRecordStore store;
  private final PurposeRegistry purposes;
  private final AuditService audit;
  private final Clock clock;
  private final TenantId tenant;

  /** Creates the service for {@link TenantId#DEFAULT}; {@link #forTenant} gives the other tenants' views. */
  public DefaultProcessingRecordService(ProcessingRecordStore store, PurposeRegistry purposes, AuditService audit,
      Clock clock) {
    this(store, purposes, audit, clock, TenantId.DEFAULT);
  }

  private DefaultProcessingRecordService(ProcessingRecordStore store, PurposeRegistry purposes, AuditService audit,
      Clock clock, TenantId tenant) {
    this.store = Preconditions.notNull(store, "store");
    this.purposes = Preconditions.notNull(purposes, "purposes");
    this.audit = Preconditions.notNull(audit, "audit");
    this.clock = Preconditions.notNull(clock, "clock");
    this.tenant = tenant;
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public ProcessingRecordService forTenant(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return tenant.equals(this.tenant) ? this
        : new DefaultProcessingRecordService(store, purposes, audit, clock, tenant);
  }

  @Override
  public void controller(ControllerDetails details, Actor actor) {
    Preconditions.notNull(details, "details");
    Preconditions.notNull(actor, "actor");
    store.controller(tenant, details);
    audited(actor, "CONTROLLER_CHANGED", null);
  }

  @Override
  public Optional<ControllerDetails> controller() {
    return store.controller(tenant);
  }

  @Override
  public boolean save(ProcessingActivity activity, Actor actor) {
    Preconditions.notNull(activity, "activity");
    Preconditions.notNull(actor, "actor");
    activity.purposes().forEach(purposes::get);
    return saved(actor, "ACTIVITY", activity.id(), store.save(tenant, activity));
  }

  @Override
  public void remove(String id, Actor actor) {
    Preconditions.notBlank(id, "activity id");
    Preconditions.notNull(actor, "actor");
    removed(actor, "ACTIVITY", id, store.remove(tenant, id));
  }

  @Override
  public Optional<ProcessingActivity> find(String id) {
    return store.find(tenant, Preconditions.notNull(id, "activity id"));
  }

  @Override
  public List<ProcessingActivity> activities() {
    List<ProcessingActivity> all = new ArrayList<>();
    forEachActivity(all::add);
    return all;
  }

  @Override
  public boolean saveProcessorActivity(ProcessorActivity activity, Actor actor) {
    Preconditions.notNull(activity, "activity");
    Preconditions.notNull(actor, "actor");
    return saved(actor, "PROCESSOR_ACTIVITY", activity.id(), store.saveProcessorActivity(tenant, activity));
  }

  @Override
  public void removeProcessorActivity(String id, Actor actor) {
    Preconditions.notBlank(id, "processor activity id");
    Preconditions.notNull(actor, "actor");
    removed(actor, "PROCESSOR_ACTIVITY", id, store.removeProcessorActivity(tenant, id));
  }

  @Override
  public List<ProcessorActivity> processorActivities() {
    List<ProcessorActivity> all = new ArrayList<>();
    forEachProcessorActivity(all::add);
    return all;
  }

  @Override
  public RegisterCheck check() {
    Set<String> served = new HashSet<>();
    List<RegisterCheck.UndeclaredPurpose> undeclared = new ArrayList<>();
    forEachActivity(activity -> activity.purposes().forEach(purpose -> {
      served.add(purpose);
      if (purposes.getOrNull(purpose) == null) {
        undeclared.add(new RegisterCheck.UndeclaredPurpose(activity.id(), purpose));
      }
    }));
    List<String> withoutActivity = purposes.all().stream().map(Purpose::id).filter(id -> !served.contains(id))
        .toList();
    return new RegisterCheck(store.controller(tenant).isPresent(), withoutActivity, undeclared);
  }

  @Override
  public void export(RegisterFormat format, OutputStream out) {
    Preconditions.notNull(format, "format");
    Preconditions.notNull(out, "out");
    RegisterWriter writer = switch (format) {
      case JSON -> new JsonRegisterWriter(out);
      case CSV -> new CsvRegisterWriter(out);
      case MARKDOWN -> new MarkdownRegisterWriter(out);
    };
    writer.begin(tenant, store.controller(tenant).orElse(null), clock.instant());
    forEachActivity(writer::activity);
    writer.beginProcessorActivities();
    forEachProcessorActivity(writer::processorActivity);
    writer.end();
  }

  /** Reads the activities page by page, so that no more than a page is held at once. */
  private void forEachActivity(Consumer<ProcessingActivity> action) {
    Keyset.forEach(PAGE, (@Nullable String after) -> store.page(tenant, after, PAGE), ProcessingActivity::id,
        action);
  }

  private void forEachProcessorActivity(Consumer<ProcessorActivity> action) {
    Keyset.forEach(PAGE, (@Nullable String after) -> store.processorPage(tenant, after, PAGE), ProcessorActivity::id,
        action);
  }

  /** Audits a save as a creation or an update, by whether it replaced something, and returns whether it created. */
  private boolean saved(Actor actor, String kind, String id, Optional<?> replaced) {
    audited(actor, kind + (replaced.isEmpty() ? "_CREATED" : "_UPDATED"), id);
    return replaced.isEmpty();
  }

  /** Audits a removal, or fails when nothing had the id. */
  private void removed(Actor actor, String kind, String id, Optional<?> removed) {
    if (removed.isEmpty()) {
      throw UnknownActivityException.of(id);
    }
    audited(actor, kind + "_REMOVED", id);
  }

  private void audited(Actor actor, String change, @Nullable String activity) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("register", REGISTER);
    details.put("change", change);
    if (activity != null) {
      details.put("activity", activity);
    }
    audit.record(new AuditRecord(AuditKind.REGISTER_CHANGED, tenant, null, actor, null, details));
  }
}
