package io.gdprkit.processing.internal;

import io.gdprkit.processing.Contact;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import java.io.OutputStream;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the records as Markdown: a section for the controller, then one per activity, each field a bullet named
 * after its point of Art. 30(1). Text from the records is escaped, so it cannot add headings, links or HTML.
 */
final class MarkdownRegisterWriter implements RegisterWriter {

  private static final String NONE = "none recorded";

  private final TextOutput output;

  MarkdownRegisterWriter(OutputStream out) {
    this.output = new TextOutput(out);
  }

  @Override
  public void begin(TenantId tenant, @Nullable ControllerDetails controller, Instant generatedAt) {
    StringBuilder text = new StringBuilder()
        .append("# Records of processing activities (Art. 30(1) GDPR)\n\n")
        .append("Generated at ").append(generatedAt).append(" for tenant `").append(tenant.value()).append("`.\n\n")
        .append("## Controller (Art. 30(1)(a))\n\n");
    if (controller == null) {
      text.append("Not recorded.\n\n");
    } else {
      contact(text, "Controller", controller.controller());
      controller.jointControllers().forEach(joint -> contact(text, "Joint controller", joint));
      contact(text, "Representative", controller.representative());
      contact(text, "Data protection officer", controller.dpo());
      text.append('\n');
    }
    output.write(text.toString());
  }

  private static void contact(StringBuilder text, String role, @Nullable Contact contact) {
    text.append("- **").append(role).append(":** ");
    if (contact == null) {
      text.append(NONE).append('\n');
    } else {
      text.append(escape(contact.name())).append(", ").append(escape(contact.details())).append('\n');
    }
  }

  @Override
  public void activity(ProcessingActivity activity) {
    StringBuilder text = new StringBuilder()
        .append("## ").append(escape(activity.name())).append(" (`").append(activity.id()).append("`)\n\n");
    bullet(text, "Purposes (b)", activity.purposes());
    bullet(text, "Categories of data subjects (c)", activity.subjectCategories());
    bullet(text, "Categories of personal data (c)", activity.dataCategories().stream()
        .map(category -> category.id() + " (" + category.sensitivity().name() + "): " + category.description())
        .toList());
    bullet(text, "Categories of recipients (d)", activity.recipientCategories());
    bullet(text, "Transfers to third countries (e)",
        activity.transfers().stream().map(RegisterWriter::transferText).toList());
    bullet(text, "Time limits for erasure (f)",
        activity.erasureTimeLimits().stream().map(RegisterWriter::limitText).toList());
    bullet(text, "Security measures (g)",
        activity.securityMeasures() == null ? List.of() : List.of(activity.securityMeasures()));
    text.append('\n');
    output.write(text.toString());
  }

  private static void bullet(StringBuilder text, String label, List<String> values) {
    text.append("- **").append(label).append(":** ");
    if (values.isEmpty()) {
      text.append(NONE);
    }
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(escape(values.get(i)));
    }
    text.append('\n');
  }

  /**
   * Escapes the characters that can start markup inside a line (CommonMark 2.4 backslash escapes); text from the
   * records holds no line breaks, so block markup cannot start.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>|~&#".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  @Override
  public void beginProcessorActivities() {
    output.write("# Records as processor (Art. 30(2) GDPR)\n\n");
  }

  @Override
  public void processorActivity(ProcessorActivity activity) {
    StringBuilder text = new StringBuilder().append("## On behalf of ").append(escape(activity.controller().name()))
        .append(" (`").append(activity.id()).append("`)\n\n");
    contact(text, "Controller (a)", activity.controller());
    contact(text, "Controller's representative (a)", activity.controllerRepresentative());
    bullet(text, "Categories of processing (b)", activity.processingCategories());
    bullet(text, "Transfers to third countries (c)",
        activity.transfers().stream().map(RegisterWriter::transferText).toList());
    bullet(text, "Security measures (d)",
        activity.securityMeasures() == null ? List.of() : List.of(activity.securityMeasures()));
    text.append('\n');
    output.write(text.toString());
  }

  @Override
  public void end() {
    output.flush();
  }
}
