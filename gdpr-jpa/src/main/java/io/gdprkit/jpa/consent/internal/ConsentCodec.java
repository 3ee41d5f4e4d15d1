package io.gdprkit.jpa.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.AgeAssurance;
import io.gdprkit.consent.AgeCheck;
import io.gdprkit.consent.AgeEvidence;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ExplicitStatement;
import io.gdprkit.consent.IpPolicy;
import io.gdprkit.consent.MemberState;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.ParentalAuthorisation;
import io.gdprkit.consent.ParentalRole;
import io.gdprkit.consent.ParentalVerification;
import io.gdprkit.consent.RecordedIp;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.TcfEvidence;
import io.gdprkit.jpa.internal.JsonText;
import io.gdprkit.jpa.internal.Micros;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Writes the JSON columns of the consent tables and reads them back: a consent event's proof (Art. 7(1): the evidence
 * that consent was given as recorded) and a subject's snapshot. This class is the one place that names their fields:
 * a field added to {@link ConsentProof} gets a name, a line in {@link #proof(ConsentProof)} and a case in
 * {@link #proof(String)} here, and rows written before it read as absent.
 *
 * <p>Instants are microseconds since the epoch ({@link Micros}), the precision of the tables' timestamps, so a snapshot and the
 * events it folds agree to the microsecond. Absent fields are left out.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class ConsentCodec {

  private ConsentCodec() {}

  /** Returns the proof as compact JSON; it holds the IP address and user agent as recorded (personal data). */
  public static String proof(ConsentProof proof) {
    return JsonText.write(json -> {
      json.writeStartObject();
      json.writeStringProperty("channel", proof.channel().name());
      JsonText.optional(json, "formId", proof.formId());
      JsonText.optional(json, "formVersion", proof.formVersion());
      JsonText.optional(json, "noticeSha256", proof.noticeSha256());
      JsonText.optional(json, "locale", proof.locale() == null ? null : proof.locale().toLanguageTag());
      RecordedIp ip = proof.ip();
      if (ip != null) {
        json.writeStringProperty("ip", ip.value().value(PersonalDataAccess.unredacted()));
        json.writeStringProperty("ipPolicy", ip.policy().name());
      }
      JsonText.optional(json, "userAgent", proof.userAgent());
      json.writeStringProperty("recordedBy", proof.recordedBy().type().name());
      JsonText.optional(json, "recordedById", proof.recordedBy().id());
      Origin source = proof.source();
      if (source != null) {
        json.writeStringProperty("source", source.type().name());
        json.writeStringProperty("sourceReference", source.reference());
      }
      JsonText.optional(json, "explicitStatement",
          proof.explicitStatement() == null ? null : proof.explicitStatement().name());
      AgeAssurance age = proof.ageAssurance();
      if (age != null) {
        if (!(age instanceof AgeCheck check)) {
          throw new IllegalArgumentException("a stored proof holds the age check the kit made, never the raw age "
              + "claim (Art. 5(1)(c))");
        }
        json.writeStringProperty("ageEvidence", check.evidence().name());
        JsonText.optional(json, "ageMemberState", check.memberState() == null ? null : check.memberState().code());
        json.writeNumberProperty("ageOfConsent", check.ageOfConsent());
        json.writeBooleanProperty("belowAgeOfConsent", check.belowAgeOfConsent());
      }
      ParentalAuthorisation parent = proof.parentalAuthorisation();
      if (parent != null) {
        json.writeStringProperty("parentRole", parent.role().name());
        json.writeStringProperty("parentVerification", parent.verification().name());
        json.writeStringProperty("parentVerifiedAt", parent.verifiedAt().toString());
        JsonText.optional(json, "parentEvidence", parent.evidenceReference());
      }
      TcfEvidence tcf = proof.tcf();
      if (tcf != null) {
        json.writeStringProperty("tcfSha256", tcf.sha256());
        json.writeNumberProperty("tcfCmpId", tcf.cmpId());
        json.writeNumberProperty("tcfCmpVersion", tcf.cmpVersion());
        json.writeNumberProperty("tcfConsentScreen", tcf.consentScreen());
        json.writeStringProperty("tcfCreated", tcf.created().toString());
        json.writeStringProperty("tcfLastUpdated", tcf.lastUpdated().toString());
        json.writeNumberProperty("tcfPolicyVersion", tcf.tcfPolicyVersion());
        json.writeNumberProperty("tcfVendorListVersion", tcf.vendorListVersion());
      }
      json.writeEndObject();
    });
  }

  /** Reads a proof written by {@link #proof(ConsentProof)}. */
  public static ConsentProof proof(String text) {
    return JsonText.read(text, "a consent proof", json -> {
      ProofFields proof = new ProofFields();
      JsonText.fields(json, name -> proof.read(name, json));
      return proof.toProof();
    });
  }

  /** The fields of a proof as read, before the proof validates them together. */
  private static final class ProofFields {
    @Nullable String channel;
    @Nullable String formId;
    @Nullable String formVersion;
    @Nullable String noticeSha256;
    @Nullable String locale;
    @Nullable String ip;
    @Nullable String ipPolicy;
    @Nullable String userAgent;
    @Nullable String recordedBy;
    @Nullable String recordedById;
    @Nullable String source;
    @Nullable String sourceReference;
    @Nullable String explicitStatement;
    @Nullable String ageEvidence;
    @Nullable String ageMemberState;
    int ageOfConsent;
    boolean belowAgeOfConsent;
    @Nullable String parentRole;
    @Nullable String parentVerification;
    @Nullable String parentVerifiedAt;
    @Nullable String parentEvidence;
    @Nullable String tcfSha256;
    int tcfCmpId;
    int tcfCmpVersion;
    int tcfConsentScreen;
    @Nullable String tcfCreated;
    @Nullable String tcfLastUpdated;
    int tcfPolicyVersion;
    int tcfVendorListVersion;

    boolean read(String name, JsonParser json) {
      switch (name) {
        case "channel" -> channel = json.getString();
        case "formId" -> formId = json.getString();
        case "formVersion" -> formVersion = json.getString();
        case "noticeSha256" -> noticeSha256 = json.getString();
        case "locale" -> locale = json.getString();
        case "ip" -> ip = json.getString();
        case "ipPolicy" -> ipPolicy = json.getString();
        case "userAgent" -> userAgent = json.getString();
        case "recordedBy" -> recordedBy = json.getString();
        case "recordedById" -> recordedById = json.getString();
        case "source" -> source = json.getString();
        case "sourceReference" -> sourceReference = json.getString();
        case "explicitStatement" -> explicitStatement = json.getString();
        case "ageEvidence" -> ageEvidence = json.getString();
        case "ageMemberState" -> ageMemberState = json.getString();
        case "ageOfConsent" -> ageOfConsent = json.getIntValue();
        case "belowAgeOfConsent" -> belowAgeOfConsent = json.getBooleanValue();
        case "parentRole" -> parentRole = json.getString();
        case "parentVerification" -> parentVerification = json.getString();
        case "parentVerifiedAt" -> parentVerifiedAt = json.getString();
        case "parentEvidence" -> parentEvidence = json.getString();
        case "tcfSha256" -> tcfSha256 = json.getString();
        case "tcfCmpId" -> tcfCmpId = json.getIntValue();
        case "tcfCmpVersion" -> tcfCmpVersion = json.getIntValue();
        case "tcfConsentScreen" -> tcfConsentScreen = json.getIntValue();
        case "tcfCreated" -> tcfCreated = json.getString();
        case "tcfLastUpdated" -> tcfLastUpdated = json.getString();
        case "tcfPolicyVersion" -> tcfPolicyVersion = json.getIntValue();
        case "tcfVendorListVersion" -> tcfVendorListVersion = json.getIntValue();
        default -> {
          return false;
        }
      }
      return true;
    }

    ConsentProof toProof() {
      RecordedIp recordedIp = ip == null ? null
          : new RecordedIp(PersonalData.of(ip), IpPolicy.valueOf(JsonText.required(ipPolicy, "ipPolicy")));
      Origin origin = source == null ? null
          : new Origin(Origin.Type.valueOf(source), JsonText.required(sourceReference, "sourceReference"));
      AgeCheck age = ageEvidence == null ? null : new AgeCheck(AgeEvidence.valueOf(ageEvidence),
          ageMemberState == null ? null : MemberState.of(ageMemberState), ageOfConsent, belowAgeOfConsent);
      ParentalAuthorisation parent = parentRole == null ? null : new ParentalAuthorisation(
          ParentalRole.valueOf(parentRole),
          ParentalVerification.valueOf(JsonText.required(parentVerification, "parentVerification")),
          Instant.parse(JsonText.required(parentVerifiedAt, "parentVerifiedAt")), parentEvidence);
      return new ConsentProof(ConsentChannel.valueOf(JsonText.required(channel, "channel")), formId, formVersion,
          noticeSha256, locale == null ? null : Locale.forLanguageTag(locale), recordedIp, userAgent,
          new Actor(Actor.Type.valueOf(JsonText.required(recordedBy, "recordedBy")), recordedById), origin,
          explicitStatement == null ? null : ExplicitStatement.valueOf(explicitStatement), age, parent, tcf());
    }

    private @Nullable TcfEvidence tcf() {
      return tcfSha256 == null ? null : new TcfEvidence(tcfSha256, tcfCmpId, tcfCmpVersion, tcfConsentScreen,
          Instant.parse(JsonText.required(tcfCreated, "tcfCreated")),
          Instant.parse(JsonText.required(tcfLastUpdated, "tcfLastUpdated")), tcfPolicyVersion, tcfVendorListVersion);
    }
  }

  /**
   * Returns the snapshot as compact JSON: each purpose's state in the order the purposes were first recorded, the
   * switches set, the restriction and the objections. The subject is the row's key, so it is not repeated.
   */
  public static String snapshot(SubjectConsents snapshot) {
    return JsonText.write(json -> {
      json.writeStartObject();
      Map<String, ConsentState> states = snapshot.states();
      if (!states.isEmpty()) {
        json.writeName("states");
        json.writeStartArray();
        for (ConsentState state : states.values()) {
          json.writeStartObject();
          json.writeStringProperty("purpose", state.purpose());
          json.writeStringProperty("status", state.status().name());
          json.writeNumberProperty("sequence", state.sequence());
          json.writeStringProperty("eventId", state.eventId().toString());
          json.writeNumberProperty("since", Micros.of(state.since()));
          if (state.expiresAt() != null) {
            json.writeNumberProperty("expiresAt", Micros.of(state.expiresAt()));
          }
          json.writeStringProperty("noticeVersion", state.noticeVersion());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      Map<ProcessingSwitch, Boolean> switches = snapshot.switches();
      if (!switches.isEmpty()) {
        json.writeName("switches");
        json.writeStartObject();
        switches.forEach((processingSwitch, on) -> json.writeBooleanProperty(processingSwitch.name(), on));
        json.writeEndObject();
      }
      if (snapshot.isRestricted()) {
        json.writeBooleanProperty("restricted", true);
      }
      Map<String, ObjectionStatus> objections = snapshot.objections();
      if (!objections.isEmpty()) {
        json.writeName("objections");
        json.writeStartObject();
        objections.forEach((purpose, status) -> json.writeStringProperty(purpose, status.name()));
        json.writeEndObject();
      }
      json.writeEndObject();
    });
  }

  /** Reads the snapshot of {@code subject} written by {@link #snapshot(SubjectConsents)}. */
  public static SubjectConsents snapshot(SubjectId subject, String text) {
    if (text.equals(ConsentSnapshotRow.EMPTY_BODY)) {
      return SubjectConsents.EMPTY;
    }
    return JsonText.read(text, "a consent snapshot", json -> {
      SubjectConsents[] snapshot = {SubjectConsents.EMPTY};
      JsonText.fields(json, name -> {
        switch (name) {
          case "states" -> {
            JsonText.expect(json, JsonToken.START_ARRAY);
            while (json.nextToken() != JsonToken.END_ARRAY) {
              snapshot[0] = snapshot[0].with(state(subject, json));
            }
          }
          case "switches" -> JsonText.fields(json, switchName -> {
            snapshot[0] = snapshot[0].with(ProcessingSwitch.valueOf(switchName), json.getBooleanValue());
            return true;
          });
          case "restricted" -> snapshot[0] = snapshot[0].withRestriction(json.getBooleanValue());
          case "objections" -> JsonText.fields(json, purpose -> {
            snapshot[0] = snapshot[0].withObjection(purpose.intern(), ObjectionStatus.valueOf(json.getString()));
            return true;
          });
          default -> {
            return false;
          }
        }
        return true;
      });
      return snapshot[0];
    });
  }

  private static ConsentState state(SubjectId subject, JsonParser json) {
    StateFields state = new StateFields();
    JsonText.fields(json, name -> state.read(name, json));
    return state.toState(subject);
  }

  /** The fields of one purpose's state as read. */
  private static final class StateFields {
    @Nullable String purpose;
    @Nullable String status;
    long sequence;
    @Nullable String eventId;
    long since;
    @Nullable Long expiresAt;
    @Nullable String noticeVersion;

    boolean read(String name, JsonParser json) {
      switch (name) {
        // interned: a decision finds its purpose in the snapshot by reference first (SubjectConsents.indexOf), and
        // hosts pass the constant they declared it with; a fresh string from the parser costs an equals, a cache
        // miss or two per decision on a snapshot the decision cache holds
        case "purpose" -> purpose = json.getString().intern();
        case "status" -> status = json.getString();
        case "sequence" -> sequence = json.getLongValue();
        case "eventId" -> eventId = json.getString();
        case "since" -> since = json.getLongValue();
        case "expiresAt" -> expiresAt = json.getLongValue();
        case "noticeVersion" -> noticeVersion = json.getString();
        default -> {
          return false;
        }
      }
      return true;
    }

    ConsentState toState(SubjectId subject) {
      return new ConsentState(subject, purpose, ConsentStatus.valueOf(JsonText.required(status, "status")), sequence,
          UUID.fromString(JsonText.required(eventId, "eventId")), Micros.instant(since),
          expiresAt == null ? null : Micros.instant(expiresAt), noticeVersion);
    }
  }
}
