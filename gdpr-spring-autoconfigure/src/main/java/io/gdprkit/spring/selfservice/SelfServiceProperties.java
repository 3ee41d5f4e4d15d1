package io.gdprkit.spring.selfservice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param enabled whether the self-service endpoints are served
 * @param basePath path under which the endpoints are mapped, starting with a slash
 * @param publicUrl absolute https URL at which the host's application is reached from outside, without the base path;
 *     needed for {@code List-Unsubscribe} headers, which stay off without it
 * @param tokenValidity how long a self-service token verifies unless issued otherwise
 * @param maxBodySize largest request body accepted; larger ones are refused with 413
 * @param formVersion version of the preference center recorded in the proof of each consent given there
 * @param rateLimit requests allowed with one token
 * @param listUnsubscribe {@code List-Unsubscribe} header settings
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@ConfigurationProperties("gdpr.self-service")
public record SelfServiceProperties(boolean enabled, String basePath, @Nullable URI publicUrl, Duration tokenValidity,
    DataSize maxBodySize, String formVersion, RateLimit rateLimit, ListUnsubscribe listUnsubscribe) {

  /** The default base path. */
  public static final String DEFAULT_BASE_PATH = "/gdpr/self-service";

  /** Fills in the defaults and checks the values, naming the property at fault. */
  @ConstructorBinding
  public SelfServiceProperties(@Nullable Boolean enabled, @Nullable String basePath, @Nullable URI publicUrl,
      @Nullable Duration tokenValidity, @Nullable DataSize maxBodySize, @Nullable String formVersion,
      @Nullable RateLimit rateLimit, @Nullable ListUnsubscribe listUnsubscribe) {
    this(enabled == null || enabled, basePath == null ? DEFAULT_BASE_PATH : basePath, publicUrl,
        tokenValidity == null ? Duration.ofDays(7) : tokenValidity,
        maxBodySize == null ? DataSize.ofKilobytes(4) : maxBodySize, formVersion == null ? "1" : formVersion,
        rateLimit == null ? new RateLimit(null, null, null) : rateLimit,
        listUnsubscribe == null ? new ListUnsubscribe(null) : listUnsubscribe);
  }

  /** Checks the values, naming the property at fault. */
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
   * How many requests one token may make in each period; per instance, see the endpoint's documentation.
   *
   * @param requests requests allowed per period
   * @param period length of each window
   * @param maxTracked most tokens whose windows are kept at once; the least recently used go first
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record RateLimit(int requests, Duration period, long maxTracked) {

    /** Fills in the defaults: 20 requests a minute, 10000 tokens tracked. */
    @ConstructorBinding
    public RateLimit(@Nullable Integer requests, @Nullable Duration period, @Nullable Long maxTracked) {
      this(requests == null ? 20 : requests, period == null ? Duration.ofMinutes(1) : period,
          maxTracked == null ? 10_000L : maxTracked);
    }

    /** Checks the values, naming the property at fault. */
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
   * {@code List-Unsubscribe} settings.
   *
   * @param mailto address that accepts unsubscribe mail, listed after the https URI, or none
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record ListUnsubscribe(@Nullable String mailto) {
  }
}
