/**
 * Who personal data is about and who acts on it: subject and tenant ids, actors, and the redacting
 * {@link io.gdprkit.subject.PersonalData} wrapper.
 *
 * <p>Tenancy has one form throughout the kit: a {@link io.gdprkit.subject.SubjectId} carries its
 * {@link io.gdprkit.subject.TenantId}, so every call and store method about a subject is scoped by it, and every
 * method about no single subject (a suppression check, a page of erasure reports or tombstones, an audit chain, a
 * register) names the tenant as its first parameter. Each tenant of a multi-tenant host is its own controller:
 * nothing one tenant records is seen, matched or refused in another. Single-tenant hosts never name a tenant and
 * live in {@link io.gdprkit.subject.TenantId#DEFAULT}.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.subject;

import org.jspecify.annotations.NullMarked;
