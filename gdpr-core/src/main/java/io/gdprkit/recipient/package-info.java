/**
 * Recipients of personal data, the log of disclosures to them, telling them of rectification, erasure and
 * restriction (Art. 19), and the data-residency check on transfers outside the EEA (Chapter V).
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.recipient;

import org.jspecify.annotations.NullMarked;
