/**
 * Spring Boot auto-configuration of gdpr-kit: one auto-configuration per concern, each backing off when the host
 * defines its own bean, switched on by what the host has on its classpath.
 */
@NullMarked
package io.gdprkit.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
