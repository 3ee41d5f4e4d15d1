/**
 * Exports of a subject's data for the rights of access (Art. 15) and portability (Art. 20), streamed as JSON or CSV.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.export;

import org.jspecify.annotations.NullMarked;
