package io.gdprkit.spring.autoconfigure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.retention.RetentionRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gdpr.retention.*} properties: the retention rules (Art. 5(1)(e) storage limitation), each keeping the
 * data of inactive subjects, of one purpose or of one data category for a period after the last activity.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.retention.rules.inactive-leads.keep=730d
 * gdpr.retention.rules.inactive-leads.action=ERASE
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Validated
@ConfigurationProperties("gdpr.retention")
public class GdprRetentionProperties {

  /** The rules, by id; an id must stay the same across restarts, since sweeps remember per rule whom they did. */
  private Map<@Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
      message = "Name the rule with 1 to 64 letters, digits, '_' or '-'.") String, @Valid Rule> rules =
      new LinkedHashMap<>();

  public Map<String, Rule> getRules() {
    return rules;
  }

  public void setRules(Map<String, Rule> rules) {
    this.rules = rules;
  }

  /** One retention rule; with neither purpose nor category, it covers everything about an inactive subject. */
  public static class Rule {

    /** The purpose whose data the rule covers; data other purposes still need is kept. */
    private @Nullable String purpose;

    /** The id of the data category the rule covers. */
    private @Nullable String category;

    /** How long after the subject's last activity the data is kept, such as 730d. */
    @NotNull(message = "Set how long the data is kept after the last activity, such as 730d.")
    private @Nullable Duration keep;

    /** What happens when the period ends: ERASE or ANONYMISE. */
    @NotNull(message = "Set the action: ERASE or ANONYMISE.")
    private RetentionRule.@Nullable Action action;

    public @Nullable String getPurpose() {
      return purpose;
    }

    public void setPurpose(@Nullable String purpose) {
      this.purpose = purpose;
    }

    public @Nullable String getCategory() {
      return category;
    }

    public void setCategory(@Nullable String category) {
      this.category = category;
    }

    public @Nullable Duration getKeep() {
      return keep;
    }

    public void setKeep(@Nullable Duration keep) {
      this.keep = keep;
    }

    public RetentionRule.@Nullable Action getAction() {
      return action;
    }

    public void setAction(RetentionRule.@Nullable Action action) {
      this.action = action;
    }
  }
}
