package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.restriction.ObjectionOutcome;
import io.gdprkit.spring.web.Views.ConsentEventView;
import io.gdprkit.spring.web.Views.ObjectionChangeView;
import io.gdprkit.spring.web.Views.RestrictionChangeView;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Restriction of processing (Art. 18) and objection to it (Art. 21), each change recorded with its author. */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}/subjects/{subject}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Restriction and objection", description = "Restriction (Art. 18) and objection (Art. 21)")
final class RestrictionController {

  private final GdprKit gdpr;

  RestrictionController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  @GetMapping("/restriction")
  @Operation(summary = "Whether processing of the subject is restricted, with the history")
  RestrictionView restriction(TenantId tenant, @PathVariable String subject) {
    SubjectId id = SubjectId.of(tenant, subject);
    return new RestrictionView(gdpr.restrictions().isRestricted(id),
        gdpr.restrictions().history(id).stream().map(RestrictionChangeView::of).toList());
  }

  @PostMapping(path = "/restriction")
  @Operation(summary = "Restrict processing of the subject (Art. 18(1)); data kept, not processed or disclosed")
  RestrictionChangeView restrict(TenantId tenant, @PathVariable String subject, @Valid @RequestBody ReasonBody body,
      @Nullable Principal principal) {
    return RestrictionChangeView.of(
        gdpr.restrictions().restrict(SubjectId.of(tenant, subject), body.reason(), Callers.actor(principal)));
  }

  @PostMapping(path = "/restriction/lifting")
  @Operation(summary = "Lift the restriction (Art. 18(3)); 409 if the subject is not restricted")
  RestrictionChangeView lift(TenantId tenant, @PathVariable String subject, @Valid @RequestBody ReasonBody body,
      @Nullable Principal principal) {
    return RestrictionChangeView.of(
        gdpr.restrictions().lift(SubjectId.of(tenant, subject), body.reason(), Callers.actor(principal)));
  }

  @GetMapping("/objections")
  @Operation(summary = "Where each of the subject's objections stands, with the history")
  ObjectionsView objections(TenantId tenant, @PathVariable String subject) {
    SubjectId id = SubjectId.of(tenant, subject);
    Map<String, String> standing = new TreeMap<>();
    gdpr.restrictions().objections(id).forEach((purpose, status) -> standing.put(purpose, status.name()));
    return new ObjectionsView(gdpr.restrictions().objectsToDirectMarketing(id), standing,
        gdpr.restrictions().objectionHistory(id).stream().map(ObjectionChangeView::of).toList());
  }

  @PostMapping(path = "/objections/{purpose}")
  @Operation(summary = "Record the subject's objection to a purpose (Art. 21(1)-(2))")
  OutcomeView object(TenantId tenant, @PathVariable String subject, @PathVariable String purpose,
      @Valid @RequestBody GroundsBody body, @Nullable Principal principal) {
    return OutcomeView.of(gdpr.restrictions().object(SubjectId.of(tenant, subject), purpose, body.grounds(),
        Callers.actor(principal)));
  }

  @DeleteMapping("/objections/{purpose}")
  @Operation(summary = "Withdraw the subject's objection to a purpose; 409 if none stands")
  ObjectionChangeView withdrawObjection(TenantId tenant, @PathVariable String subject, @PathVariable String purpose,
      @Nullable Principal principal) {
    return ObjectionChangeView.of(
        gdpr.restrictions().withdrawObjection(SubjectId.of(tenant, subject), purpose, Callers.actor(principal)));
  }

  @PostMapping("/objection-to-direct-marketing")
  @Operation(summary = "Record the subject's objection to all direct marketing, absolute (Art. 21(2)-(3))")
  OutcomeView objectToDirectMarketing(TenantId tenant, @PathVariable String subject, @Nullable Principal principal) {
    return OutcomeView.of(
        gdpr.restrictions().objectToDirectMarketing(SubjectId.of(tenant, subject), Callers.actor(principal)));
  }

  @DeleteMapping("/objection-to-direct-marketing")
  @Operation(summary = "Withdraw the objection to direct marketing; consents it withdrew stay withdrawn")
  ObjectionChangeView withdrawObjectionToDirectMarketing(TenantId tenant, @PathVariable String subject,
      @Nullable Principal principal) {
    return ObjectionChangeView.of(gdpr.restrictions().withdrawObjectionToDirectMarketing(SubjectId.of(tenant, subject),
        Callers.actor(principal)));
  }

  /** Why processing is restricted or the restriction lifted; no personal data. */
  record ReasonBody(@NotBlank @Size(max = 500) String reason) {
  }

  /** The subject's grounds for objecting; may be empty for direct marketing (Art. 21(2)). */
  record GroundsBody(@NotNull @Size(max = 1000) String grounds) {
  }

  /** A subject's restriction and its history. */
  record RestrictionView(boolean restricted, List<RestrictionChangeView> history) {
  }

  /** A subject's objections and their history. */
  record ObjectionsView(boolean directMarketing, Map<String, String> standing, List<ObjectionChangeView> history) {
  }

  /** What an objection changed: the purposes it stops and the consents it withdrew. */
  record OutcomeView(ObjectionChangeView objection, List<String> purposes, List<ConsentEventView> withdrawals,
      boolean recorded) {

    static OutcomeView of(ObjectionOutcome outcome) {
      return new OutcomeView(ObjectionChangeView.of(outcome.objection()), outcome.purposes(),
          outcome.withdrawals().stream().map(ConsentEventView::of).toList(), outcome.recorded());
    }
  }
}
