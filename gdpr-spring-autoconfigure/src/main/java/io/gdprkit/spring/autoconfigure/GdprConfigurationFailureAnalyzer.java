package io.gdprkit.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a bad {@code gdpr.*} configuration into Spring Boot's start-up report: the description names each property
 * at fault and what is wrong with it, the action says the fix. Never prints a property's value, which may be a key.
 *
 * <p>Registered in {@code META-INF/spring.factories}; ordered before Boot's own analyzers, so that a failed validation
 * of {@code gdpr.*} properties is explained with the kit's fixes rather than Boot's generic advice.
 */
final class GdprConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

  @Override
  public @Nullable FailureAnalysis analyze(Throwable failure) {
    GdprConfigurationException configuration = findCause(failure, GdprConfigurationException.class);
    if (configuration != null) {
      return new FailureAnalysis("The gdpr-kit property '" + configuration.property() + "' "
          + configuration.problem() + ".", configuration.fix(), configuration);
    }
    BindValidationException validation = findCause(failure, BindValidationException.class);
    if (validation != null && validation.getValidationErrors().getName().toString().startsWith("gdpr")) {
      List<String> problems = new ArrayList<>();
      List<String> fixes = new ArrayList<>();
      for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
        String property = error instanceof FieldError field
            ? validation.getValidationErrors().getName() + "." + propertyName(field.getField())
            : validation.getValidationErrors().getName().toString();
        problems.add("The gdpr-kit property '" + property + "' " + problem(error) + ".");
        fixes.add(property + ": " + error.getDefaultMessage());
      }
      return new FailureAnalysis(String.join(System.lineSeparator(), problems),
          String.join(System.lineSeparator(), fixes), validation);
    }
    return null;
  }

  /**
   * Returns the property as it is written in configuration files, from the bean path a validator reports:
   * {@code purposes[newsletter].noticeVersion} becomes {@code purposes.newsletter.notice-version}; list indexes
   * stay in brackets.
   */
  static String propertyName(String beanPath) {
    StringBuilder name = new StringBuilder(beanPath.length() + 8);
    boolean inKey = false;
    int keyStart = 0;
    for (int i = 0; i < beanPath.length(); i++) {
      char c = beanPath.charAt(i);
      if (c == '[') {
        inKey = true;
        keyStart = i + 1;
      } else if (c == ']' && inKey) {
        inKey = false;
        String key = beanPath.substring(keyStart, i);
        name.append(key.chars().allMatch(Character::isDigit) ? "[" + key + "]" : "." + key);
      } else if (!inKey) {
        if (Character.isUpperCase(c)) {
          name.append('-').append(Character.toLowerCase(c));
        } else {
          name.append(c);
        }
      }
    }
    return name.toString();
  }

  /** Says what a constraint found, without the value. */
  private static String problem(ObjectError error) {
    String code = error.getCode() == null ? "" : error.getCode();
    return switch (code) {
      case "NotNull", "NotBlank", "NotEmpty" -> "is not set";
      case "Pattern" -> "does not have the expected form";
      case "Min", "Max" -> "is out of range";
      case "Size" -> "has the wrong length";
      default -> "is not valid";
    };
  }

  private static <T extends Throwable> @Nullable T findCause(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
