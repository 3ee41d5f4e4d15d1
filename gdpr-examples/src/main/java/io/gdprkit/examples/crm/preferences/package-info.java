/**
 * The data subject's preference center and the links to it that every marketing e-mail carries, each signed for one
 * subject by the starter's self-service tokens.
 */
@NullMarked
package io.gdprkit.examples.crm.preferences;

import org.jspecify.annotations.NullMarked;
