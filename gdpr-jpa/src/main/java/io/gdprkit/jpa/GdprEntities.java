package io.gdprkit.jpa;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.jpa.audit.internal.AuditEntryRow;
import io.gdprkit.jpa.audit.internal.ChainHeadRow;
import io.gdprkit.jpa.audit.internal.CheckpointRow;
import io.gdprkit.jpa.audit.internal.OutboxRow;
import io.gdprkit.jpa.authorisation.internal.AuthorisationRow;
import io.gdprkit.jpa.breach.internal.BreachRow;
import io.gdprkit.jpa.consent.internal.ConsentEventRow;
import io.gdprkit.jpa.consent.internal.ConsentSnapshotRow;
import io.gdprkit.jpa.consent.internal.ObjectionChangeRow;
import io.gdprkit.jpa.consent.internal.PresentationRow;
import io.gdprkit.jpa.consent.internal.RestrictionChangeRow;
import io.gdprkit.jpa.consent.internal.SwitchChangeRow;
import io.gdprkit.jpa.encryption.internal.SubjectKeyRow;
import io.gdprkit.jpa.erasure.internal.ErasureHoldRow;
import io.gdprkit.jpa.erasure.internal.ErasureJobRow;
import io.gdprkit.jpa.erasure.internal.ErasureReportRow;
import io.gdprkit.jpa.erasure.internal.PublicationRow;
import io.gdprkit.jpa.erasure.internal.TombstoneRow;
import io.gdprkit.jpa.gpc.internal.GpcSignalRow;
import io.gdprkit.jpa.outbox.internal.EventOutboxRow;
import io.gdprkit.jpa.processing.internal.ProcessingActivityRow;
import io.gdprkit.jpa.processing.internal.ProcessingControllerRow;
import io.gdprkit.jpa.recipient.internal.DisclosureRow;
import io.gdprkit.jpa.recipient.internal.NotificationRow;
import io.gdprkit.jpa.recipient.internal.RecipientRow;
import io.gdprkit.jpa.request.internal.RequestRow;
import io.gdprkit.jpa.retention.internal.ActivityRow;
import io.gdprkit.jpa.retention.internal.CampaignRow;
import io.gdprkit.jpa.retention.internal.ClaimRow;
import io.gdprkit.jpa.retention.internal.MemberRow;
import io.gdprkit.jpa.source.internal.SourceTagRow;
import io.gdprkit.jpa.suppression.internal.SuppressionRow;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The entity classes of gdpr-jpa, for the host to add to its persistence unit (Spring Boot's starter does it).
 *
 * <p>Usage example: <pre>{@code GdprEntities.all().forEach(configuration::managedClass)}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class GdprEntities {

  private static final List<Class<?>> ALL = List.of(
      AuditEntryRow.class, ChainHeadRow.class, CheckpointRow.class, OutboxRow.class, AuthorisationRow.class,
      BreachRow.class, ConsentEventRow.class, ConsentSnapshotRow.class, ObjectionChangeRow.class,
      PresentationRow.class, RestrictionChangeRow.class, SwitchChangeRow.class, SubjectKeyRow.class,
      ErasureHoldRow.class, ErasureJobRow.class, ErasureReportRow.class, PublicationRow.class, TombstoneRow.class,
      GpcSignalRow.class, EventOutboxRow.class, ProcessingActivityRow.class, ProcessingControllerRow.class,
      DisclosureRow.class, NotificationRow.class, RecipientRow.class, RequestRow.class, ActivityRow.class,
      CampaignRow.class, ClaimRow.class, MemberRow.class, SourceTagRow.class, SuppressionRow.class);

  private GdprEntities() {}

  /** Returns every entity class the stores map, in no particular order. */
  public static List<Class<?>> all() {
    return ALL;
  }
}
