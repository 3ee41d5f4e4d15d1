package io.gdprkit.spring.autoconfigure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.erasure.CascadePolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gdpr.erasure.*} properties: how far an erasure follows relations between subjects (employee to company,
 * parent to child), never unbounded.
 *
 * <p>Usage example: <pre>{@code gdpr.erasure.cascade.depths.employee-of=0}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Validated
@ConfigurationProperties("gdpr.erasure")
public class GdprErasureProperties {

  private static final String DEPTH_FIX = "Set the depth between 0 and " + CascadePolicy.MAX_DEPTH
      + ": 0 erases the subject alone, 1 also the subjects related to it, and so on.";

  /** The cascade along relations. */
  private @Valid Cascade cascade = new Cascade();

  public Cascade getCascade() {
    return cascade;
  }

  public void setCascade(Cascade cascade) {
    this.cascade = cascade;
  }

  /** How many levels of related subjects an erasure reaches. */
  public static class Cascade {

    /** The levels along relation types not listed in depths; 1 by default. */
    @Min(value = 0, message = DEPTH_FIX)
    @Max(value = CascadePolicy.MAX_DEPTH, message = DEPTH_FIX)
    private int defaultDepth = 1;

    /** The levels per relation type id, such as employee-of. */
    private Map<String, @Min(value = 0, message = DEPTH_FIX) @Max(value = CascadePolicy.MAX_DEPTH,
        message = DEPTH_FIX) Integer> depths = new LinkedHashMap<>();

    public int getDefaultDepth() {
      return defaultDepth;
    }

    public void setDefaultDepth(int defaultDepth) {
      this.defaultDepth = defaultDepth;
    }

    public Map<String, Integer> getDepths() {
      return depths;
    }

    public void setDepths(Map<String, Integer> depths) {
      this.depths = depths;
    }
  }
}
