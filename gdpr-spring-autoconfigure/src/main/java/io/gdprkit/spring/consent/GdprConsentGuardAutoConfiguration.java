package io.gdprkit.spring.consent;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import org.apiguardian.api.API;
import org.springframework.aop.Advisor;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotationMetadata;

/**
 * {@link RequiresConsent} on the host's beans, through Spring AOP when it is on the classpath; switched off with
 * {@code gdpr.consent-guard.enabled=false}.
 *
 * <p>The advisor is an infrastructure advisor, as Spring's own for {@code @Transactional}: it is applied by whatever
 * auto-proxy creator the application has, and one that proxies classes is registered when there is none, so that
 * services without interfaces are guarded too.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@AutoConfiguration(after = GdprAutoConfiguration.class)
@ConditionalOnClass(Advisor.class)
@ConditionalOnProperty(name = "gdpr.consent-guard.enabled", havingValue = "true", matchIfMissing = true)
@Import(GdprConsentGuardAutoConfiguration.ProxyCreatorRegistrar.class)
public final class GdprConsentGuardAutoConfiguration {

  GdprConsentGuardAutoConfiguration() {}

  /** The advisor that applies the guard to every method annotated {@link RequiresConsent}. */
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  @ConditionalOnMissingBean(name = "gdprConsentGuardAdvisor")
  static Advisor gdprConsentGuardAdvisor(BeanFactory beans) {
    DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
        AnnotationMatchingPointcut.forMethodAnnotation(RequiresConsent.class), new ConsentGuardInterceptor(beans));
    // Just outside the transaction advisor (lowest precedence): a denied call never opens a transaction, and
    // method security (higher precedence) has run before.
    advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return advisor;
  }

  /** Registers an auto-proxy creator that proxies classes, unless the application has one. */
  static final class ProxyCreatorRegistrar implements ImportBeanDefinitionRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
      AopConfigUtils.forceAutoProxyCreatorToUseClassProxying(registry);
    }
  }
}
