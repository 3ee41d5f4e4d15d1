package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.RecipientService;
import io.gdprkit.recipient.Safeguard;
import io.gdprkit.recipient.UnknownRecipientException;
import io.gdprkit.spring.web.Views.DisclosureView;
import io.gdprkit.spring.web.Views.RecipientView;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The register of recipients (Art. 30(1)(d)) and the disclosures made to them, which Art. 19 follows up. */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Recipients", description = "Recipients of personal data and disclosures to them (Art. 19, 30(1)(d))")
final class RecipientController {

  private final GdprKit gdpr;

  RecipientController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  /** Returns the view of the call's tenant. */
  private RecipientService inTenant(TenantId tenant) {
    return gdpr.recipients().forTenant(tenant);
  }

  @GetMapping("/recipients")
  @Operation(summary = "Every recipient of the register, retired ones included, by id")
  List<RecipientView> recipients(TenantId tenant) {
    return inTenant(tenant).recipients().stream().map(RecipientView::of).toList();
  }

  @GetMapping("/recipients/{id}")
  @Operation(summary = "One recipient")
  RecipientView find(TenantId tenant, @PathVariable String id) {
    return RecipientView.of(inTenant(tenant).recipient(id).orElseThrow(() -> UnknownRecipientException.of(id)));
  }

  @PostMapping(path = "/recipients")
  @Operation(summary = "Register a recipient, or replace the entry with its id; 201 when new, 200 when replaced")
  ResponseEntity<RecipientView> register(TenantId tenant, @Valid @RequestBody RecipientBody body,
      @Nullable Principal principal) {
    Safeguard safeguard = body.safeguard() != null ? body.safeguard() : Safeguard.NONE;
    Recipient recipient = new Recipient(body.id(), body.kind(), body.name(), body.contact(),
        CountryCode.of(body.country()), safeguard, body.safeguardReference());
    Optional<Recipient> replaced = inTenant(tenant).register(recipient, Callers.actor(principal));
    RecipientView view = RecipientView.of(inTenant(tenant).recipient(recipient.id()).orElse(recipient));
    return replaced.isPresent() ? ResponseEntity.ok(view)
        : ResponseEntity.created(URI.create("recipients/" + recipient.id())).body(view);
  }

  @PostMapping(path = "/recipients/{id}/retirement")
  @Operation(summary = "Retire a recipient: it receives no new disclosures, and its record is kept")
  RecipientView retire(TenantId tenant, @PathVariable String id, @Valid @RequestBody RetirementBody body,
      @Nullable Principal principal) {
    return RecipientView.of(inTenant(tenant).retire(id, body.reason(), Callers.actor(principal)));
  }

  @GetMapping("/subjects/{subject}/disclosures")
  @Operation(summary = "What of the subject's data was disclosed to whom, oldest first")
  List<DisclosureView> disclosures(TenantId tenant, @PathVariable String subject) {
    return inTenant(tenant).disclosures(SubjectId.of(tenant, subject)).stream().map(DisclosureView::of).toList();
  }

  /**
   * A recipient as registered.
   *
   * @param country the ISO 3166-1 alpha-2 code of the country it processes in
   * @param safeguard the safeguard of a transfer outside the EEA (Art. 46); none if absent
   */
  record RecipientBody(
      @NotBlank @Size(max = 64) String id,
      @NotNull RecipientKind kind,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 300) String contact,
      @NotBlank @Size(min = 2, max = 2) String country,
      @Nullable Safeguard safeguard,
      @Nullable @Size(max = 500) String safeguardReference) {
  }

  /** Why a recipient is retired. */
  record RetirementBody(@NotBlank @Size(max = 500) String reason) {
  }
}
