package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.data.RelationType;
import io.gdprkit.internal.Preconditions;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How far erasure follows each type of relation: by default one level down (a company's employees, not their
 * devices), never further than configured and never more than {@link #MAX_DEPTH}.
 *
 * <p>Usage example: <pre>{@code CascadePolicy.defaults().withDepth(RelationType.USER_DEVICE, 2).withDepth(RelationType.COMPANY_EMPLOYEE, 0)}</pre>
 *
 * @param defaultDepth the depth for relation types not listed
 * @param depths the depth per relation type; 0 means never cascade along it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CascadePolicy(int defaultDepth, Map<RelationType, Integer> depths) {

  /** The deepest cascade allowed, whatever is configured. */
  public static final int MAX_DEPTH = 5;

  /** Validates the depths and copies the map. */
  public CascadePolicy {
    check(defaultDepth);
    depths = Map.copyOf(depths);
    depths.values().forEach(CascadePolicy::check);
  }

  /** Returns the default policy: one level along every relation type. */
  public static CascadePolicy defaults() {
    return new CascadePolicy(1, Map.of());
  }

  /** Returns a copy with this depth for one relation type. */
  public CascadePolicy withDepth(RelationType type, int depth) {
    java.util.HashMap<RelationType, Integer> next = new java.util.HashMap<>(depths);
    next.put(Preconditions.notNull(type, "relation type"), depth);
    return new CascadePolicy(defaultDepth, next);
  }

  /** Returns a copy with another depth for relation types not listed. */
  public CascadePolicy withDefaultDepth(int depth) {
    return new CascadePolicy(depth, depths);
  }

  /** Returns how many levels erasure follows relations of this type. */
  public int depthFor(RelationType type) {
    return depths.getOrDefault(type, defaultDepth);
  }

  private static void check(int depth) {
    Preconditions.check(depth >= 0 && depth <= MAX_DEPTH, "cascade depth", "must be between 0 and " + MAX_DEPTH);
  }
}
