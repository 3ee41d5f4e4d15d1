package io.gdprkit.test.arch;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.List;
import java.util.Optional;

/** What the host-entity annotations say of a class or member, read by name from ArchUnit's view of the class files. */
final class Annotations {

  private static final List<String> NOT_ENTITIES = List.of("jakarta.persistence.MappedSuperclass",
      "jakarta.persistence.Embeddable", "javax.persistence.MappedSuperclass", "javax.persistence.Embeddable");

  private Annotations() {}

  /**
   * Returns whether a {@code @PersonalData} member names a strategy other than {@code NONE}, or a retention; an
   * attribute ArchUnit cannot read (the annotation's class absent) counts as the defaults, {@code NONE} and none.
   */
  static boolean hasErasure(JavaMember member) {
    JavaAnnotation<?> data = member.getAnnotationOfType(GdprArchRules.PERSONAL_DATA);
    Optional<Object> strategy = data.get("strategy");
    boolean named = strategy.isPresent() && strategy.get() instanceof JavaEnumConstant constant
        && !constant.name().equals("NONE");
    Optional<Object> retention = data.get("retention");
    boolean retained = retention.isPresent() && retention.get() instanceof String period && !period.isBlank();
    return named || retained;
  }

  /** Returns whether the class is one whose instances are rows: not abstract, an interface, a mapped superclass. */
  static boolean isConcreteHolder(JavaClass type) {
    return !type.isInterface() && !type.isEnum() && !type.isAnnotation() && !type.isRecord()
        && !type.getModifiers().contains(JavaModifier.ABSTRACT)
        && NOT_ENTITIES.stream().noneMatch(type::isAnnotatedWith);
  }

  /** Returns whether the class or a superclass has a {@code @PersonalData} field or getter. */
  static boolean holdsPersonalData(JavaClass type) {
    return type.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(GdprArchRules.PERSONAL_DATA))
        || type.getAllMethods().stream().anyMatch(m -> m.isAnnotatedWith(GdprArchRules.PERSONAL_DATA));
  }

  /** Returns whether the class, a superclass, or a field or getter of either carries {@code @DataSubject}. */
  static boolean hasSubjectLink(JavaClass type) {
    if (type.isAnnotatedWith(GdprArchRules.DATA_SUBJECT)
        || type.getAllRawSuperclasses().stream().anyMatch(c -> c.isAnnotatedWith(GdprArchRules.DATA_SUBJECT))) {
      return true;
    }
    return type.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(GdprArchRules.DATA_SUBJECT))
        || type.getAllMethods().stream().anyMatch(m -> m.isAnnotatedWith(GdprArchRules.DATA_SUBJECT));
  }

  /**
   * Returns whether a method without parameters reads personal data: it is marked {@code @PersonalData} itself, or it
   * is the getter ({@code getX}, {@code isX}, or a record's {@code x}) of a {@code @PersonalData} field of its class.
   */
  static boolean isPersonalGetter(JavaMethod method) {
    if (!method.getRawParameterTypes().isEmpty() || method.getRawReturnType().getName().equals("void")) {
      return false;
    }
    if (method.isAnnotatedWith(GdprArchRules.PERSONAL_DATA)) {
      return true;
    }
    String property = property(method.getName());
    return method.getOwner().getAllFields().stream()
        .anyMatch(field -> field.getName().equals(property) && field.isAnnotatedWith(GdprArchRules.PERSONAL_DATA));
  }

  /** Returns whether a field is marked {@code @PersonalData}. */
  static boolean isPersonalField(JavaField field) {
    return field.isAnnotatedWith(GdprArchRules.PERSONAL_DATA);
  }

  private static String property(String getter) {
    String bare = getter.startsWith("get") && getter.length() > 3 ? getter.substring(3)
        : getter.startsWith("is") && getter.length() > 2 ? getter.substring(2) : getter;
    if (bare.equals(getter) || (bare.length() > 1 && Character.isUpperCase(bare.charAt(1)))) {
      return bare;
    }
    return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
  }
}
