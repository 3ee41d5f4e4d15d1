package io.gdprkit.spring.selfservice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a self-service token lets its holder do for the subject it names.
 *
 * <p>A link in every marketing e-mail should carry {@link #PREFERENCES} only: e-mails get forwarded, and a forwarded
 * newsletter must not hand a stranger the subject's data. Issue {@link #EXPORT} and {@link #ERASURE} tokens with a
 * short validity, in answer to a request the subject made, to an address on record.
 *
 * <p>Usage example: <pre>{@code tokens.issue(alice, EnumSet.of(SelfServiceScope.PREFERENCES))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum SelfServiceScope {
  /** Read and change the subject's topics (the preference center, Art. 7(3), Art. 21(2)). */
  PREFERENCES('p'),
  /** Download the subject's access export (Art. 15) or portability export (Art. 20). */
  EXPORT('x'),
  /** Ask for the subject's erasure (Art. 17); this records a subject request, it erases nothing by itself. */
  ERASURE('e');

  private final char code;

  SelfServiceScope(char code) {
    this.code = code;
  }

  /** Returns the one-letter code the token carries. */
  char code() {
    return code;
  }
}
