package io.gdprkit.export.internal;

import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;

/**
 * A field of the subject's data that erasure keeps under a legal obligation, for the retention section.
 *
 * @param provider the provider's id
 * @param field the field, whose strategy is {@code retain}
 * @param strategy the field's strategy
 */
record RetainedField(String provider, FieldDescriptor field, ErasureStrategy.Retain strategy) {}
