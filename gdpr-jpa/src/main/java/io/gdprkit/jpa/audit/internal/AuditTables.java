package io.gdprkit.jpa.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The sizes the audit tables' binary columns are declared with in the scripts.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class AuditTables {

  /** The largest encoded entry or outbox record: far above what the records' own limits allow. */
  public static final int MAX_ENTRY_BYTES = 1_048_576;

  /** The largest encoded checkpoint: a few hashes, a key id and a signature. */
  public static final int MAX_CHECKPOINT_BYTES = 8_192;

  private AuditTables() {}
}
