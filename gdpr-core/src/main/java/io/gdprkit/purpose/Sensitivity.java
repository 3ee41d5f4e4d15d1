package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How sensitive a data category is; special categories (Art. 9) need an explicit basis and grant.
 *
 * <p>Usage example: <pre>{@code DataCategory.of("health", "Health records", Sensitivity.SPECIAL_CATEGORY)}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum Sensitivity {
  /** Ordinary personal data such as contact details. */
  NORMAL,
  /** Data whose misuse harms the subject more: financial data, precise location, behaviour. */
  SENSITIVE,
  /** Art. 9 special categories: health, religion, political opinion, biometrics and the like. */
  SPECIAL_CATEGORY
}
