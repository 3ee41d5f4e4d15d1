package io.gdprkit.spring.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gdpr.gpc.*} properties: Global Privacy Control over HTTP. Which purposes a signal withdraws or objects to
 * is the kit's policy ({@code gdpr.signals.gpc.*}); these say whether the web tier records the header and serves the
 * support resource.
 *
 * <p>Usage example: <pre>{@code gdpr.gpc.last-update=2026-12-07}</pre>
 *
 * @param enabled Whether Sec-GPC request headers are recorded for the subject a GpcSubjectResolver bean names.
 * @param wellKnownEnabled Whether /.well-known/gpc.json is served, and left out of Spring Security's filters.
 * @param lastUpdate Date of the site's GPC support statement, served as lastUpdate when the kit's policy carries none.
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@ConfigurationProperties("gdpr.gpc")
public record GpcProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean wellKnownEnabled,
    @Nullable LocalDate lastUpdate) {

  /**
   * Checks the date, naming the property at fault.
   *
   * @throws IllegalArgumentException if the year has more than four digits
   */
  public GpcProperties {
    if (lastUpdate != null && (lastUpdate.getYear() < 1 || lastUpdate.getYear() > 9999)) {
      throw new IllegalArgumentException("gdpr.gpc.last-update must be a date from 0001 to 9999, such as 2026-12-07");
    }
  }
}
