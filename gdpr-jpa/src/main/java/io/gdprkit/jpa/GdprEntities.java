package io.gdprkit.jpa;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.jpa.audit.internal.AuditEntryRow;
import io.gdprkit.jpa.authorisation.internal.AuthorisationRow;
import io.gdprkit.jpa.audit.internal.ChainHeadRow;
import io.gdprkit.jpa.audit.internal.CheckpointRow;
import io.gdprkit.jpa.audit.internal.OutboxRow;
import io.gdprkit.jpa.encryption.internal.SubjectKeyRow;
import io.gdprkit.jpa.gpc.internal.GpcSignalRow;
import io.gdprkit.jpa.outbox.internal.EventOutboxRow;
import io.gdprkit.jpa.recipient.internal.DisclosureRow;
import io.gdprkit.jpa.recipient.internal.NotificationRow;
import io.gdprkit.jpa.recipient.internal.RecipientRow;
import io.gdprkit.jpa.source.internal.SourceTagRow;
import io.gdprkit.jpa.suppression.internal.SuppressionRow;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The entity classes of gdpr-jpa, for the host to add to its persistence unit (Spring Boot's starter does it).
 *
 * <p>Usage example: <pre>{@code new PersistenceConfiguration("app").managedClasses(GdprEntities.all())}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class GdprEntities {

  private static final List<Class<?>> ALL = List.of(SuppressionRow.class, SourceTagRow.class, AuditEntryRow.class,
      CheckpointRow.class, ChainHeadRow.class, OutboxRow.class, SubjectKeyRow.class,
      EventOutboxRow.class, AuthorisationRow.class,
      RecipientRow.class, DisclosureRow.class, NotificationRow.class, GpcSignalRow.class);

  private GdprEntities() {}

  /** Returns every entity class the stores map, in no particular order. */
  public static List<Class<?>> all() {
    return ALL;
  }
}
