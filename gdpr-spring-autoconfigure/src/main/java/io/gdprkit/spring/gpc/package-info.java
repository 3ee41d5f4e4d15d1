/**
 * Global Privacy Control over HTTP: a servlet filter that records a {@code Sec-GPC: 1} request header for the subject
 * the host resolves, and the {@code /.well-known/gpc.json} support resource.
 */
@NullMarked
package io.gdprkit.spring.gpc;

import org.jspecify.annotations.NullMarked;
