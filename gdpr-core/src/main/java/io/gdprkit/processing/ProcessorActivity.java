package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.HashSet;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the records a processor keeps (Art. 30(2)): the controller on whose behalf it processes, the
 * categories of processing, transfers to third countries and the security measures.
 *
 * <p>A host that processes for its customers (a SaaS CRM whose tenants are controllers) keeps these beside its own
 * controller records; the processor's own name, representative and DPO are the {@link ControllerDetails} of the
 * records.
 *
 * <p>Usage example: <pre>{@code
 * new ProcessorActivity("acme-crm-hosting", Contact.of("Acme GmbH", "privacy@acme.example"), null,
 *     List.of("Hosting of CRM contacts", "Sending of newsletters"), List.of(), "ISO 27001 certified hosting")
 * }</pre>
 *
 * @param id the entry's id: letters, digits and {@code . _ : @ / + -}, at most 64 characters
 * @param controller the controller on whose behalf the processor acts
 * @param controllerRepresentative the controller's representative in the Union, or {@code null}
 * @param processingCategories the categories of processing carried out for the controller, at least one
 * @param transfers the transfers to third countries or international organisations
 * @param securityMeasures a general description of the technical and organisational measures (Art. 32(1)), or
 *     {@code null}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProcessorActivity(
    String id,
    Contact controller,
    @Nullable Contact controllerRepresentative,
    List<String> processingCategories,
    List<ThirdCountryTransfer> transfers,
    @Nullable String securityMeasures) {

  /**
   * Validates every field and copies the lists.
   *
   * @throws io.gdprkit.InvalidInputException if a text is blank or too long, no category of processing is given,
   *     or an entry repeats
   */
  public ProcessorActivity {
    Preconditions.identifier(id, "processor activity id", 64);
    Preconditions.notNull(controller, "controller");
    processingCategories = List.copyOf(Preconditions.notNull(processingCategories, "processing categories"));
    Preconditions.check(!processingCategories.isEmpty(), "processing categories", "must not be empty");
    processingCategories.forEach(category -> Preconditions.text(category, "processing category", 200));
    Preconditions.check(new HashSet<>(processingCategories).size() == processingCategories.size(),
        "processing categories", "must not repeat an entry");
    transfers = List.copyOf(Preconditions.notNull(transfers, "transfers"));
    if (securityMeasures != null) {
      Preconditions.text(securityMeasures, "security measures", 4000);
    }
  }
}
