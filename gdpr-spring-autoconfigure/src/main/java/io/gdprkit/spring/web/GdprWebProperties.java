package io.gdprkit.spring.web;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gdpr.web.*} properties: where the admin REST endpoints live, how large a request body may be, and who
 * may call them.
 *
 * <p>Why: the endpoints read and change consents, erase subjects and export their data (Art. 15, 17, 20), so they are
 * off unless a role protects them, or the host says explicitly that it protects them itself.
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code
 * gdpr:
 *   web:
 *     base-path: /internal/gdpr
 *     admin: { role: DPO }
 * }</pre>
 *
 * @param enabled Whether the REST endpoints are on at all
 * @param basePath Path under which every endpoint lives; starts with a slash and does not end with one
 * @param maxRequestSize Largest request body accepted; a larger one is answered with 413
 * @param admin Who may call the admin endpoints
 * @param tenant Which tenant the admin endpoints act within
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Validated
@ConfigurationProperties("gdpr.web")
public record GdprWebProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("/gdpr") @NotBlank @Pattern(regexp = "/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]",
        message = "must start with a slash, not end with one, and hold only letters, digits and . _ ~ / -")
    String basePath,
    @DefaultValue("64KB") @NotNull DataSize maxRequestSize,
    @DefaultValue @Valid Admin admin,
    @DefaultValue @Valid Tenant tenant) {

  /**
   * Which tenant the admin endpoints act within, for a multi-tenant host whose customer accounts are the kit's
   * tenants (Art. 26 and 28: each account is its own controller, and nothing crosses accounts).
   *
   * @param header Request header naming the tenant, such as {@code X-Gdpr-Tenant}; when unset, every call acts within
   *     the default tenant. A call without the header acts within the default tenant; a malformed tenant id is
   *     answered with 400
   * @param rolePrefix Prefix of the role a caller needs for a tenant when Spring Security is present: role
   *     {@code GDPR_TENANT_acme} for tenant {@code acme}, {@code GDPR_TENANT_default} for the default tenant; a call
   *     for a tenant the caller has no role for is answered with 403
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Tenant(
      @Nullable @Pattern(regexp = "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}", message = "must be an HTTP header name, "
          + "such as X-Gdpr-Tenant") String header,
      @DefaultValue("GDPR_TENANT_") @NotBlank @Pattern(regexp = "[A-Za-z0-9_]+", message = "must hold only letters, "
          + "digits and underscores, without the ROLE_ prefix") String rolePrefix) {

    /** Returns whether the endpoints take the tenant from a header. */
    public boolean enabled() {
      return header != null;
    }
  }

  /**
   * Who may call the admin endpoints.
   *
   * @param enabled Whether the admin endpoints are on
   * @param role Role a caller must have, without the ROLE_ prefix, when Spring Security is present
   * @param enabledWithoutSecurity Whether the admin endpoints are on when Spring Security is not on the classpath,
   *     because the host protects the base path some other way (a gateway, a private network)
   * @param securityOrder Order of the security filter chain that guards the base path; it must come before any
   *     host chain that matches every request
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Admin(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("GDPR_ADMIN") @NotBlank @Pattern(regexp = "[A-Za-z0-9_]+", message = "must hold only letters, "
          + "digits and underscores, without the ROLE_ prefix") String role,
      @DefaultValue("false") boolean enabledWithoutSecurity,
      @DefaultValue("-2147483548") int securityOrder) {
  }
}
