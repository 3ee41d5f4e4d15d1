package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Hashing;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalData;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The evidence that a consent event happened as recorded (Art. 7(1): the controller must be able to
 * demonstrate consent).
 *
 * <p>It names the channel, the form and its version, a SHA-256 of the exact notice text shown, the
 * locale, the IP address (reduced by the kit's {@link IpPolicy} when recorded), the user agent, who
 * recorded it and where the data came from. The time is the event's: see {@link ConsentEvent#occurredAt()}.
 *
 * <p>Usage example: <pre>{@code
 * ConsentProof proof = ConsentProof.webForm("signup-form", "v3")
 *     .ip("203.0.113.7").userAgent(ua).noticeText(noticeShownToUser).locale(Locale.GERMANY)
 *     .build();
 * }</pre>
 *
 * @param channel how the consent reached the controller
 * @param formId the form or script id, if any
 * @param formVersion the version of that form, if any
 * @param noticeSha256 lower-case hex SHA-256 of the notice text shown, if known
 * @param locale the language the notice was shown in, if known
 * @param ip the subject's IP address in the kept form, if known
 * @param userAgent the subject's user agent, at most 512 characters, if known; left out of {@code toString()}
 * @param recordedBy who recorded the event
 * @param source where the subject's data came from, if stated; recorded as a {@code SourceTag} too
 * @param explicitStatement how the subject made the consent explicit (Art. 9(2)(a), 22(2)(c)), or {@code null} when
 *     the consent is not shown to be explicit
 * @param ageAssurance what is known of the subject's age for Art. 8: on a recorded event always the reduced
 *     {@link AgeCheck}, never a stated birth date or age; {@code null} when nothing is known
 * @param parentalAuthorisation the holder of parental responsibility's authorisation of a child's consent (Art. 8(1)),
 *     or {@code null}
 * @param tcf the TC string's evidence, exactly when the channel is {@link ConsentChannel#TCF_STRING}
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record ConsentProof(
    ConsentChannel channel,
    @Nullable String formId,
    @Nullable String formVersion,
    @Nullable String noticeSha256,
    @Nullable Locale locale,
    @Nullable RecordedIp ip,
    @Nullable String userAgent,
    Actor recordedBy,
    @Nullable Origin source,
    @Nullable ExplicitStatement explicitStatement,
    @Nullable AgeAssurance ageAssurance,
    @Nullable ParentalAuthorisation parentalAuthorisation,
    @Nullable TcfEvidence tcf) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** Validates every field. */
  public ConsentProof {
    Preconditions.notNull(channel, "channel");
    if (formId != null) {
      Preconditions.identifier(formId, "form id", 200);
    }
    if (formVersion != null) {
      Preconditions.text(formVersion, "form version", 64);
    }
    if (noticeSha256 != null) {
      Preconditions.check(SHA256_HEX.matcher(noticeSha256).matches(), "notice SHA-256",
          "must be 64 lower-case hex digits");
    }
    if (userAgent != null) {
      Preconditions.text(userAgent, "user agent", 512);
    }
    Preconditions.notNull(recordedBy, "recordedBy");
    Preconditions.check((tcf != null) == (channel == ConsentChannel.TCF_STRING), "tcf",
        "is given exactly when the channel is TCF_STRING");
  }

  /**
   * Creates a proof that is not shown to be explicit, says nothing of the subject's age (Art. 8) and carries no TC
   * string evidence.
   */
  public ConsentProof(ConsentChannel channel, @Nullable String formId, @Nullable String formVersion,
      @Nullable String noticeSha256, @Nullable Locale locale, @Nullable RecordedIp ip, @Nullable String userAgent,
      Actor recordedBy, @Nullable Origin source) {
    this(channel, formId, formVersion, noticeSha256, locale, ip, userAgent, recordedBy, source, null, null, null,
        null);
  }

  /**
   * Returns a description without the IP address, the user agent and the subject's age, which are personal data; it
   * says only whether each is present.
   */
  @Override
  public String toString() {
    return "ConsentProof[channel=" + channel + ", formId=" + formId + ", formVersion=" + formVersion
        + ", noticeSha256=" + noticeSha256 + ", locale=" + locale + ", ip=" + (ip == null ? "none" : ip.policy())
        + ", userAgent=" + (userAgent == null ? "none" : "redacted") + ", recordedBy=" + recordedBy
        + ", source=" + (source == null ? "none" : source.type())
        + ", explicitStatement=" + (explicitStatement == null ? "none" : explicitStatement)
        + ", age=" + (ageAssurance == null ? "none" : ageAssurance.evidence() + " redacted")
        + ", parentalAuthorisation=" + (parentalAuthorisation == null ? "none"
            : parentalAuthorisation.role() + " by " + parentalAuthorisation.verification())
        + ", tcf=" + (tcf == null ? "none" : "cmp " + tcf.cmpId() + " version " + tcf.cmpVersion()) + "]";
  }

  /** Starts a proof for a consent the subject gave in a web form. */
  public static Builder webForm(String formId, String formVersion) {
    return builder(ConsentChannel.WEB_FORM).form(formId, formVersion).source(Origin.form(formId));
  }

  /** Starts a proof for consents imported from a file collected elsewhere; a staff user or job records it. */
  public static Builder imported(String fileName, Actor recordedBy) {
    return builder(ConsentChannel.IMPORT).recordedBy(recordedBy).source(Origin.importFile(fileName));
  }

  /** Starts a proof for a consent passed through the host's API by a client system. */
  public static Builder api(String clientId) {
    return builder(ConsentChannel.API).source(Origin.apiClient(clientId));
  }

  /** Starts a proof for a consent given in person to a staff user. */
  public static Builder inPerson(String staffUserId) {
    return builder(ConsentChannel.IN_PERSON).recordedBy(Actor.staff(staffUserId));
  }

  /** Starts a proof for a consent given over the phone to a staff user. */
  public static Builder phone(String staffUserId) {
    return builder(ConsentChannel.PHONE).recordedBy(Actor.staff(staffUserId));
  }

  /** Starts a proof for the click on a double opt-in confirmation link. */
  public static Builder emailConfirmation() {
    return builder(ConsentChannel.EMAIL_DOUBLE_OPT_IN);
  }

  /**
   * Starts a proof for choices read from an IAB TCF TC string: the channel {@link ConsentChannel#TCF_STRING}, the
   * CMP as the form ({@code iab-tcf-cmp-<CmpId>}, version {@code CmpVersion}) and as the source, and the evidence.
   */
  public static Builder tcfString(TcfEvidence evidence) {
    Preconditions.notNull(evidence, "evidence");
    String cmp = "iab-tcf-cmp-" + evidence.cmpId();
    return builder(ConsentChannel.TCF_STRING).form(cmp, Integer.toString(evidence.cmpVersion()))
        .source(Origin.form(cmp)).tcf(evidence);
  }

  /** Starts a proof on any channel, recorded by the subject unless {@link Builder#recordedBy} says otherwise. */
  public static Builder builder(ConsentChannel channel) {
    return new Builder(Preconditions.notNull(channel, "channel"));
  }

  /** Returns the smallest proof: a channel and who recorded it. */
  public static ConsentProof of(ConsentChannel channel, Actor recordedBy) {
    return builder(channel).recordedBy(recordedBy).build();
  }

  /**
   * Builds a {@link ConsentProof}; each method checks its argument at once. Not thread-safe.
   *
   * @since 0.1
   */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {

    private final ConsentChannel channel;
    private @Nullable String formId;
    private @Nullable String formVersion;
    private @Nullable String noticeSha256;
    private @Nullable Locale locale;
    private @Nullable RecordedIp ip;
    private @Nullable String userAgent;
    private Actor recordedBy = Actor.subject();
    private @Nullable Origin source;
    private @Nullable ExplicitStatement explicitStatement;
    private @Nullable AgeAssurance ageAssurance;
    private @Nullable ParentalAuthorisation parentalAuthorisation;
    private @Nullable TcfEvidence tcf;

    private Builder(ConsentChannel channel) {
      this.channel = channel;
    }

    /** Names the form and its version. */
    public Builder form(String formId, String formVersion) {
      this.formId = Preconditions.identifier(formId, "form id", 200);
      this.formVersion = Preconditions.text(formVersion, "form version", 64);
      return this;
    }

    /** Records the SHA-256 of the exact notice text shown; the text itself is not kept. */
    public Builder noticeText(String noticeText) {
      this.noticeSha256 = Hashing.sha256Hex(Preconditions.notBlank(noticeText, "notice text"));
      return this;
    }

    /** Records a notice fingerprint computed elsewhere, as 64 lower-case hex digits. */
    public Builder noticeSha256(String sha256Hex) {
      Preconditions.check(SHA256_HEX.matcher(Preconditions.notNull(sha256Hex, "notice SHA-256")).matches(),
          "notice SHA-256", "must be 64 lower-case hex digits");
      this.noticeSha256 = sha256Hex;
      return this;
    }

    /** Records the language the notice was shown in. */
    public Builder locale(Locale locale) {
      this.locale = Preconditions.notNull(locale, "locale");
      return this;
    }

    /**
     * Records the subject's IP address; the kit reduces it by its {@link IpPolicy} when recording.
     *
     * @param address an IPv4 or IPv6 literal; host names are refused, never looked up
     */
    public Builder ip(String address) {
      this.ip = new RecordedIp(PersonalData.of(Preconditions.notBlank(address, "ip")), IpPolicy.KEEP);
      return this;
    }

    /** Records the user agent; longer than 512 characters is refused. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Preconditions.text(userAgent, "user agent", 512);
      return this;
    }

    /** Names who recorded the event; the subject by default. */
    public Builder recordedBy(Actor actor) {
      this.recordedBy = Preconditions.notNull(actor, "recordedBy");
      return this;
    }

    /** Names where the subject's data came from. */
    public Builder source(Origin origin) {
      this.source = Preconditions.notNull(origin, "source");
      return this;
    }

    /**
     * Records how the subject made the consent explicit, as purposes on Art. 9(2)(a) or automated decisions on
     * consent (Art. 22(2)(c)) require.
     *
     * @since 0.2
     */
    public Builder explicitly(ExplicitStatement statement) {
      this.explicitStatement = Preconditions.notNull(statement, "explicit statement");
      return this;
    }

    /**
     * Records what is known of the subject's age, checked against the kit's default member state; the kit reduces
     * it to an {@link AgeCheck} before anything is stored (Art. 8, Art. 5(1)(c)).
     *
     * @since 0.2
     */
    public Builder age(AgeAssurance assurance) {
      this.ageAssurance = Preconditions.notNull(assurance, "age assurance");
      return this;
    }

    /**
     * Records what is known of the subject's age and the member state whose digital age of consent applies.
     *
     * @throws io.gdprkit.InvalidInputException if {@code assurance} is an {@link AgeCheck}, which names its own
     * @since 0.2
     */
    public Builder age(AgeAssurance assurance, MemberState memberState) {
      Preconditions.check(Preconditions.notNull(assurance, "age assurance") instanceof AgeClaim, "age assurance",
          "must be a statement of age, not an earlier age check, to be given a member state");
      this.ageAssurance = ((AgeClaim) assurance).in(memberState);
      return this;
    }

    /**
     * Records that the holder of parental responsibility gave or authorised the consent (Art. 8(1)).
     *
     * @since 0.2
     */
    public Builder parentalAuthorisation(ParentalAuthorisation authorisation) {
      this.parentalAuthorisation = Preconditions.notNull(authorisation, "parental authorisation");
      return this;
    }

    /** Attaches the evidence of an IAB TCF TC string; only for the {@link ConsentChannel#TCF_STRING} channel. */
    public Builder tcf(TcfEvidence evidence) {
      this.tcf = Preconditions.notNull(evidence, "tcf");
      return this;
    }

    /** Returns the proof. */
    public ConsentProof build() {
      return new ConsentProof(channel, formId, formVersion, noticeSha256, locale, ip, userAgent, recordedBy, source,
          explicitStatement, ageAssurance, parentalAuthorisation, tcf);
    }
  }
}
