package io.gdprkit.processing.internal;

import io.gdprkit.internal.Csv;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.TenantId;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes the activities as RFC 4180 CSV, one row each, list entries joined by {@code "; "}. */
final class CsvRegisterWriter implements RegisterWriter {

  static final String HEADER = "id,name,purposes,subject_categories,data_categories,recipient_categories,"
      + "third_country_transfers,erasure_time_limits,security_measures";
  static final String SEPARATOR = "; ";

  private final TextOutput output;

  CsvRegisterWriter(OutputStream out) {
    this.output = new TextOutput(out);
  }

  @Override
  public void begin(TenantId tenant, @Nullable ControllerDetails controller, Instant generatedAt) {
    output.write(HEADER + Csv.CRLF);
  }

  @Override
  public void activity(ProcessingActivity activity) {
    List<String> fields = List.of(
        activity.id(),
        activity.name(),
        String.join(SEPARATOR, activity.purposes()),
        String.join(SEPARATOR, activity.subjectCategories()),
        String.join(SEPARATOR, activity.dataCategories().stream().map(DataCategory::id).toList()),
        String.join(SEPARATOR, activity.recipientCategories()),
        String.join(SEPARATOR, activity.transfers().stream().map(RegisterWriter::transferText).toList()),
        String.join(SEPARATOR, activity.erasureTimeLimits().stream().map(RegisterWriter::limitText).toList()),
        activity.securityMeasures() == null ? "" : activity.securityMeasures());
    output.write(out -> {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        Csv.field(out, fields.get(i));
      }
      out.write(Csv.CRLF);
    });
  }

  /** The CSV file holds the controller's activities only; the processor's records are in JSON and Markdown. */
  @Override
  public void beginProcessorActivities() {}

  @Override
  public void processorActivity(ProcessorActivity activity) {}

  @Override
  public void end() {
    output.flush();
  }
}
