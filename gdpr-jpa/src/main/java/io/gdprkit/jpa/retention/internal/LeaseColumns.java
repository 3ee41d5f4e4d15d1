package io.gdprkit.jpa.retention.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The sizes of the lease columns in the retention scripts.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class LeaseColumns {

  /** The longest owner of a claim: an instance's id and a sweep number. */
  public static final int OWNER_LENGTH = 200;

  private LeaseColumns() {}
}
