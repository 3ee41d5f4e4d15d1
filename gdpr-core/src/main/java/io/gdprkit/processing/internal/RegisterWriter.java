package io.gdprkit.processing.internal;

import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Writes the records in one format: the controller first, then the activities one at a time. */
interface RegisterWriter {

  /** Starts the document of one tenant's records. */
  void begin(TenantId tenant, @Nullable ControllerDetails controller, Instant generatedAt);

  /** Writes one activity. */
  void activity(ProcessingActivity activity);

  /** Starts the records kept as processor (Art. 30(2)), after the last activity. */
  void beginProcessorActivities();

  /** Writes one entry of the records kept as processor. */
  void processorActivity(io.gdprkit.processing.ProcessorActivity activity);

  /** Ends the document and flushes it. */
  void end();

  /** Returns a transfer as one line of text, for the formats that flatten it. */
  static String transferText(io.gdprkit.processing.ThirdCountryTransfer transfer) {
    String text = transfer.destination() + ": " + transfer.recipient() + " (" + transfer.safeguard().name()
        + ", Art. " + transfer.safeguard().article() + ")";
    return transfer.documentation() == null ? text : text + ", documented in: " + transfer.documentation();
  }

  /** Returns a time limit as one line of text. */
  static String limitText(io.gdprkit.processing.ErasureTimeLimit limit) {
    return limit.category() + ": " + limit.limit();
  }
}
