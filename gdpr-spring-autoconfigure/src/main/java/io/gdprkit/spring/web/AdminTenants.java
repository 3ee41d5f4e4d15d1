package io.gdprkit.spring.web;

import io.gdprkit.GdprException;
import io.gdprkit.subject.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The tenant an admin call acts within: from the header {@code gdpr.web.tenant.header}, the default tenant when the
 * header is absent or not configured; checked against the caller's roles when Spring Security is present, before the
 * controller runs; handed to the controllers as a {@link TenantId} argument.
 */
final class AdminTenants implements HandlerInterceptor, HandlerMethodArgumentResolver {

  private static final String ATTRIBUTE = AdminTenants.class.getName() + ".tenant";

  /** The controllers that act within a tenant; the records of processing and the minimisation report are kit-wide. */
  static final Set<Class<?>> CONTROLLERS = Set.of(ConsentController.class, RequestController.class,
      ExportController.class, ErasureController.class, RestrictionController.class, BreachController.class,
      RecipientController.class, AuditController.class);

  private final GdprWebProperties.Tenant settings;
  private final boolean checkRoles;

  AdminTenants(GdprWebProperties.Tenant settings, boolean checkRoles) {
    this.settings = settings;
    this.checkRoles = checkRoles;
  }

  /** Returns whether the endpoints take the tenant from a header. */
  boolean enabled() {
    return settings.enabled();
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || !CONTROLLERS.contains(method.getBeanType())) {
      return true;
    }
    TenantId tenant = TenantId.DEFAULT;
    if (settings.header() != null) {
      String named = request.getHeader(settings.header());
      if (named != null && !named.isBlank()) {
        tenant = TenantId.of(named.strip()); // InvalidInputException, answered with 400, for a malformed id
      }
      if (checkRoles && !request.isUserInRole(settings.rolePrefix() + tenant.value())) {
        throw TenantNotPermittedException.of(tenant, settings.rolePrefix());
      }
    }
    request.setAttribute(ATTRIBUTE, tenant);
    return true;
  }

  /**
   * Returns the tenant an audit call names with its {@code tenant} query parameter, which selects any chain while the
   * endpoints take no tenant from a header; with the header configured, the parameter may only repeat the call's
   * tenant.
   */
  TenantId chosen(TenantId resolved, @Nullable String parameter) {
    if (parameter == null) {
      return resolved;
    }
    TenantId named = TenantId.of(parameter);
    if (enabled() && !named.equals(resolved)) {
      throw TenantNotPermittedException.of(named, settings.rolePrefix());
    }
    return named;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == TenantId.class;
  }

  @Override
  public TenantId resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
      NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
    Object tenant = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    return tenant instanceof TenantId id ? id : TenantId.DEFAULT;
  }

  /** Thrown when the caller has no role for the tenant the call names. */
  static final class TenantNotPermittedException extends GdprException {

    private static final long serialVersionUID = 1L;

    private TenantNotPermittedException(String message) {
      super(message);
    }

    static TenantNotPermittedException of(TenantId tenant, String rolePrefix) {
      return new TenantNotPermittedException("the caller may not act within tenant " + tenant
          + "; that needs the role " + rolePrefix + tenant);
    }
  }
}
