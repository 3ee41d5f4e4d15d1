/**
 * Records of processing activities (Art. 30 GDPR): the controller's contacts, each activity with its purposes,
 * categories, recipients, transfers, erasure time limits and security measures, their export and their check.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.processing;

import org.jspecify.annotations.NullMarked;
