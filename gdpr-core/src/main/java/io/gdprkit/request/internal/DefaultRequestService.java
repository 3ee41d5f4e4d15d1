package io.gdprkit.request.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import io.gdprkit.HostCodeException;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Hashing;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.request.RequestTransition;
import io.gdprkit.request.SubjectRequestChanged;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.request.DueDates;
import io.gdprkit.request.Fulfilment;
import io.gdprkit.request.IdentityCheck;
import io.gdprkit.request.RequestEvidence;
import io.gdprkit.request.RequestIntake;
import io.gdprkit.request.RequestNotice;
import io.gdprkit.request.SignedRequestEvidence;
import io.gdprkit.request.IllegalRequestTransitionException;
import io.gdprkit.request.IllegalRequestTransitionException.Action;
import io.gdprkit.request.RejectionNotice;
import io.gdprkit.request.RequestConflictException;
import io.gdprkit.request.RequestFulfiller;
import io.gdprkit.request.RequestFulfilmentException;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.RequestService;
import io.gdprkit.request.RequestState;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.UnknownRequestException;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request service over a {@link RequestStore}: checks each step against the request's state, runs verifiers and
 * fulfillers, and writes the next version.
 *
 * <p>Before it runs host code with effects for a request (the identity verifier's {@code begin}, a fulfiller), the
 * service writes a {@linkplain SubjectRequest.Claim claim} on it into the store, as a version of its own written by
 * compare-and-set: this kit instance's id and a lease of {@code workLease}. Every call that changes the request, on
 * any instance sharing the store and on this one, fails at once with {@link RequestConflictException#busy} while the
 * claim is live, so a fulfiller never runs twice at once and nothing overtakes it; no JVM-local lock is involved. The
 * write that records the outcome clears the claim; a failure clears it too, as far as the store lets it. A claim
 * whose lease ran out (its holder died, or took longer than the lease) is taken over by the next call.
 *
 * <p>The other steps (verify, whose check has no effect of its own; start, reject, extend, a notice) are single
 * compare-and-set writes that a live claim refuses. A loser of the version check re-reads, checks the step again
 * against what the winner wrote, and tries once more.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultRequestService implements RequestService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRequestService.class);
  private static final Actor KIT = Actor.system("gdpr-kit");
  private static final int MAX_ATTEMPTS = 8;
  private static final int PAGE_SIZE = 100;
  private static final String VERIFICATION_STARTED = "identity verification started";

  private final RequestStore store;
  private final IdentityVerifier verifier;
  private final Map<RequestKind, RequestFulfiller> fulfillers;
  private final Clock clock;
  private final ZoneId zone;
  private final String owner;
  private final Duration lease;
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher events;
  private final Function<SubjectId, String> pseudonyms;
  private final SigningKey signingKey;

  /**
   * Creates the service.
   *
   * @param fulfillers what {@link #complete} runs, by kind; kinds without one are only recorded
   * @param zone the controller's time zone, in which due dates are counted
   * @param pseudonyms the subject's keyed pseudonym as the audit trail names them, for the evidence
   * @param signingKey signs the evidence
   * @param owner this kit instance's id, the owner of the claims it writes
   * @param lease how long a claim holds; longer than the slowest verifier or fulfiller
   */
  public DefaultRequestService(RequestStore store, IdentityVerifier verifier,
      Map<RequestKind, RequestFulfiller> fulfillers, Clock clock, ZoneId zone, UnitOfWork unitOfWork,
      GdprEventPublisher events, Function<SubjectId, String> pseudonyms, SigningKey signingKey, String owner,
      Duration lease) {
    this.owner = Preconditions.identifier(owner, "owner", 128);
    this.lease = Preconditions.notNull(lease, "lease");
    Preconditions.check(!lease.isNegative() && !lease.isZero(), "lease", "must be positive");
    this.pseudonyms = Preconditions.notNull(pseudonyms, "pseudonyms");
    this.signingKey = Preconditions.notNull(signingKey, "signingKey");
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
    this.store = Preconditions.notNull(store, "store");
    this.verifier = Preconditions.notNull(verifier, "verifier");
    this.fulfillers = fulfillers.isEmpty() ? Map.of() : new EnumMap<>(fulfillers);
    this.clock = Preconditions.notNull(clock, "clock");
    this.zone = Preconditions.notNull(zone, "zone");
  }

  /** Publishes the step just written, in the unit that wrote it: the receipt and every later step. */
  private void written(SubjectRequest request) {
    RequestTransition step = request.transitions().get(request.transitions().size() - 1);
    events.publish(new SubjectRequestChanged(request.subject(), request.id(), request.kind(), request.state(),
        request.version(), step.by(), step.at()));
  }

  @Override
  public SubjectRequest receive(SubjectId subject, RequestKind kind, Actor receivedBy) {
    return received(subject, kind, receivedBy, null);
  }

  @Override
  public SubjectRequest receive(SubjectId subject, RequestKind kind, Actor receivedBy, RequestIntake intake) {
    return received(subject, kind, receivedBy, Preconditions.notNull(intake, "intake"));
  }

  private SubjectRequest received(SubjectId subject, RequestKind kind, Actor receivedBy,
      @Nullable RequestIntake intake) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(receivedBy, "receivedBy");
    Instant now = clock.instant();
    SubjectRequest request = SubjectRequest.received(RequestId.random(), subject, kind, now,
        DueDates.dueAt(now, zone), receivedBy, intake);
    unitOfWork.use("receive subject request", () -> {
      store.insert(request);
      written(request);
    });
    LOG.debug("{} request {} received, due {}", kind, request.id(), request.dueAt());
    return request;
  }

  @Override
  public SubjectRequest startVerification(RequestId requestId) {
    UnaryOperator<SubjectRequest> received = current -> require(current, RequestState.RECEIVED,
        Action.START_VERIFICATION);
    SubjectRequest started = claimed(load(requestId), received, held -> {
      IdentityCheck check = new IdentityCheck(method(), IdentityCheck.Outcome.STARTED);
      hostCall("begin", () -> verifier.begin(held));
      return current -> received.apply(current).step(RequestState.RECEIVED, clock.instant(), KIT,
          VERIFICATION_STARTED, check);
    });
    LOG.debug("identity verification of request {} started", requestId);
    return started;
  }

  /** Returns the verifier's method name; what a host's verifier throws or returns wrongly becomes a typed error. */
  private String method() {
    String name;
    try {
      name = verifier.method();
    } catch (GdprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw HostCodeException.of("the identity verifier in method", e);
    }
    return Preconditions.notNull(name, "identity verifier method()");
  }

  /** Runs the identity verifier; what a host's verifier throws becomes a typed error that does not copy its message. */
  private static void hostCall(String method, Runnable call) {
    try {
      call.run();
    } catch (GdprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw HostCodeException.of("the identity verifier in " + method, e);
    }
  }

  @Override
  public SubjectRequest verify(RequestId requestId, String token) {
    SubjectRequest request = load(requestId);
    Preconditions.notNull(token, "token");
    // A check has no effect of its own (IdentityVerifier), so it runs unclaimed: a wrong token writes nothing, and
    // the version check lets one of two racing verifications of the same request win.
    IdentityCheck check = new IdentityCheck(method(), IdentityCheck.Outcome.VERIFIED);
    hostCall("check", () -> verifier.check(request, token));
    SubjectRequest verified = commit(request, current -> verifiable(free(current, null)).step(
        RequestState.IDENTITY_VERIFIED, clock.instant(), Actor.subject(), null, check));
    LOG.debug("identity of request {} verified", requestId);
    return verified;
  }

  /** Returns the request if it can be verified; else fails as a second use of a token, or as an illegal step. */
  private static SubjectRequest verifiable(SubjectRequest current) {
    if (current.state() != RequestState.RECEIVED) {
      if (current.transitions().stream().anyMatch(t -> t.to() == RequestState.IDENTITY_VERIFIED)) {
        throw InvalidTokenException.of(Reason.ALREADY_USED);
      }
      throw IllegalRequestTransitionException.of(current.id(), current.state(), Action.VERIFY);
    }
    return current;
  }

  @Override
  public SubjectRequest start(RequestId requestId, Actor by) {
    Preconditions.notNull(by, "by");
    return commit(load(requestId), current -> require(free(current, null), RequestState.IDENTITY_VERIFIED,
        Action.START).step(RequestState.IN_PROGRESS, clock.instant(), by, null));
  }

  @Override
  public SubjectRequest complete(RequestId requestId, Actor by) {
    Preconditions.notNull(by, "by");
    SubjectRequest request = load(requestId);
    UnaryOperator<SubjectRequest> inProgress = current -> require(current, RequestState.IN_PROGRESS,
        Action.COMPLETE);
    RequestFulfiller fulfiller = fulfillers.get(request.kind());
    SubjectRequest completed = fulfiller == null
        ? commit(request, current -> inProgress.apply(free(current, null)).step(RequestState.COMPLETED,
            clock.instant(), by, null, new Fulfilment.Recorded()))
        : claimed(request, inProgress, held -> {
          Fulfilment fulfilment = fulfil(fulfiller, held);
          return current -> inProgress.apply(current).step(RequestState.COMPLETED, clock.instant(), by, null,
              fulfilment);
        });
    LOG.debug("{} request {} completed", request.kind(), requestId);
    return completed;
  }

  /** Runs the fulfiller; what it throws, or a missing report, becomes a typed error that does not copy its message. */
  private static Fulfilment fulfil(RequestFulfiller fulfiller, SubjectRequest request) {
    try {
      return Preconditions.notNull(fulfiller.fulfilAndReport(request), "fulfilment");
    } catch (RuntimeException e) {
      LOG.warn("fulfiller of {} request {} failed; the request stays in progress: {}", request.kind(), request.id(),
          e.getClass().getName());
      throw RequestFulfilmentException.of(request.id(), request.kind(), e);
    }
  }

  @Override
  public RejectionNotice reject(RequestId requestId, String reason, Actor by) {
    checkReason(reason, "rejection reason");
    Preconditions.notNull(by, "by");
    SubjectRequest rejected = commit(load(requestId), current -> {
      if (!free(current, null).state().isOpen()) {
        throw IllegalRequestTransitionException.of(requestId, current.state(), Action.REJECT);
      }
      return current.rejected(reason, clock.instant(), by);
    });
    LOG.debug("{} request {} rejected", rejected.kind(), requestId);
    return RejectionNotice.of(rejected, zone);
  }

  @Override
  public SubjectRequest extend(RequestId requestId, int months, String reason, Actor by) {
    Preconditions.check(months >= 1 && months <= DueDates.MAX_EXTENSION_MONTHS, "months",
        "must be 1 or " + DueDates.MAX_EXTENSION_MONTHS + " (Art. 12(3) GDPR allows two further months at most)");
    checkReason(reason, "extension reason");
    Preconditions.notNull(by, "by");
    SubjectRequest extended = commit(load(requestId), current -> {
      Instant now = clock.instant();
      if (!free(current, null).state().isOpen()) {
        throw IllegalRequestTransitionException.of(requestId, current.state(), Action.EXTEND);
      }
      if (current.extension() != null) {
        throw IllegalRequestTransitionException.alreadyExtended(requestId, current.state());
      }
      if (!now.isBefore(current.dueAt())) {
        throw IllegalRequestTransitionException.firstDeadlinePassed(requestId, current.state(), current.dueAt());
      }
      Instant dueAt = DueDates.extendedDueAt(current.dueAt(), zone, months);
      return current.extended(new SubjectRequest.Extension(dueAt, reason, now), by);
    });
    LOG.debug("request {} extended by {} months, due {}", requestId, months, extended.deadline());
    return extended;
  }

  @Override
  public SubjectRequest noticeSent(RequestId requestId, RequestNotice notice, Actor by) {
    Preconditions.notNull(notice, "notice");
    Preconditions.notNull(by, "by");
    return commit(load(requestId), current -> free(current, null).noticeSent(notice, clock.instant(), by));
  }

  @Override
  public RequestEvidence evidence(RequestId requestId) {
    SubjectRequest request = load(Preconditions.notNull(requestId, "requestId"));
    return RequestEvidence.of(request, pseudonyms.apply(request.subject()));
  }

  @Override
  public SignedRequestEvidence signedEvidence(RequestId requestId) {
    RequestEvidence evidence = evidence(requestId);
    byte[] json = EvidenceJson.write(evidence);
    return new SignedRequestEvidence(evidence, new String(json, StandardCharsets.UTF_8),
        HexFormat.of().formatHex(Hashing.sha256().digest(json)), EvidenceJws.sign(json, signingKey));
  }

  @Override
  public Optional<SubjectRequest> find(RequestId requestId) {
    return store.find(Preconditions.notNull(requestId, "requestId"));
  }

  @Override
  public List<SubjectRequest> forSubject(SubjectId subject) {
    return store.forSubject(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public Stream<SubjectRequest> overdue() {
    return openDueBy(clock.instant());
  }

  @Override
  public Stream<SubjectRequest> dueWithin(Duration window) {
    Bounds.notNegative(window, "window");
    return openDueBy(clock.instant().plus(window));
  }

  private Stream<SubjectRequest> openDueBy(Instant cutoff) {
    return Stream.iterate(store.openDueBy(cutoff, null, PAGE_SIZE), page -> !page.isEmpty(),
        page -> page.size() < PAGE_SIZE ? List.of() : store.openDueBy(cutoff, page.get(page.size() - 1), PAGE_SIZE))
        .flatMap(List::stream);
  }

  /**
   * Claims the request for this instance, runs {@code work} with the claimed request, and writes the outcome that
   * {@code work} returns, which clears the claim; on failure, clears the claim if it is still this call's.
   *
   * @param check checks that the step can be taken from the current version; applied again to the outcome
   * @param work runs the host code, and returns the change that records what it did
   * @throws RequestConflictException {@code busy} if another call holds a live claim; {@code takenOver} if another
   *     call took the request over while {@code work} ran
   */
  private SubjectRequest claimed(SubjectRequest read, UnaryOperator<SubjectRequest> check,
      Function<SubjectRequest, UnaryOperator<SubjectRequest>> work) {
    SubjectRequest.Claim claim = new SubjectRequest.Claim(owner, clock.instant().plus(lease));
    SubjectRequest held = commit(read, current -> check.apply(free(current, null)).claimed(claim));
    try {
      UnaryOperator<SubjectRequest> outcome = work.apply(held);
      return commit(held, current -> outcome.apply(free(current, claim)));
    } catch (RuntimeException e) {
      release(held, claim, e);
      throw e;
    }
  }

  /**
   * Returns {@code current} unless another call holds a live claim on it.
   *
   * @param own the caller's own claim, or {@code null} when it holds none
   * @throws RequestConflictException {@code busy} for a caller without a claim, {@code takenOver} for one whose claim
   *     was replaced
   */
  private SubjectRequest free(SubjectRequest current, SubjectRequest.@Nullable Claim own) {
    SubjectRequest.Claim claim = current.claim();
    if (claim == null || claim.equals(own)) {
      return current;
    }
    if (claim.heldAt(clock.instant())) {
      throw own == null ? RequestConflictException.busy(current.id())
          : RequestConflictException.takenOver(current.id());
    }
    LOG.warn("the claim of instance {} on request {} ran out at {}; taking the request over", claim.owner(),
        current.id(), claim.until());
    return current;
  }

  /** Clears this call's claim after {@code failure}, if the request still holds it; a failure to do so is added. */
  private void release(SubjectRequest held, SubjectRequest.Claim claim, RuntimeException failure) {
    try {
      commit(held, current -> claim.equals(current.claim()) ? current.unclaimed() : current);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      LOG.warn("could not clear the claim on request {}; it runs out at {}: {}", held.id(), claim.until(),
          e.getClass().getName());
    }
  }

  /**
   * Writes {@code change} applied to {@code read}, and publishes the step it adds, if any; a change that returns the
   * request it was given writes nothing. When another writer wrote first, re-reads and applies the change again,
   * which checks the step and the claim against the winner's version.
   */
  private SubjectRequest commit(SubjectRequest read, UnaryOperator<SubjectRequest> change) {
    SubjectRequest current = read;
    for (int attempt = 1; ; attempt++) {
      SubjectRequest next = change.apply(current);
      if (next == current) {
        return current;
      }
      boolean step = next.transitions().size() > current.transitions().size();
      try {
        unitOfWork.use(step ? "update subject request" : "claim or release subject request", () -> {
          store.update(next);
          if (step) {
            written(next);
          }
        });
        return next;
      } catch (RequestConflictException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw RequestConflictException.retriesExhausted(read.id(), attempt);
        }
        current = load(read.id());
      }
    }
  }

  private SubjectRequest load(RequestId requestId) {
    Preconditions.notNull(requestId, "requestId");
    return store.find(requestId).orElseThrow(() -> UnknownRequestException.of(requestId));
  }

  private static void checkReason(String reason, String field) {
    Preconditions.notBlank(reason, field);
    Preconditions.check(reason.length() <= SubjectRequest.MAX_REASON_LENGTH, field,
        "must be at most " + SubjectRequest.MAX_REASON_LENGTH + " characters long");
  }

  private static SubjectRequest require(SubjectRequest request, RequestState state, Action action) {
    if (request.state() != state) {
      throw IllegalRequestTransitionException.of(request.id(), request.state(), action);
    }
    return request;
  }
}
