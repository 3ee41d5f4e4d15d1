package io.gdprkit.jpa.processing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.internal.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_processing_controller}: a tenant's controller details (Art. 30(1)(a)) as JSON.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprProcessingController")
@Table(name = "gdpr_processing_controller")
public class ProcessingControllerRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "body", length = JsonText.MAX_LENGTH, nullable = false)
  private @Nullable String body;

  /** For JPA. */
  protected ProcessingControllerRow() {}
}
