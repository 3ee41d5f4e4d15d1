package io.gdprkit.spring.selfservice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code gdpr.self-service.*} properties: where the data subject's self-service endpoints live, how long their
 * tokens verify, how often one token may be used, and where {@code List-Unsubscribe} links point.
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code
 * gdpr:
 *   self-service:
 *     public-url: https://shop.example
 *     rate-limit: { requests: 30, period: 1m }
 * }</pre>
 *
 * @param enabled Whether the self-service endpoints are served.
 * @param basePath Path under which the endpoints are mapped, starting with a slash.
 * @param publicUrl Absolute https URL at which the application is reached from outside, with its context path but
 *     without the base path. Needed for List-Unsubscribe headers, which stay off without it.
 * @param tokenValidity How long a self-service token verifies unless issued with another validity.
 * @param maxBodySize Largest request body accepted; larger ones are refused with status 413.
 * @param formVersion Version of the preference center, recorded in the proof of each consent given there.
 * @param bypassSpringSecurity Whether Spring Security's filters leave the endpoints alone, which check their own signed
 *     tokens and must take a one-click POST that carries no session or CSRF token.
 * @param rateLimit Requests allowed with one token, counted per application instance.
 * @param listUnsubscribe List-Unsubscribe header settings.
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@ConfigurationProperties("gdpr.self-service")
public record SelfServiceProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(SelfServiceProperties.DEFAULT_BASE_PATH) String basePath,
    @Nullable URI publicUrl,
    @DefaultValue("7d") Duration tokenValidity,
    @DefaultValue("4KB") DataSize maxBodySize,
    @DefaultValue("1") String formVersion,
    @DefaultValue("true") boolean bypassSpringSecurity,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue ListUnsubscribe listUnsubscribe) {

  /** The default base path. */
  public static final String DEFAULT_BASE_PATH = "/gdpr/self-service";

  /**
   * Checks the values, naming the property at fault.
   *
   * @throws IllegalArgumentException if a value is out of range, with the property and an example of a good value
   */
  public SelfServiceProperties {
    if (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.contains("{") || basePath.contains("*")) {
      throw new IllegalArgumentException(
          "gdpr.self-service.base-path must start with '/', not end with one, and hold no pattern, such as "
              + DEFAULT_BASE_PATH);
    }
    if (publicUrl != null && (!"https".equals(publicUrl.getScheme()) || publicUrl.getHost() == null
        || publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null)) {
      throw new IllegalArgumentException(
          "gdpr.self-service.public-url must be an absolute https URL with no query, such as https://shop.example;"
              + " RFC 8058 needs an https List-Unsubscribe URI");
    }
    if (tokenValidity.isNegative() || tokenValidity.isZero()) {
      throw new IllegalArgumentException("gdpr.self-service.token-validity must be positive, such as 7d");
    }
    if (maxBodySize.toBytes() < 64 || maxBodySize.toBytes() > 1024 * 1024) {
      throw new IllegalArgumentException("gdpr.self-service.max-body-size must be from 64B to 1MB, such as 4KB");
    }
    if (formVersion.isBlank() || formVersion.length() > 64) {
      throw new IllegalArgumentException("gdpr.self-service.form-version must be 1 to 64 characters, such as 1");
    }
  }

  /** Returns the public URI of the unsubscribe endpoint, if the public URL is set. */
  @Nullable URI unsubscribeEndpoint() {
    if (publicUrl == null) {
      return null;
    }
    String base = publicUrl.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + basePath + "/unsubscribe");
  }

  /**
   * How many requests one token may make in each period.
   *
   * <p><b>Warning:</b> counted in memory, per application instance: behind a load balancer with {@code n} instances a
   * token gets up to {@code n} times the limit, and a restart forgets the counts. It is a first defence; put a shared
   * limit in front (a gateway, a reverse proxy) where that matters.
   *
   * @param requests Requests allowed with one token per period.
   * @param period Length of each counting window.
   * @param maxTracked Most tokens counted at once; the least recently used are forgotten first.
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record RateLimit(@DefaultValue("20") int requests, @DefaultValue("1m") Duration period,
      @DefaultValue("10000") long maxTracked) {

    /**
     * Checks the values, naming the property at fault.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public RateLimit {
      if (requests < 1) {
        throw new IllegalArgumentException("gdpr.self-service.rate-limit.requests must be at least 1, such as 20");
      }
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("gdpr.self-service.rate-limit.period must be positive, such as 1m");
      }
      if (maxTracked < 1) {
        throw new IllegalArgumentException(
            "gdpr.self-service.rate-limit.max-tracked must be at least 1, such as 10000");
      }
    }
  }

  /**
   * List-Unsubscribe header settings.
   *
   * @param mailto Address that accepts unsubscribe mail, listed after the https URI.
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record ListUnsubscribe(@Nullable String mailto) {
  }
}
