/**
 * Global Privacy Control (W3C GPC Working Draft): the {@code Sec-GPC} request header and the
 * {@code navigator.globalPrivacyControl} property, parsed as the draft says and mapped by configuration to a
 * withdrawal of consent (Art. 7(3)) or an objection (Art. 21(5): by automated means using technical
 * specifications) for named purposes, recorded with its proof; and the {@code /.well-known/gpc.json} support
 * resource.
 *
 * <p>Sections cited as "GPC §n" are those of the W3C Working Draft "Global Privacy Control (GPC)",
 * https://www.w3.org/TR/gpc/ (section numbers of the 2025 drafts).
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.gpc;

import org.jspecify.annotations.NullMarked;
