package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.request.RejectionNotice;
import io.gdprkit.request.RequestChannel;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.RequestIntake;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.SignedRequestEvidence;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.UnknownRequestException;
import io.gdprkit.spring.web.Views.RequestView;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject requests (Art. 12–22): received, verified, worked on, completed, extended or rejected, each step recorded
 * with its actor; lists of those due and overdue; and the evidence bundle for a complaint about one.
 */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Subject requests", description = "Requests of data subjects and their one-month deadline (Art. 12(3))")
final class RequestController {

  private final GdprKit gdpr;

  RequestController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  /** Records a request; one sent through a web form is recorded as received from the subject, any other by the caller. */
  @PostMapping(path = "/requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a subject request, due one month from today (Art. 12(3))")
  RequestView submit(TenantId tenant, @Valid @RequestBody SubmitBody body,
      @Nullable Principal principal) {
    RequestChannel channel = body.channel() != null ? body.channel() : RequestChannel.API;
    Actor receivedBy = channel == RequestChannel.WEB_FORM ? Actor.subject() : Callers.actor(principal);
    RequestIntake intake = RequestIntake.of(channel);
    if (body.reference() != null) {
      intake = intake.withReference(body.reference());
    }
    if (body.text() != null) {
      intake = intake.withTextDigest(body.text());
    }
    return view(gdpr.requests().receive(SubjectId.of(tenant, body.subject()), body.kind(), receivedBy, intake));
  }

  @GetMapping("/requests/{id}")
  @Operation(summary = "One request with its state and deadline")
  RequestView find(TenantId tenant, @PathVariable UUID id) {
    return view(own(tenant, id));
  }

  @GetMapping("/subjects/{subject}/requests")
  @Operation(summary = "A subject's requests, oldest first")
  List<RequestView> forSubject(TenantId tenant, @PathVariable String subject) {
    Instant now = gdpr.clock().instant();
    return gdpr.requests().forSubject(SubjectId.of(tenant, subject)).stream().map(r -> RequestView.of(r, now)).toList();
  }

  @PostMapping("/requests/{id}/verification")
  @Operation(summary = "Start verifying the requester's identity: the kit's verifier sends a token")
  RequestView startVerification(TenantId tenant, @PathVariable UUID id) {
    return view(gdpr.requests().startVerification(own(tenant, id).id()));
  }

  @PostMapping(path = "/requests/{id}/verify")
  @Operation(summary = "Check the token the requester returned; the request becomes IDENTITY_VERIFIED")
  RequestView verify(TenantId tenant, @PathVariable UUID id, @Valid @RequestBody VerifyBody body) {
    return view(gdpr.requests().verify(own(tenant, id).id(), body.token()));
  }

  @PostMapping("/requests/{id}/start")
  @Operation(summary = "Record that the caller started working on a verified request")
  RequestView start(TenantId tenant, @PathVariable UUID id, @Nullable Principal principal) {
    return view(gdpr.requests().start(own(tenant, id).id(), Callers.actor(principal)));
  }

  @PostMapping("/requests/{id}/complete")
  @Operation(summary = "Run the request's fulfiller, if any, and record its completion")
  RequestView complete(TenantId tenant, @PathVariable UUID id, @Nullable Principal principal) {
    return view(gdpr.requests().complete(own(tenant, id).id(), Callers.actor(principal)));
  }

  @PostMapping(path = "/requests/{id}/extension")
  @Operation(summary = "Extend the deadline by one or two months, with the reason (Art. 12(3))")
  RequestView extend(TenantId tenant, @PathVariable UUID id, @Valid @RequestBody ExtendBody body,
      @Nullable Principal principal) {
    return view(gdpr.requests().extend(own(tenant, id).id(), body.months(), body.reason(),
        Callers.actor(principal)));
  }

  @PostMapping(path = "/requests/{id}/rejection")
  @Operation(summary = "Refuse the request; answers the notice to send to the subject (Art. 12(4))")
  RejectionView reject(TenantId tenant, @PathVariable UUID id, @Valid @RequestBody RejectBody body,
      @Nullable Principal principal) {
    RejectionNotice notice = gdpr.requests().reject(own(tenant, id).id(), body.reason(), Callers.actor(principal));
    return new RejectionView(notice.requestId().value().toString(), notice.kind().name(), notice.reason(),
        notice.text(), notice.date());
  }

  @GetMapping("/requests/due")
  @Operation(summary = "Open requests due within the number of days, overdue ones included, earliest first")
  List<RequestView> due(TenantId tenant, @RequestParam(defaultValue = "7") @Min(0) @Max(366) int withinDays,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    try (Stream<SubjectRequest> due = gdpr.requests().dueWithin(Duration.ofDays(withinDays))) {
      return views(due.filter(r -> r.subject().tenant().equals(tenant)), limit);
    }
  }

  @GetMapping("/requests/overdue")
  @Operation(summary = "Open requests whose deadline has passed, earliest first")
  List<RequestView> overdue(TenantId tenant, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    try (Stream<SubjectRequest> overdue = gdpr.requests().overdue()) {
      return views(overdue.filter(r -> r.subject().tenant().equals(tenant)), limit);
    }
  }

  /**
   * Answers the evidence bundle as the kit writes it (Regulation (EU) 2025/2518), or, with {@code signed=true}, the
   * bundle with its SHA-256 and as a JWS signed by the kit's key.
   */
  @GetMapping("/requests/{id}/evidence")
  @Operation(summary = "The evidence of how the request was dealt with, for a complaint; signed on request")
  ResponseEntity<?> evidence(TenantId tenant, @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean signed) {
    RequestId requestId = own(tenant, id).id();
    if (signed) {
      SignedRequestEvidence evidence = gdpr.requests().signedEvidence(requestId);
      return ResponseEntity.ok(new SignedEvidenceView(evidence.sha256(), evidence.jws()));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(gdpr.requests().evidence(requestId).toJson());
  }

  /** Returns the request, unknown (404) when it is another tenant's: the answer does not tell it exists. */
  private SubjectRequest own(TenantId tenant, UUID id) {
    RequestId requestId = RequestId.of(id);
    return gdpr.requests().find(requestId).filter(r -> r.subject().tenant().equals(tenant))
        .orElseThrow(() -> UnknownRequestException.of(requestId));
  }

  private RequestView view(SubjectRequest request) {
    return RequestView.of(request, gdpr.clock().instant());
  }

  private List<RequestView> views(Stream<SubjectRequest> requests, int limit) {
    Instant now = gdpr.clock().instant();
    return requests.limit(limit).map(r -> RequestView.of(r, now)).toList();
  }

  /**
   * A request as received.
   *
   * @param subject the subject's id
   * @param kind the right exercised
   * @param channel how it came in; {@code API} if absent
   * @param reference the host's own reference, such as a ticket number
   * @param text the request's text, of which only the SHA-256 is kept
   */
  record SubmitBody(
      @NotBlank @Size(max = 255) String subject,
      @NotNull RequestKind kind,
      @Nullable RequestChannel channel,
      @Nullable @Size(max = RequestIntake.MAX_REFERENCE) String reference,
      @Nullable @Size(max = RequestIntake.MAX_TEXT) String text) {
  }

  /** The token the requester returned. */
  record VerifyBody(@NotBlank @Size(max = 4096) String token) {
  }

  /** An extension of one or two months, with why. */
  record ExtendBody(@Min(1) @Max(2) int months, @NotBlank @Size(max = SubjectRequest.MAX_REASON_LENGTH) String reason) {
  }

  /** Why a request is refused, as the subject will read it. */
  record RejectBody(@NotBlank @Size(max = SubjectRequest.MAX_REASON_LENGTH) String reason) {
  }

  /** The notice of a refusal to send to the subject. */
  record RejectionView(String requestId, String kind, String reason, String text, LocalDate date) {
  }

  /** The evidence bundle's SHA-256 and its JWS. */
  record SignedEvidenceView(String sha256, String jws) {
  }
}
