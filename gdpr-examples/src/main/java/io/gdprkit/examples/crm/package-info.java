/**
 * The demo CRM: contacts, sign-up with double opt-in, the contact card with consents, switches, sources, erasure and
 * export, built on gdpr-spring-starter.
 */
@NullMarked
package io.gdprkit.examples.crm;

import org.jspecify.annotations.NullMarked;
