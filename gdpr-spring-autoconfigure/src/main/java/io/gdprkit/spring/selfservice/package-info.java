/**
 * Self-service endpoints for the data subject, reached only with a signed token: the preference center, unsubscribe
 * with the RFC 8058 one-click POST, the download of one's own data and a request to be forgotten; and the
 * {@code List-Unsubscribe} headers for the host's marketing e-mail.
 */
@NullMarked
package io.gdprkit.spring.selfservice;

import org.jspecify.annotations.NullMarked;
