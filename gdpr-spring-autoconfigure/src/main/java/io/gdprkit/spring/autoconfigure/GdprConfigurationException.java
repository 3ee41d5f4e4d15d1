package io.gdprkit.spring.autoconfigure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@code gdpr.*} configuration the kit cannot start with, naming the property, what is wrong and the fix; Spring
 * Boot reports it at start-up through {@code GdprConfigurationFailureAnalyzer}.
 *
 * <p>The message never holds a property's value, which may be a secret.
 *
 * <p>Usage example: <pre>{@code throw GdprConfigurationException.of("gdpr.keys.pseudonym.secret", "is missing", "Set it.");}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class GdprConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String property;
  private final String problem;
  private final String fix;

  private GdprConfigurationException(String property, String problem, String fix) {
    super("gdpr-kit configuration property '" + property + "' " + problem + ". " + fix);
    this.property = property;
    this.problem = problem;
    this.fix = fix;
  }

  /**
   * Returns the exception for {@code property}.
   *
   * @param property the full property name, such as {@code gdpr.keys.pseudonym.secret}
   * @param problem what is wrong, as a predicate of the property ("is missing")
   * @param fix what to do, as one or more sentences
   */
  public static GdprConfigurationException of(String property, String problem, String fix) {
    return new GdprConfigurationException(Objects.requireNonNull(property, "property"),
        Objects.requireNonNull(problem, "problem"), Objects.requireNonNull(fix, "fix"));
  }

  /** Returns the full name of the property at fault. */
  public String property() {
    return property;
  }

  /** Returns what is wrong with it. */
  public String problem() {
    return problem;
  }

  /** Returns what to do about it. */
  public String fix() {
    return fix;
  }
}
