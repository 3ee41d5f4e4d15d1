/**
 * IAB Transparency and Consent Framework v2.2 and v2.3: TC strings decoded into typed values, checked against the
 * current Policy, and their purpose signals recorded as consents with proof.
 *
 * <p>The format is the IAB Tech Lab's "Transparency and Consent String with Global Vendor &amp; CMP List Formats"
 * (referred to below as the TCF spec), sections "TC String Format", "The Core String", "Disclosed Vendors",
 * "Allowed Vendors" and "Publisher Purposes Transparency and Consent". Since the Court of Justice's judgment in
 * C-604/22 <i>IAB Europe</i> (7 March 2024) a TC string is personal data once it can be linked to a person, so the
 * kit keeps only its SHA-256 and never writes it, nor any part of it, into a message.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.tcf;

import org.jspecify.annotations.NullMarked;
