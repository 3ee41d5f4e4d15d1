package io.gdprkit.spring.autoconfigure;

import io.gdprkit.purpose.LegalBasis;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gdpr.*} properties of the core: the purposes the host processes personal data for, each on its legal
 * basis (Art. 6(1)), and whether keys may be generated. Other concerns (endpoints, schedules, events) have properties
 * classes of their own, beside their auto-configurations.
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code
 * gdpr:
 *   purposes:
 *     newsletter: { basis: CONSENT, description: "Monthly newsletter", direct-marketing: true }
 * }</pre>
 *
 * @since 0.2
 */
@Validated
@ConfigurationProperties("gdpr")
public class GdprProperties {

  /** The purposes of processing, by id, each on its legal basis (Art. 6(1)). */
  private Map<String, @Valid PurposeProperties> purposes = new LinkedHashMap<>();

  /**
   * Whether the kit may generate its keys at start-up. Only for in-memory stores: keys generated for persistent stores
   * would make every stored data key unreadable after a restart.
   */
  private boolean allowGeneratedKeys;

  public Map<String, PurposeProperties> getPurposes() {
    return purposes;
  }

  public void setPurposes(Map<String, PurposeProperties> purposes) {
    this.purposes = purposes;
  }

  public boolean isAllowGeneratedKeys() {
    return allowGeneratedKeys;
  }

  public void setAllowGeneratedKeys(boolean allowGeneratedKeys) {
    this.allowGeneratedKeys = allowGeneratedKeys;
  }

  /** One purpose of processing. */
  public static class PurposeProperties {

    /** The legal basis the purpose rests on (Art. 6(1)(a)–(f)). */
    @NotNull
    private LegalBasis basis;

    /** What the purpose is, as the notice shown to the subject says it. */
    @NotBlank
    private String description;

    /** Whether the purpose is direct marketing, to which the subject may object at any time (Art. 21(2)–(3)). */
    private boolean directMarketing;

    public LegalBasis getBasis() {
      return basis;
    }

    public void setBasis(LegalBasis basis) {
      this.basis = basis;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public boolean isDirectMarketing() {
      return directMarketing;
    }

    public void setDirectMarketing(boolean directMarketing) {
      this.directMarketing = directMarketing;
    }
  }
}
