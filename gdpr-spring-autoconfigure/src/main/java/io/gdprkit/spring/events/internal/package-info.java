/**
 * Implementation of the event relay and inbox: unsupported, may change in any release.
 */
@NullMarked
package io.gdprkit.spring.events.internal;

import org.jspecify.annotations.NullMarked;
