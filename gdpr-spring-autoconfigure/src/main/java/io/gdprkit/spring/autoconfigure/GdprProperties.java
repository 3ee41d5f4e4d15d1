package io.gdprkit.spring.autoconfigure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditDrain;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Sensitivity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gdpr.*} properties of the kit's core: the purposes the host processes personal data for, each on its
 * legal basis (Art. 6(1)), the data categories they need, the digital age of consent per member state (Art. 8(1)) and
 * how this instance shares work with the others. Keys, retention, erasure cascade, GPC, TCF and schedules have
 * properties classes of their own.
 *
 * <p>Validated at start-up: a bad value stops the application with a message naming the property and the fix.
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code
 * gdpr:
 *   purposes:
 *     newsletter: { basis: CONSENT, description: "Monthly newsletter", direct-marketing: true }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Validated
@ConfigurationProperties("gdpr")
public class GdprProperties {

  /** The purposes of processing, by id, each on its legal basis (Art. 6(1)). */
  private Map<String, @Valid PurposeProperties> purposes = new LinkedHashMap<>();

  /**
   * Data categories of the host besides the kit's own (contact-details, online-identifiers, behavioural, financial,
   * location, health), by id.
   */
  private Map<String, @Valid CategoryProperties> dataCategories = new LinkedHashMap<>();

  /**
   * The member state (ISO 3166-1 alpha-2, such as DE) whose digital age of consent applies when a consent's proof
   * names none (Art. 8(1)); without it, the GDPR's own age, 16.
   */
  @Pattern(regexp = "[A-Z]{2}", message = "Set it to an upper-case ISO 3166-1 alpha-2 code of a member state, such as DE.")
  private @Nullable String defaultMemberState;

  /**
   * The digital age of consent per member state (Art. 8(1)), by ISO 3166-1 alpha-2 code, replacing the kit's table
   * of the 27 member states for those listed.
   */
  private Map<String, @Valid AgeProperties> digitalConsentAges = new LinkedHashMap<>();

  /** Whether a consent to an information society service must say whether the subject is a child (Art. 8(2)). */
  private boolean requireAgeAssurance;

  /**
   * This instance's name in the leases of shared work (erasure jobs, notifications, sweeps); a random id per start by
   * default. Give each instance its own.
   */
  @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}",
      message = "Set it to 1 to 128 letters, digits, '_', '.', ':' or '-', different on each instance.")
  private @Nullable String instanceId;

  /** How long an instance holds shared work without progress before another takes it over; 5 minutes by default. */
  private @Nullable Duration workLease;

  /**
   * When audit records are chained into the trail: {@code after-commit}, on the committing thread, so an operation
   * returns with its entries chained (the default); or {@code background}, on a daemon thread woken by each commit,
   * so the host's thread pays only the outbox row, which is durable with its work (Art. 5(2) either way).
   */
  private @Nullable AuditDrain auditDrain;

  public @Nullable AuditDrain getAuditDrain() {
    return auditDrain;
  }

  public void setAuditDrain(@Nullable AuditDrain auditDrain) {
    this.auditDrain = auditDrain;
  }

  public Map<String, PurposeProperties> getPurposes() {
    return purposes;
  }

  public void setPurposes(Map<String, PurposeProperties> purposes) {
    this.purposes = purposes;
  }

  public Map<String, CategoryProperties> getDataCategories() {
    return dataCategories;
  }

  public void setDataCategories(Map<String, CategoryProperties> dataCategories) {
    this.dataCategories = dataCategories;
  }

  public @Nullable String getDefaultMemberState() {
    return defaultMemberState;
  }

  public void setDefaultMemberState(@Nullable String defaultMemberState) {
    this.defaultMemberState = defaultMemberState;
  }

  public Map<String, AgeProperties> getDigitalConsentAges() {
    return digitalConsentAges;
  }

  public void setDigitalConsentAges(Map<String, AgeProperties> digitalConsentAges) {
    this.digitalConsentAges = digitalConsentAges;
  }

  public boolean isRequireAgeAssurance() {
    return requireAgeAssurance;
  }

  public void setRequireAgeAssurance(boolean requireAgeAssurance) {
    this.requireAgeAssurance = requireAgeAssurance;
  }

  public @Nullable String getInstanceId() {
    return instanceId;
  }

  public void setInstanceId(@Nullable String instanceId) {
    this.instanceId = instanceId;
  }

  public @Nullable Duration getWorkLease() {
    return workLease;
  }

  public void setWorkLease(@Nullable Duration workLease) {
    this.workLease = workLease;
  }

  /** One purpose of processing. */
  public static class PurposeProperties {

    /** The legal basis the purpose rests on (Art. 6(1)(a)–(f)). */
    @NotNull(message = "Set the legal basis: one of CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS,"
        + " PUBLIC_TASK or LEGITIMATE_INTERESTS (Art. 6(1)).")
    private @Nullable LegalBasis basis;

    /** What the purpose is, as the notice shown to the subject says it. */
    @NotBlank(message = "Describe the purpose as the notice shown to the subject does.")
    @Size(max = 500, message = "Shorten the description to at most 500 characters.")
    private @Nullable String description;

    /** Whether the purpose is direct marketing, to which the subject may object at any time (Art. 21(2)–(3)). */
    private boolean directMarketing;

    /** The ids of the data categories the purpose needs (Art. 5(1)(c) minimisation). */
    private List<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
        message = "Name data categories by id: lower-case letters, digits and '-'.") String> dataCategories =
        new ArrayList<>();

    /** How long data kept for this purpose is kept after the purpose ends, such as P2Y. */
    private @Nullable Period retention;

    /** How long a consent to this purpose stays valid before it must be asked again, such as P1Y. */
    private @Nullable Period consentValidity;

    /** The processing switches (PROFILING, TRACKING) that must be on for the purpose to be allowed. */
    private Set<ProcessingSwitch> switchesRequired = EnumSet.noneOf(ProcessingSwitch.class);

    /** The version of the notice that describes the purpose, recorded with each consent. */
    @Size(min = 1, max = 64, message = "Set the notice version to 1 to 64 characters, or leave it out.")
    private @Nullable String noticeVersion;

    public @Nullable LegalBasis getBasis() {
      return basis;
    }

    public void setBasis(@Nullable LegalBasis basis) {
      this.basis = basis;
    }

    public @Nullable String getDescription() {
      return description;
    }

    public void setDescription(@Nullable String description) {
      this.description = description;
    }

    public boolean isDirectMarketing() {
      return directMarketing;
    }

    public void setDirectMarketing(boolean directMarketing) {
      this.directMarketing = directMarketing;
    }

    public List<String> getDataCategories() {
      return dataCategories;
    }

    public void setDataCategories(List<String> dataCategories) {
      this.dataCategories = dataCategories;
    }

    public @Nullable Period getRetention() {
      return retention;
    }

    public void setRetention(@Nullable Period retention) {
      this.retention = retention;
    }

    public @Nullable Period getConsentValidity() {
      return consentValidity;
    }

    public void setConsentValidity(@Nullable Period consentValidity) {
      this.consentValidity = consentValidity;
    }

    public Set<ProcessingSwitch> getSwitchesRequired() {
      return switchesRequired;
    }

    public void setSwitchesRequired(Set<ProcessingSwitch> switchesRequired) {
      this.switchesRequired = switchesRequired;
    }

    public @Nullable String getNoticeVersion() {
      return noticeVersion;
    }

    public void setNoticeVersion(@Nullable String noticeVersion) {
      this.noticeVersion = noticeVersion;
    }
  }

  /** A data category of the host's own. */
  public static class CategoryProperties {

    /** What personal data the category holds. */
    @NotBlank(message = "Describe what personal data the category holds.")
    private @Nullable String description;

    /** How sensitive the category is: NORMAL, SENSITIVE or SPECIAL_CATEGORY (Art. 9). */
    @NotNull(message = "Set the sensitivity: NORMAL, SENSITIVE or SPECIAL_CATEGORY (Art. 9).")
    private @Nullable Sensitivity sensitivity;

    public @Nullable String getDescription() {
      return description;
    }

    public void setDescription(@Nullable String description) {
      this.description = description;
    }

    public @Nullable Sensitivity getSensitivity() {
      return sensitivity;
    }

    public void setSensitivity(@Nullable Sensitivity sensitivity) {
      this.sensitivity = sensitivity;
    }
  }

  /** The digital age of consent in one member state (Art. 8(1)). */
  public static class AgeProperties {

    /** The age, between 13 and 16 (Art. 8(1)). */
    @NotNull(message = "Set the age between 13 and 16 (Art. 8(1)).")
    @Min(value = 13, message = "Set the age between 13 and 16 (Art. 8(1)): no member state may go below 13.")
    @Max(value = 16, message = "Set the age between 13 and 16 (Art. 8(1)): above 16 is not a digital age of consent.")
    private @Nullable Integer age;

    /** The national law that sets it, recorded with age checks. */
    @NotBlank(message = "Name the national law that sets the age, such as \"Act of 30 July 2018, Art. 7\".")
    private @Nullable String source;

    public @Nullable Integer getAge() {
      return age;
    }

    public void setAge(@Nullable Integer age) {
      this.age = age;
    }

    public @Nullable String getSource() {
      return source;
    }

    public void setSource(@Nullable String source) {
      this.source = source;
    }
  }
}
