/**
 * Subscription topics (newsletter, offers, invitations), each backed by a consent purpose, and signed
 * one-click unsubscribe tokens.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.preference;

import org.jspecify.annotations.NullMarked;
