package io.gdprkit.jpa.processing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprStoreException;
import io.gdprkit.processing.Contact;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ErasureTimeLimit;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.ThirdCountryTransfer;
import io.gdprkit.processing.TransferSafeguard;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcessingCodecTests {

  @Test
  @DisplayName("an activity of the controller (Art. 30(1)) with every field reads back equal")
  void roundTripsAFullActivity() {
    ProcessingActivity activity = ProcessingActivity.builder("mailing", "Newsletter mailing, \"weekly\" \u2013 EU")
        .purposes("newsletter", "profiling")
        .subjectCategories("Subscribers", "Leads")
        .dataCategories(DataCategory.CONTACT_DETAILS, DataCategory.of("clicks", "Clicks", Sensitivity.SENSITIVE))
        .recipientCategories("Mail provider")
        .transfer(ThirdCountryTransfer.of("US", "Mail provider", TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES))
        .transfer(new ThirdCountryTransfer("BR", "Agency", TransferSafeguard.COMPELLING_LEGITIMATE_INTERESTS,
            "assessment 2026-07"))
        .erasureTimeLimit(ErasureTimeLimit.of("clicks", "13 months"))
        .securityMeasures("TLS, AES-256 at rest")
        .build();

    assertThat(ProcessingCodec.activity("mailing", ProcessingCodec.activity(activity))).isEqualTo(activity);
  }

  @Test
  @DisplayName("a minimal activity leaves out what it does not have and reads back equal")
  void roundTripsAMinimalActivity() {
    ProcessingActivity activity = ProcessingActivity.builder("billing", "Billing").purposes("billing")
        .subjectCategories("Customers").dataCategories(DataCategory.FINANCIAL).build();

    String json = ProcessingCodec.activity(activity);

    assertThat(json).doesNotContain("transfers", "securityMeasures", "recipientCategories");
    assertThat(ProcessingCodec.activity("billing", json)).isEqualTo(activity);
  }

  @Test
  @DisplayName("a processor activity (Art. 30(2)) and controller details read back equal")
  void roundTripsProcessorActivitiesAndControllerDetails() {
    ProcessorActivity hosting = new ProcessorActivity("hosting", Contact.of("Acme GmbH", "privacy@acme.example"),
        Contact.of("EU Rep", "Dublin"), List.of("Hosting", "Sending e-mail"),
        List.of(ThirdCountryTransfer.of("US", "Mail provider", TransferSafeguard.ADEQUACY_DECISION)), "ISO 27001");
    ProcessorActivity bare = new ProcessorActivity("backup", Contact.of("Acme GmbH", "Berlin"), null,
        List.of("Backups"), List.of(), null);
    ControllerDetails details = ControllerDetails.of(Contact.of("Acme GmbH", "Hauptstr. 1, Berlin"))
        .withJointController(Contact.of("Acme Holding", "Zug"))
        .withJointController(Contact.of("Acme Labs", "Wien"))
        .withRepresentative(Contact.of("Acme EU Rep", "Dublin"))
        .withDpo(Contact.of("DPO", "dpo@acme.example"));

    assertThat(ProcessingCodec.processorActivity("hosting", ProcessingCodec.processorActivity(hosting)))
        .isEqualTo(hosting);
    assertThat(ProcessingCodec.processorActivity("backup", ProcessingCodec.processorActivity(bare))).isEqualTo(bare);
    assertThat(ProcessingCodec.controller(ProcessingCodec.controller(details))).isEqualTo(details);
  }

  @Test
  @DisplayName("a field written by a later version is skipped")
  void skipsFieldsItDoesNotKnow() {
    String later = "{\"name\":\"Billing\",\"purposes\":[\"billing\"],\"subjectCategories\":[\"Customers\"],"
        + "\"dataCategories\":[{\"id\":\"financial\",\"description\":\"Money\",\"sensitivity\":\"SENSITIVE\","
        + "\"dpv\":\"x\"}],\"legalBasis\":{\"article\":\"6(1)(b)\"}}";

    ProcessingActivity read = ProcessingCodec.activity("billing", later);

    assertThat(read.dataCategories()).containsExactly(DataCategory.of("financial", "Money", Sensitivity.SENSITIVE));
  }

  @Test
  @DisplayName("every component of the records is written: a new one must be added to the codec")
  void coversEveryComponent() {
    // When this fails, a record gained a component: write and read it in ProcessingCodec, then list it here.
    assertThat(names(ProcessingActivity.class)).containsExactly("id", "name", "purposes", "subjectCategories",
        "dataCategories", "recipientCategories", "transfers", "erasureTimeLimits", "securityMeasures");
    assertThat(names(ProcessorActivity.class)).containsExactly("id", "controller", "controllerRepresentative",
        "processingCategories", "transfers", "securityMeasures");
    assertThat(names(ControllerDetails.class)).containsExactly("controller", "jointControllers", "representative",
        "dpo");
    assertThat(names(ThirdCountryTransfer.class)).containsExactly("destination", "recipient", "safeguard",
        "documentation");
  }

  @Test
  @DisplayName("damaged text is a store failure")
  void refusesDamagedText() {
    assertThatThrownBy(() -> ProcessingCodec.activity("x", "{\"name\":\"X\"}")).isInstanceOf(GdprStoreException.class);
    assertThatThrownBy(() -> ProcessingCodec.controller("[")).isInstanceOf(GdprStoreException.class);
  }

  private static List<String> names(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
