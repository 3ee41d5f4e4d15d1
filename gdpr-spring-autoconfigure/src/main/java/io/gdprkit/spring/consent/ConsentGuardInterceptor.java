package io.gdprkit.spring.consent;

import io.gdprkit.GdprKit;
import io.gdprkit.subject.SubjectId;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Asks the kit's guard before a {@link RequiresConsent} method runs; the kit and the resolvers are looked up at the
 * first call, so that the advisor, created early by the proxy creator, does not build the kit before its time.
 */
final class ConsentGuardInterceptor implements MethodInterceptor {

  private final BeanFactory beans;
  private final SpelExpressionParser parser = new SpelExpressionParser();
  private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
  private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

  ConsentGuardInterceptor(BeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
    Method method = invocation.getMethod();
    Object target = invocation.getThis();
    Method specific = target == null ? method : AopUtils.getMostSpecificMethod(method, target.getClass());
    RequiresConsent annotation = AnnotatedElementUtils.findMergedAnnotation(specific, RequiresConsent.class);
    if (annotation == null) {
      annotation = AnnotatedElementUtils.findMergedAnnotation(method, RequiresConsent.class);
    }
    if (annotation != null) {
      SubjectId subject = subject(annotation, specific, invocation.getArguments());
      beans.getBean(GdprKit.class).guard().require(subject, annotation.value());
    }
    return invocation.proceed();
  }

  private SubjectId subject(RequiresConsent annotation, Method method, Object[] arguments) {
    if (annotation.subject().isEmpty()) {
      SubjectResolver resolver = annotation.resolver().isEmpty() ? beans.getBean(SubjectResolver.class)
          : beans.getBean(annotation.resolver(), SubjectResolver.class);
      return requireSubject(resolver.resolve(method, arguments), method, "the subject resolver");
    }
    Expression expression = expressions.computeIfAbsent(annotation.subject(), parser::parseExpression);
    MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(null, method, arguments,
        parameterNames);
    Object value = expression.getValue(context);
    return value instanceof SubjectId id ? id
        : SubjectId.of(requireSubject(value, method, "the expression '" + annotation.subject() + "'").toString());
  }

  /** Refuses a call whose subject cannot be found: unchecked processing is what the annotation is there to stop. */
  private static <T> T requireSubject(@Nullable T value, Method method, String source) {
    if (value == null) {
      throw new IllegalStateException("@RequiresConsent on " + method.getDeclaringClass().getSimpleName() + "."
          + method.getName() + ": " + source + " gave no subject; name arguments by position (#p0) when the code"
          + " is not compiled with -parameters");
    }
    return value;
  }
}
