package io.gdprkit.jpa.provider.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.provider.PersonalDataMappingException;
import io.gdprkit.jpa.provider.PersonalDataMappingException.Problem;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the annotations of an entity class say, read by reflection: the metamodel names attributes, these methods
 * find their annotations (on the field or on the getter, anywhere in the class hierarchy) and read and write their
 * values on instances.
 *
 * <p>Values are read through getters where there are some, so that a lazy proxy of an association answers with its
 * id instead of the empty field of the proxy class.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class Annotated {

  private static final int MAX_PATH_DEPTH = 5;

  private Annotated() {}

  /**
   * Returns the JPA entity name of {@code type}: its {@code @Entity(name)}, or its unqualified class name (a nested
   * class's as {@code Outer$Inner}, as Hibernate names it).
   */
  public static String entityName(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Entity entity = c.getAnnotation(Entity.class);
      if (entity != null) {
        return entity.name().isEmpty() ? unqualified(c) : entity.name();
      }
    }
    return unqualified(type);
  }

  private static String unqualified(Class<?> type) {
    return type.getName().substring(type.getName().lastIndexOf('.') + 1);
  }

  /** Returns the annotation on {@code type} or its nearest superclass that has it. */
  public static <A extends Annotation> @Nullable A onType(Class<?> type, Class<A> annotation) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      A found = c.getAnnotation(annotation);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Returns the annotation on the attribute's field or getter, or null. */
  public static <A extends Annotation> @Nullable A onAttribute(Class<?> type, String attribute, Class<A> annotation) {
    Field field = field(type, attribute);
    if (field != null && field.isAnnotationPresent(annotation)) {
      return field.getAnnotation(annotation);
    }
    Method getter = getter(type, attribute);
    return getter == null ? null : getter.getAnnotation(annotation);
  }

  /** Returns the names of the attributes whose field or getter carries {@code annotation}, fields first. */
  public static List<String> attributesWith(Class<?> type, Class<? extends Annotation> annotation) {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.isAnnotationPresent(annotation) && !Modifier.isStatic(field.getModifiers())) {
          names.add(field.getName());
        }
      }
      for (Method method : c.getDeclaredMethods()) {
        String property = property(method);
        if (property != null && method.isAnnotationPresent(annotation)) {
          names.add(property);
        }
      }
    }
    return List.copyOf(names);
  }

  /** Returns the field of that name in {@code type} or a superclass, or null. */
  public static @Nullable Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
          return field;
        }
      }
    }
    return null;
  }

  /** Returns the getter of the property, or null. */
  public static @Nullable Method getter(Class<?> type, String name) {
    String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
            && (method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix))) {
          return method;
        }
      }
    }
    return null;
  }

  /** Returns the Java type of the attribute: its field's, or its getter's. */
  public static @Nullable Class<?> attributeType(Class<?> type, String attribute) {
    Field field = field(type, attribute);
    if (field != null) {
      return field.getType();
    }
    Method getter = getter(type, attribute);
    return getter == null ? null : getter.getReturnType();
  }

  /** Returns the name of the id attribute of {@code type}, or null. */
  public static @Nullable String idAttribute(Class<?> type) {
    List<String> ids = new ArrayList<>(attributesWith(type, Id.class));
    ids.addAll(attributesWith(type, EmbeddedId.class));
    return ids.size() == 1 ? ids.get(0) : null;
  }

  /**
   * Returns the path from an entity of {@code type} to its subject's id, from its {@link DataSubject}, or null when it
   * has none.
   *
   * @throws PersonalDataMappingException if it has two, or an attribute-level one leads nowhere
   */
  public static @Nullable String subjectPath(Class<?> type) {
    return subjectPath(type, 0);
  }

  private static @Nullable String subjectPath(Class<?> type, int depth) {
    String entity = entityName(type);
    DataSubject onClass = onType(type, DataSubject.class);
    List<String> onAttributes = attributesWith(type, DataSubject.class);
    if ((onClass == null ? 0 : 1) + onAttributes.size() > 1) {
      throw PersonalDataMappingException.of(entity, null, Problem.NO_SUBJECT_LINK,
          "@DataSubject is declared more than once; declare it on the class or on one attribute");
    }
    if (onClass != null) {
      if (onClass.value().isBlank()) {
        throw PersonalDataMappingException.of(entity, null, Problem.BAD_SUBJECT_PATH,
            "@DataSubject on a class names the path to the subject's id, such as \"contact.id\"");
      }
      return onClass.value().strip();
    }
    if (onAttributes.isEmpty()) {
      return null;
    }
    String attribute = onAttributes.get(0);
    Class<?> target = attributeType(type, attribute);
    if (target == null || onType(target, Entity.class) == null) {
      return attribute;
    }
    if (depth >= MAX_PATH_DEPTH) {
      throw PersonalDataMappingException.of(entity, attribute, Problem.BAD_SUBJECT_PATH,
          "the @DataSubject associations lead more than " + MAX_PATH_DEPTH + " entities deep");
    }
    String rest = subjectPath(target, depth + 1);
    if (rest == null) {
      rest = idAttribute(target);
    }
    if (rest == null) {
      throw PersonalDataMappingException.of(entity, attribute, Problem.BAD_SUBJECT_PATH,
          "the associated entity has neither a @DataSubject nor a single id attribute");
    }
    return attribute + "." + rest;
  }

  /** Returns the path from an entity of {@code type} to its subject's tenant id, or null. */
  public static @Nullable String tenantPath(Class<?> type) {
    DataSubject onClass = onType(type, DataSubject.class);
    if (onClass != null) {
      return onClass.tenant().isBlank() ? null : onClass.tenant().strip();
    }
    for (String attribute : attributesWith(type, DataSubject.class)) {
      DataSubject subject = onAttribute(type, attribute, DataSubject.class);
      if (subject != null && !subject.tenant().isBlank()) {
        return subject.tenant().strip();
      }
    }
    return null;
  }

  /** Reads the value at the end of a dotted path, or null when a step on the way is null. */
  public static @Nullable Object read(Object entity, String path) {
    Object current = entity;
    for (String step : path.split("\\.")) {
      if (current == null) {
        return null;
      }
      current = readAttribute(current, step);
    }
    return current;
  }

  private static @Nullable Object readAttribute(Object instance, String attribute) {
    Method getter = getter(instance.getClass(), attribute);
    try {
      if (getter != null) {
        return accessible(getter).invoke(instance);
      }
      Field field = field(instance.getClass(), attribute);
      if (field == null) {
        throw new IllegalStateException("no attribute " + attribute + " in " + instance.getClass().getName());
      }
      return accessible(field).get(instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + attribute + " of " + instance.getClass().getName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the getter of " + attribute + " of " + instance.getClass().getName()
          + " failed", e.getCause());
    }
  }

  /** Writes an attribute's field directly, as JPA's field access does; no setter logic runs. */
  public static void write(Object entity, String attribute, @Nullable Object value) {
    Field field = field(entity.getClass(), attribute);
    if (field == null) {
      throw new IllegalStateException("no field " + attribute + " in " + entity.getClass().getName());
    }
    try {
      accessible(field).set(entity, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot write " + attribute + " of " + entity.getClass().getName(), e);
    }
  }

  private static <T extends AccessibleObject> T accessible(T member) {
    member.setAccessible(true);
    return member;
  }

  private static @Nullable String property(Method method) {
    if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
      return null;
    }
    String name = method.getName();
    if (name.startsWith("get") && name.length() > 3) {
      return decapitalise(name.substring(3));
    }
    if (name.startsWith("is") && name.length() > 2) {
      return decapitalise(name.substring(2));
    }
    return null;
  }

  /** Returns a property name as JavaBeans makes it from a getter: {@code URL} stays, {@code Email} becomes email. */
  private static String decapitalise(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
