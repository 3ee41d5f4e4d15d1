package io.gdprkit.tcf.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.TcfEvidence;
import io.gdprkit.internal.Hashing;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.tcf.PublisherTc;
import io.gdprkit.tcf.RestrictionType;
import io.gdprkit.tcf.TcString;
import io.gdprkit.tcf.TcfMapping;
import io.gdprkit.tcf.TcfRecording;
import io.gdprkit.tcf.TcfRecording.Action;
import io.gdprkit.tcf.TcfRecording.Outcome;
import io.gdprkit.tcf.TcfService;
import io.gdprkit.transaction.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCF service over the consent service: decodes strictly, maps signals to purposes, writes through the consent
 * service in one unit of work.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultTcfService implements TcfService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultTcfService.class);

  private final TcfMapping mapping;
  private final ConsentService consents;
  private final Clock clock;
  private final UnitOfWork unitOfWork;

  /**
   * Creates the service.
   *
   * @throws io.gdprkit.purpose.UnknownPurposeException if a mapped purpose is not declared
   * @throws LegalBasisMismatchException if a mapped purpose is not based on consent
   */
  public DefaultTcfService(TcfMapping mapping, ConsentService consents, PurposeRegistry purposes, Clock clock,
      UnitOfWork unitOfWork) {
    this.mapping = Preconditions.notNull(mapping, "mapping");
    this.consents = Preconditions.notNull(consents, "consents");
    this.clock = Preconditions.notNull(clock, "clock");
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    for (String id : mapping.mappedPurposes()) {
      Purpose purpose = purposes.get(id);
      if (!purpose.needsConsent()) {
        throw LegalBasisMismatchException.of(purpose.id(), purpose.legalBasis(), LegalBasis.CONSENT,
            "map TCF signals to");
      }
    }
  }

  @Override
  public TcfMapping mapping() {
    return mapping;
  }

  @Override
  public TcString decode(String tcString) {
    return TcString.decode(tcString);
  }

  @Override
  public Map<String, Boolean> choices(TcString tc) {
    Preconditions.notNull(tc, "tcString");
    Map<String, Boolean> given = new TreeMap<>();
    Integer vendor = mapping.vendorId();
    boolean vendorConsent = vendor != null && tc.vendorConsent(vendor);
    mapping.purposes().forEach((tcfPurpose, purpose) -> given.merge(purpose,
        vendor == null ? publisherConsent(tc.publisherTc(), tcfPurpose)
            : vendorConsent && tc.purposeConsent(tcfPurpose)
                && !tc.restricts(tcfPurpose, vendor, RestrictionType.NOT_ALLOWED)
                && !tc.restricts(tcfPurpose, vendor, RestrictionType.REQUIRE_LEGITIMATE_INTEREST),
        Boolean::logicalAnd));
    mapping.specialFeatures().forEach((feature, purpose) -> given.merge(purpose,
        tc.specialFeatureOptIn(feature) && (vendor == null || vendorConsent), Boolean::logicalAnd));
    return Collections.unmodifiableMap(given);
  }

  private static boolean publisherConsent(@Nullable PublisherTc publisher, int tcfPurpose) {
    return publisher != null && publisher.purposeConsent(tcfPurpose);
  }

  @Override
  public TcfRecording record(SubjectId subject, String tcString) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(tcString, "tcString");
    if (mapping.mappedPurposes().isEmpty()) {
      throw new IllegalStateException(
          "no TCF signal is mapped to a purpose; configure one with GdprKit.builder().tcf(TcfMapping...)");
    }
    TcString tc = TcString.decode(tcString); // strict: refused before anything is written
    String sha256 = Hashing.sha256Hex(tcString);
    ConsentProof proof = ConsentProof.tcfString(new TcfEvidence(sha256, tc.cmpId(), tc.cmpVersion(),
        tc.consentScreen(), tc.created(), tc.lastUpdated(), tc.tcfPolicyVersion(), tc.vendorListVersion()))
        .locale(Locale.forLanguageTag(tc.consentLanguage().toLowerCase(Locale.ROOT))).build();
    Map<String, Boolean> choices = choices(tc);
    List<Outcome> outcomes = unitOfWork.run("record TCF consent", () -> {
      Instant now = clock.instant();
      List<Outcome> done = new ArrayList<>(choices.size());
      choices.forEach((purpose, given) -> done.add(given ? grant(subject, purpose, proof, tc, now)
          : withdraw(subject, purpose, proof)));
      return done;
    });
    LOG.debug("TCF string of CMP {} recorded for {} purposes", tc.cmpId(), outcomes.size());
    return new TcfRecording(sha256, tc, outcomes);
  }

  private Outcome grant(SubjectId subject, String purpose, ConsentProof proof, TcString tc, Instant now) {
    ConsentState current = consents.state(subject, purpose).orElse(null);
    if (current != null && current.statusAt(now) == ConsentStatus.GRANTED) {
      return new Outcome(purpose, Action.UNCHANGED, null);
    }
    if (current != null && current.status() == ConsentStatus.WITHDRAWN
        && !newerThanWithdrawal(subject, purpose, current, tc)) {
      return new Outcome(purpose, Action.KEPT_WITHDRAWAL, null);
    }
    return new Outcome(purpose, Action.GRANTED, consents.grant(subject, purpose, proof));
  }

  /**
   * Returns whether the string was last updated after the subject's latest withdrawal: after the {@code
   * LastUpdated} of the string that withdrew, or after the time of a withdrawal on another channel. Ties keep the
   * withdrawal, since CMPs round {@code LastUpdated} to the day.
   */
  private boolean newerThanWithdrawal(SubjectId subject, String purpose, ConsentState withdrawn, TcString tc) {
    ConsentEvent withdrawal = null;
    List<ConsentEvent> history = consents.history(subject, purpose);
    for (int i = history.size() - 1; i >= 0 && withdrawal == null; i--) {
      if (history.get(i).id().equals(withdrawn.eventId())) {
        withdrawal = history.get(i);
      }
    }
    if (withdrawal == null) {
      return false; // the state names an event the history lacks: keep the withdrawal
    }
    TcfEvidence earlier = withdrawal.proof().tcf();
    Instant withdrawnAt = withdrawal.proof().channel() == ConsentChannel.TCF_STRING && earlier != null
        ? earlier.lastUpdated() : withdrawal.occurredAt();
    return tc.lastUpdated().isAfter(withdrawnAt);
  }

  private Outcome withdraw(SubjectId subject, String purpose, ConsentProof proof) {
    ConsentState current = consents.state(subject, purpose).orElse(null);
    if (current == null || !ConsentState.takesEffect(current.status(), ConsentEventType.WITHDRAWN)) {
      return new Outcome(purpose, Action.UNCHANGED, null);
    }
    return new Outcome(purpose, Action.WITHDRAWN, consents.withdraw(subject, purpose, proof));
  }
}
