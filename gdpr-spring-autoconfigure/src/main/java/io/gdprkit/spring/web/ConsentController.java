package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.decision.Decision;
import io.gdprkit.decision.HistoricalDecision;
import io.gdprkit.source.Origin;
import io.gdprkit.spring.web.Views.ConsentEventView;
import io.gdprkit.spring.web.Views.ObjectionChangeView;
import io.gdprkit.spring.web.Views.RestrictionChangeView;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subject's consents (Art. 7): the current state, the ledger, grants with their proof, withdrawals, and decisions
 * now and at a past instant.
 */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}/subjects/{subject}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consents and decisions", description = "A subject's consents with proof, and what may be done (Art. 6, 7)")
final class ConsentController {

  private final GdprKit gdpr;

  ConsentController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  @GetMapping("/consents")
  @Operation(summary = "Current consents, switches, restriction and objections of a subject; 404 if none recorded")
  SubjectConsentsView current(TenantId tenant, @PathVariable String subject) {
    SubjectId id = Callers.known(gdpr, SubjectId.of(tenant, subject));
    SubjectConsents consents = gdpr.consents().current(id);
    Instant now = gdpr.clock().instant();
    List<ConsentStateView> states = new ArrayList<>();
    for (ConsentState state : new TreeMap<>(consents.states()).values()) {
      states.add(new ConsentStateView(state.purpose(), state.statusAt(now).name(), state.since(), state.expiresAt(),
          state.noticeVersion()));
    }
    Map<String, Boolean> switches = new TreeMap<>();
    consents.switches().forEach((processingSwitch, on) -> switches.put(processingSwitch.name(), on));
    Map<String, String> objections = new TreeMap<>();
    gdpr.restrictions().objections(id).forEach((purpose, status) -> objections.put(purpose, status.name()));
    return new SubjectConsentsView(id.value(), states, switches, gdpr.restrictions().isRestricted(id), objections);
  }

  @GetMapping("/consents/history")
  @Operation(summary = "The subject's consent ledger with proofs, oldest first, of one purpose or all")
  List<ConsentEventView> history(TenantId tenant, @PathVariable String subject,
      @RequestParam(required = false) @Nullable String purpose) {
    SubjectId id = Callers.known(gdpr, SubjectId.of(tenant, subject));
    List<ConsentEvent> events = purpose == null ? gdpr.consents().history(id) : gdpr.consents().history(id, purpose);
    return events.stream().map(ConsentEventView::of).toList();
  }

  /**
   * Records a grant with its proof. For a web form the subject's IP address and user agent come from the body or,
   * when it leaves them out, from this HTTP request (behind a proxy, with Spring's forwarded-header handling on); on
   * the other channels only from the body. A staff channel (in person, phone, import) is recorded by the caller.
   */
  @PostMapping(path = "/consents/{purpose}")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a grant of consent with its proof (Art. 7(1))")
  ConsentEventView grant(TenantId tenant, @PathVariable String subject, @PathVariable String purpose,
      @Valid @RequestBody GrantBody body, HttpServletRequest request, @Nullable Principal principal) {
    SubjectId id = SubjectId.of(tenant, subject);
    ConsentProof proof = proof(body, request, principal);
    ConsentEvent event = body.occurredAt() == null ? gdpr.consents().grant(id, purpose, proof)
        : gdpr.consents().grant(id, purpose, proof, body.occurredAt());
    return ConsentEventView.of(event);
  }

  @DeleteMapping("/consents/{purpose}")
  @Operation(summary = "Withdraw consent, as easily as it was given (Art. 7(3)); recorded as by the caller")
  ConsentEventView withdraw(TenantId tenant, @PathVariable String subject, @PathVariable String purpose,
      @Nullable Principal principal) {
    ConsentProof proof = ConsentProof.builder(ConsentChannel.API).recordedBy(Callers.actor(principal)).build();
    return ConsentEventView.of(gdpr.consents().withdraw(SubjectId.of(tenant, subject), purpose, proof));
  }

  @GetMapping(path = "/decisions/{purpose}", params = "!at")
  @Operation(summary = "Whether processing for the purpose is allowed now, and why (Art. 6)")
  DecisionView decide(TenantId tenant, @PathVariable String subject, @PathVariable String purpose) {
    Decision decision = gdpr.decide(SubjectId.of(tenant, subject), purpose);
    return new DecisionView(purpose, decision.allowed(), decision.reason().name(), decision.legalBasis().name());
  }

  @GetMapping(path = "/decisions/{purpose}", params = "at")
  @Operation(summary = "Whether processing for the purpose was allowed at a past instant, with the ledger entries "
      + "the answer rests on (Art. 5(2), 7(3)); 410 once the subject was erased")
  HistoricalDecisionView decideAt(TenantId tenant, @PathVariable String subject, @PathVariable String purpose,
      @RequestParam Instant at) {
    HistoricalDecision then = gdpr.decideAt(SubjectId.of(tenant, subject), purpose, at);
    Decision decision = then.decision();
    return new HistoricalDecisionView(purpose, then.at(), decision.allowed(), decision.reason().name(),
        decision.legalBasis().name(), then.consent() == null ? null : ConsentEventView.of(then.consent()),
        then.restriction() == null ? null : RestrictionChangeView.of(then.restriction()),
        then.objection() == null ? null : ObjectionChangeView.of(then.objection()));
  }

  private ConsentProof proof(GrantBody body, HttpServletRequest request, @Nullable Principal principal) {
    ConsentProof.Builder proof = switch (body.channel()) {
      case WEB_FORM -> {
        require(body.formId(), "formId", "is required for a web form");
        require(body.formVersion(), "formVersion", "is required for a web form");
        yield ConsentProof.webForm(body.formId(), body.formVersion());
      }
      case API -> ConsentProof.api(body.clientId() != null ? body.clientId() : "gdpr-web");
      case IN_PERSON, PHONE -> ConsentProof.builder(body.channel()).recordedBy(Callers.actor(principal));
      case IMPORT -> {
        require(body.formId(), "formId", "names the imported file and is required for an import");
        yield ConsentProof.builder(ConsentChannel.IMPORT).recordedBy(Callers.actor(principal))
            .source(Origin.importFile(body.formId()));
      }
      default -> throw InvalidInputException.of("channel",
          "must be WEB_FORM, API, IN_PERSON, PHONE or IMPORT; the other channels have endpoints of their own");
    };
    if (body.channel() != ConsentChannel.WEB_FORM && body.formId() != null && body.formVersion() != null) {
      proof.form(body.formId(), body.formVersion());
    }
    if (body.noticeText() != null) {
      proof.noticeText(body.noticeText());
    } else if (body.noticeSha256() != null) {
      proof.noticeSha256(body.noticeSha256());
    }
    if (body.locale() != null) {
      Locale locale = Locale.forLanguageTag(body.locale());
      if (locale.getLanguage().isEmpty()) {
        throw InvalidInputException.of("locale", "must be a BCP 47 language tag such as de-AT");
      }
      proof.locale(locale);
    }
    boolean fromRequest = body.channel() == ConsentChannel.WEB_FORM;
    String ip = body.ip() != null ? body.ip() : fromRequest ? request.getRemoteAddr() : null;
    if (ip != null) {
      proof.ip(ip);
    }
    String userAgent = body.userAgent() != null ? body.userAgent()
        : fromRequest ? request.getHeader(HttpHeaders.USER_AGENT) : null;
    if (userAgent != null && !userAgent.isBlank() && userAgent.length() <= 512) {
      proof.userAgent(userAgent);
    }
    return proof.build();
  }

  private static void require(@Nullable String value, String field, String rule) {
    if (value == null) {
      throw InvalidInputException.of(field, rule);
    }
  }

  /**
   * A grant's proof as the caller states it.
   *
   * @param channel how consent was given
   * @param formId the form, script or imported file
   * @param formVersion the form's version
   * @param noticeText the notice text shown, of which only the SHA-256 is kept
   * @param noticeSha256 the notice's SHA-256, when the text is not sent
   * @param locale the language the notice was shown in, as a BCP 47 tag
   * @param ip the subject's IP address, reduced by the kit's IP policy
   * @param userAgent the subject's user agent
   * @param clientId the client system, for the API channel
   * @param occurredAt when consent was given, for consents collected earlier; now if absent
   */
  record GrantBody(
      @NotNull ConsentChannel channel,
      @Nullable @Size(max = 200) String formId,
      @Nullable @Size(max = 64) String formVersion,
      @Nullable @Size(max = 65_536) String noticeText,
      @Nullable @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String noticeSha256,
      @Nullable @Size(max = 35) String locale,
      @Nullable @Size(max = 45) String ip,
      @Nullable @Size(max = 512) String userAgent,
      @Nullable @Size(max = 200) String clientId,
      @Nullable Instant occurredAt) {
  }

  /** A subject's consents, switches, restriction and objections now. */
  record SubjectConsentsView(String subject, List<ConsentStateView> consents, Map<String, Boolean> switches,
      boolean restricted, Map<String, String> objections) {
  }

  /** Where one consent stands now. */
  record ConsentStateView(String purpose, String status, Instant since, @Nullable Instant expiresAt,
      String noticeVersion) {
  }

  /** A decision now. */
  record DecisionView(String purpose, boolean allowed, String reason, String legalBasis) {
  }

  /** A decision at a past instant, with the ledger entries it rests on (Art. 5(2), 7(1)). */
  record HistoricalDecisionView(String purpose, Instant at, boolean allowed, String reason, String legalBasis,
      @Nullable ConsentEventView consent, @Nullable RestrictionChangeView restriction,
      @Nullable ObjectionChangeView objection) {
  }
}
