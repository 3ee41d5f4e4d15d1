/**
 * The kit's admin REST endpoints for a Spring MVC host: consents, decisions, subject requests, exports, erasure,
 * restriction and objection, the registers (Art. 30, 33, 19) and the audit trail, behind a role when Spring Security
 * is present, with errors as RFC 9457 problem details.
 */
@NullMarked
package io.gdprkit.spring.web;

import org.jspecify.annotations.NullMarked;
