/**
 * Erasure ("forget me", Art. 17): every provider, per-field strategies, cascade, suppression, durable jobs and a tombstone journal.
 *
 * <p>Several application instances may share one erasure store. Each job is run under a lease
 * ({@code GdprKit.Builder.instanceId}, {@code workLease}) and saved by compare-and-set on its version; one pending job
 * per subject makes the erasure of a subject run once at a time across instances, and {@code resumePending()} on any
 * instance takes over the jobs of an instance that died once their lease ran out. While a subject's erasure is under
 * way, and after it until {@code allowRecollection}, consent, switch and source writes about it are refused.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.erasure;

import org.jspecify.annotations.NullMarked;
