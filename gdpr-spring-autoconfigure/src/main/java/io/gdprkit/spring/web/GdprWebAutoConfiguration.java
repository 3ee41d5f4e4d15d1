package io.gdprkit.spring.web;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import org.apiguardian.api.API;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The admin REST endpoints of the kit, for a Spring MVC host that has a {@link GdprKit} bean.
 *
 * <p>Why: a data protection officer or a back office answers subject requests (Art. 12–22), keeps the registers
 * (Art. 30, 33) and shows consent (Art. 7(1)) through these endpoints, so they must be guarded. With Spring Security
 * on the classpath they need the role {@code gdpr.web.admin.role} through a security filter chain of their own, for
 * the base path only, which a host replaces by defining a bean named {@code gdprAdminSecurityFilterChain}; without
 * Spring Security they stay off unless {@code gdpr.web.admin.enabled-without-security} is true.
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code gdpr.web.base-path: /internal/gdpr}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@AutoConfiguration(after = GdprAutoConfiguration.class, afterName = {
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(GdprKit.class)
@ConditionalOnBooleanProperty(name = "gdpr.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GdprWebProperties.class)
@Import(AdminEndpointsConfiguration.class)
public final class GdprWebAutoConfiguration {
}
