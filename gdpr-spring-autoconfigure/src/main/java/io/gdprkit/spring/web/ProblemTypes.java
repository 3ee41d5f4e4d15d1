package io.gdprkit.spring.web;

import io.gdprkit.GdprException;
import io.gdprkit.GdprStoreException;
import io.gdprkit.HostCodeException;
import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.ProofRejectedException;
import io.gdprkit.authorisation.NotAuthorisedException;
import io.gdprkit.authorisation.UnknownAuthorisationException;
import io.gdprkit.breach.AffectedSubjectsException;
import io.gdprkit.breach.BreachConflictException;
import io.gdprkit.breach.BreachStateException;
import io.gdprkit.breach.LateNotificationException;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.consent.AgeAssuranceRequiredException;
import io.gdprkit.consent.ConsentAlreadyGrantedException;
import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.consent.ConsentNotGrantedException;
import io.gdprkit.consent.ExplicitConsentRequiredException;
import io.gdprkit.consent.OutdatedConsentException;
import io.gdprkit.consent.ParentalAuthorisationRequiredException;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.UnknownKeyException;
import io.gdprkit.decision.HistoryErasedException;
import io.gdprkit.decision.ProcessingNotPermittedException;
import io.gdprkit.erasure.ErasedSubjectException;
import io.gdprkit.erasure.ErasureInProgressException;
import io.gdprkit.erasure.ErasureJobConflictException;
import io.gdprkit.erasure.MissingRetentionException;
import io.gdprkit.preference.UnknownTopicException;
import io.gdprkit.processing.UnknownActivityException;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.receipt.InvalidReceiptException;
import io.gdprkit.recipient.DisclosureRefusedException;
import io.gdprkit.recipient.RecipientRetiredException;
import io.gdprkit.recipient.SubjectErasedException;
import io.gdprkit.recipient.TransferRefusedException;
import io.gdprkit.recipient.UnknownRecipientException;
import io.gdprkit.rectification.RectificationRefusedException;
import io.gdprkit.request.IdentityVerificationUnavailableException;
import io.gdprkit.request.IllegalRequestTransitionException;
import io.gdprkit.request.InvalidEvidenceException;
import io.gdprkit.request.RequestConflictException;
import io.gdprkit.request.UnknownRequestException;
import io.gdprkit.restriction.ObjectionRefusedException;
import io.gdprkit.restriction.RestrictionStateException;
import io.gdprkit.suppression.SuppressedContactException;
import io.gdprkit.tcf.InvalidTcStringException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The problem types of the admin endpoints (RFC 9457): each {@link GdprException} maps to a status by its class, and
 * each problem's {@code type} is a URN naming it, so a client tells an unknown request from an unknown breach
 * without reading the prose.
 */
final class ProblemTypes {

  private static final String PREFIX = "urn:gdpr-kit:problem:";

  /** Statuses by exception class; a class not listed takes its nearest listed superclass's. */
  private static final Map<Class<?>, HttpStatus> STATUSES = Map.ofEntries(
      // The caller sent something the kit refuses as it is: fix the request.
      Map.entry(InvalidInputException.class, HttpStatus.BAD_REQUEST),
      Map.entry(UnknownPurposeException.class, HttpStatus.BAD_REQUEST),
      Map.entry(UnknownTopicException.class, HttpStatus.BAD_REQUEST),
      Map.entry(LegalBasisMismatchException.class, HttpStatus.BAD_REQUEST),
      Map.entry(ExplicitConsentRequiredException.class, HttpStatus.BAD_REQUEST),
      Map.entry(ParentalAuthorisationRequiredException.class, HttpStatus.BAD_REQUEST),
      Map.entry(AgeAssuranceRequiredException.class, HttpStatus.BAD_REQUEST),
      Map.entry(InvalidTokenException.class, HttpStatus.BAD_REQUEST),
      Map.entry(UnknownKeyException.class, HttpStatus.BAD_REQUEST),
      Map.entry(InvalidTcStringException.class, HttpStatus.BAD_REQUEST),
      Map.entry(InvalidReceiptException.class, HttpStatus.BAD_REQUEST),
      Map.entry(InvalidEvidenceException.class, HttpStatus.BAD_REQUEST),
      Map.entry(ProofRejectedException.class, HttpStatus.BAD_REQUEST),
      Map.entry(LateNotificationException.class, HttpStatus.BAD_REQUEST),
      Map.entry(AffectedSubjectsException.class, HttpStatus.BAD_REQUEST),
      // Something the request names does not exist.
      Map.entry(UnknownSubjectException.class, HttpStatus.NOT_FOUND),
      Map.entry(UnknownRequestException.class, HttpStatus.NOT_FOUND),
      Map.entry(UnknownBreachException.class, HttpStatus.NOT_FOUND),
      Map.entry(UnknownRecipientException.class, HttpStatus.NOT_FOUND),
      Map.entry(UnknownActivityException.class, HttpStatus.NOT_FOUND),
      Map.entry(UnknownAuthorisationException.class, HttpStatus.NOT_FOUND),
      Map.entry(UnknownErasureException.class, HttpStatus.NOT_FOUND),
      // The history asked for was erased with the subject (Art. 17): it existed and is gone for good.
      Map.entry(HistoryErasedException.class, HttpStatus.GONE),
      // The request is well formed but the state of the records does not allow it now.
      Map.entry(ConsentConflictException.class, HttpStatus.CONFLICT),
      Map.entry(ConsentAlreadyGrantedException.class, HttpStatus.CONFLICT),
      Map.entry(ConsentNotGrantedException.class, HttpStatus.CONFLICT),
      Map.entry(OutdatedConsentException.class, HttpStatus.CONFLICT),
      Map.entry(RequestConflictException.class, HttpStatus.CONFLICT),
      Map.entry(IllegalRequestTransitionException.class, HttpStatus.CONFLICT),
      Map.entry(ErasureInProgressException.class, HttpStatus.CONFLICT),
      Map.entry(ErasureJobConflictException.class, HttpStatus.CONFLICT),
      Map.entry(ErasedSubjectException.class, HttpStatus.CONFLICT),
      Map.entry(SubjectErasedException.class, HttpStatus.CONFLICT),
      Map.entry(BreachConflictException.class, HttpStatus.CONFLICT),
      Map.entry(BreachStateException.class, HttpStatus.CONFLICT),
      Map.entry(RestrictionStateException.class, HttpStatus.CONFLICT),
      Map.entry(ObjectionRefusedException.class, HttpStatus.CONFLICT),
      Map.entry(RecipientRetiredException.class, HttpStatus.CONFLICT),
      Map.entry(SuppressedContactException.class, HttpStatus.CONFLICT),
      Map.entry(RectificationRefusedException.class, HttpStatus.CONFLICT),
      Map.entry(MissingRetentionException.class, HttpStatus.CONFLICT),
      // The law or the register forbids it.
      Map.entry(ProcessingNotPermittedException.class, HttpStatus.FORBIDDEN),
      Map.entry(NotAuthorisedException.class, HttpStatus.FORBIDDEN),
      Map.entry(AdminTenants.TenantNotPermittedException.class, HttpStatus.FORBIDDEN),
      Map.entry(DisclosureRefusedException.class, HttpStatus.FORBIDDEN),
      Map.entry(TransferRefusedException.class, HttpStatus.FORBIDDEN),
      // Operational failures: the request may succeed later.
      Map.entry(IdentityVerificationUnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE),
      Map.entry(GdprStoreException.class, HttpStatus.SERVICE_UNAVAILABLE),
      Map.entry(HostCodeException.class, HttpStatus.BAD_GATEWAY),
      Map.entry(GdprException.class, HttpStatus.INTERNAL_SERVER_ERROR));

  private ProblemTypes() {
  }

  /** Returns the status for a failure of the kit, by its class or its nearest listed superclass. */
  static HttpStatus status(GdprException failure) {
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      HttpStatus status = STATUSES.get(type);
      if (status != null) {
        return status;
      }
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  /** Returns the problem type of a failure of the kit: {@code urn:gdpr-kit:problem:unknown-request}. */
  static URI type(GdprException failure) {
    String name = failure.getClass().getSimpleName().replaceFirst("Exception$", "");
    return named(name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
  }

  /** Returns the problem type with this kebab-case name. */
  static URI named(String name) {
    return URI.create(PREFIX + name);
  }

  /** Returns a problem detail as JSON, for the filters that answer before Spring MVC does; no value is echoed. */
  static String json(HttpStatus status, String detail) {
    String name = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    return "{\"type\":\"" + PREFIX + name + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
        + status.value() + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }
}
