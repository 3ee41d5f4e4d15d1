package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The records of processing activities: the controller's (Art. 30(1)), who the controller is, what it processes and
 * why, with a check that they match the purposes declared on the kit, and those the host keeps as a processor for
 * others (Art. 30(2)).
 *
 * <p>Every change is written to the audit trail as {@link io.gdprkit.audit.AuditKind#REGISTER_CHANGED} with the
 * activity's id and the kind of change, never with the activity's text, in the audit chain of the register's tenant.
 * Thread-safe.
 *
 * <p>Each tenant of a multi-tenant host is its own controller and keeps its own records: {@link #forTenant} returns
 * the view of one tenant's register, and everything it reads, checks or exports is that tenant's only. The service
 * {@code gdpr.processingRecords()} returns is the view of {@link TenantId#DEFAULT}, so single-tenant hosts never name
 * a tenant. Purposes are declared on the kit and shared by every tenant.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.processingRecords().controller(ControllerDetails.of(Contact.of("Acme GmbH", "privacy@acme.example")), dpo);
 * gdpr.processingRecords().save(mailing, dpo);
 * gdpr.processingRecords().export(RegisterFormat.MARKDOWN, out);
 * gdpr.processingRecords().forTenant(TenantId.of("acme")).export(RegisterFormat.JSON, out);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ProcessingRecordService {

  /** Returns the tenant whose register this view reads and writes. */
  TenantId tenant();

  /**
   * Returns the view of one tenant's register: its controller, activities, check, export and audit chain.
   *
   * <p>Usage example: <pre>{@code gdpr.processingRecords().forTenant(TenantId.of("acme")).save(mailing, dpo);}</pre>
   */
  ProcessingRecordService forTenant(TenantId tenant);

  /** Records or replaces the controller's details (Art. 30(1)(a)). */
  void controller(ControllerDetails details, Actor actor);

  /** Returns the controller's details, if recorded. */
  Optional<ControllerDetails> controller();

  /**
   * Adds an activity, or replaces the one with its id.
   *
   * @return whether the activity was new
   * @throws io.gdprkit.purpose.UnknownPurposeException if it names a purpose the kit does not declare; nothing is
   *     written
   */
  boolean save(ProcessingActivity activity, Actor actor);

  /**
   * Removes an activity.
   *
   * @throws UnknownActivityException if no activity has this id
   */
  void remove(String id, Actor actor);

  /** Returns the activity with this id, if recorded. */
  Optional<ProcessingActivity> find(String id);

  /** Returns every activity, ordered by id. */
  List<ProcessingActivity> activities();

  /**
   * Adds an entry of the records the host keeps as a processor (Art. 30(2)), or replaces the one with its id.
   *
   * @return whether the entry was new
   */
  boolean saveProcessorActivity(ProcessorActivity activity, Actor actor);

  /**
   * Removes an entry of the processor's records.
   *
   * @throws UnknownActivityException if no processor activity has this id
   */
  void removeProcessorActivity(String id, Actor actor);

  /** Returns every entry of the processor's records (Art. 30(2)), ordered by id. */
  List<ProcessorActivity> processorActivities();

  /**
   * Checks the records against the kit: the controller is named, every declared purpose has an activity, and every
   * activity's purposes are declared (the last can fail when purposes are dropped from the kit after the records
   * were written).
   */
  RegisterCheck check();

  /**
   * Writes this tenant's records in a format, reading activities page by page; the JSON and Markdown documents name
   * the tenant. The stream is flushed, not closed.
   *
   * @throws java.io.UncheckedIOException if writing fails
   */
  void export(RegisterFormat format, OutputStream out);
}
