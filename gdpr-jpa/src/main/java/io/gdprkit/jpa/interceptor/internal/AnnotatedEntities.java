package io.gdprkit.jpa.interceptor.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Messages;
import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.interceptor.PersonalDataEntities;
import io.gdprkit.jpa.provider.PersonalDataMappingException;
import io.gdprkit.jpa.provider.PersonalDataMappingException.Problem;
import io.gdprkit.jpa.provider.internal.Annotated;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Persistence;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads the host-entity annotations once per class (a {@link ClassValue}), with a method handle per step of the
 * subject's path, so an entity callback costs a lookup and a few direct calls.
 *
 * <p>A class holds personal data when it, or a superclass, has a {@link PersonalData} attribute; its subject is at the
 * end of its {@link DataSubject} path, resolved as {@link io.gdprkit.jpa.provider.JpaPersonalDataProvider} resolves
 * it (the same reader), so the interceptor audits exactly the entities the provider exports and erases.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class AnnotatedEntities implements PersonalDataEntities {

  /** The one instance: the models depend on the classes only. */
  public static final AnnotatedEntities INSTANCE = new AnnotatedEntities();

  private static final Model NOT_PERSONAL = new Model(false, "", null, null);

  private final ClassValue<Model> models = new ClassValue<>() {
    @Override
    protected Model computeValue(Class<?> type) {
      return Model.of(type);
    }
  };

  private AnnotatedEntities() {}

  @Override
  public boolean isPersonalData(Class<?> entityClass) {
    return models.get(entityClass).personal;
  }

  @Override
  public @Nullable SubjectId subjectOf(Object entity) {
    Model model = model(entity.getClass());
    Object value = model.subject.read(entity);
    if (value == null) {
      return null;
    }
    TenantId tenant = TenantId.DEFAULT;
    if (model.tenant != null) {
      Object tenantValue = model.tenant.read(entity);
      if (tenantValue == null) {
        throw InvalidInputException.of("tenant", "of a " + model.name + " must not be null when it has a subject");
      }
      tenant = TenantId.of(String.valueOf(tenantValue));
    }
    return SubjectId.of(tenant, String.valueOf(value));
  }

  @Override
  public Object subjectKey(Class<?> entityClass, SubjectId subject) {
    Model model = model(entityClass);
    Class<?> type = model.subject.type();
    String value = subject.value();
    try {
      if (type == String.class || type == CharSequence.class) {
        return value;
      }
      if (type == Long.class || type == long.class) {
        return Long.valueOf(value);
      }
      if (type == Integer.class || type == int.class) {
        return Integer.valueOf(value);
      }
      if (type == Short.class || type == short.class) {
        return Short.valueOf(value);
      }
      if (type == UUID.class) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("subject", "is not a key of " + model.name + ", whose subject attribute is a "
          + type.getSimpleName());
    }
    throw new IllegalStateException("the subject attribute of " + model.name + " is a " + type.getName()
        + "; subject keys are bound as String, Long, Integer, Short or UUID");
  }

  @Override
  public String name(Class<?> entityClass) {
    Model model = models.get(entityClass);
    return model.personal ? model.name : Annotated.entityName(entityClass);
  }

  /**
   * Resolves the paths of a class now, so that a bad annotation fails when the interceptor is installed rather
   * than at the first callback.
   *
   * @throws PersonalDataMappingException if the class has personal data but no {@code @DataSubject}, or a path names an
   *     attribute the class does not have
   */
  public void check(Class<?> entityClass) {
    models.get(entityClass);
  }

  private Model model(Class<?> entityClass) {
    Model model = models.get(entityClass);
    if (!model.personal) {
      throw new IllegalArgumentException(entityClass.getName() + " has no @PersonalData attribute");
    }
    return model;
  }

  private static final class Model {
    final boolean personal;
    final String name;
    final Path subject;
    final @Nullable Path tenant;

    @SuppressWarnings("NullAway")
    Model(boolean personal, String name, @Nullable Path subject, @Nullable Path tenant) {
      this.personal = personal;
      this.name = name;
      this.subject = subject;
      this.tenant = tenant;
    }

    static Model of(Class<?> type) {
      if (Annotated.attributesWith(type, PersonalData.class).isEmpty()) {
        return NOT_PERSONAL;
      }
      String name = Annotated.entityName(type);
      String subject = Annotated.subjectPath(type);
      if (subject == null) {
        throw PersonalDataMappingException.of(name, null, Problem.NO_SUBJECT_LINK, "an entity with personal data needs"
            + " @DataSubject, on the class (the path to the subject's id) or on the attribute that leads to the subject,"
            + " or its reads and writes could not be audited as the subject's");
      }
      String tenant = Annotated.tenantPath(type);
      return new Model(true, name, Path.of(type, subject, name), tenant == null ? null : Path.of(type, tenant, name));
    }
  }

  /** A dotted path of attributes, each read by its getter if there is one, else its field. */
  private record Path(String text, List<Step> steps) {

    static Path of(Class<?> start, String text, String entity) {
      List<Step> steps = new ArrayList<>();
      Class<?> type = start;
      for (String name : text.split("\\.", -1)) {
        Step step = Step.of(type, name);
        if (step == null) {
          throw PersonalDataMappingException.of(entity, null, Problem.BAD_SUBJECT_PATH, "the @DataSubject path "
              + Messages.quote(text) + " names no attribute " + Messages.quote(name) + " of " + type.getSimpleName());
        }
        steps.add(step);
        type = step.type;
      }
      return new Path(text, List.copyOf(steps));
    }

    Class<?> type() {
      return steps.get(steps.size() - 1).type;
    }

    @Nullable Object read(Object entity) {
      Object value = entity;
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        if (i > 0 && step.field && !Persistence.getPersistenceUtil().isLoaded(value)) {
          // A lazy proxy's fields are empty: reading one would name no subject, or the wrong one.
          throw new IllegalStateException("the path '" + text + "' reads the field '" + step.name
              + "' of a relation that is not loaded; give " + step.owner + " a getter for it");
        }
        value = step.read(value);
        if (value == null) {
          return null;
        }
      }
      return value;
    }
  }

  private static final class Step {
    private static final MethodType READER = MethodType.methodType(Object.class, Object.class);

    final String name;
    final String owner;
    final Class<?> type;
    final boolean field;
    final MethodHandle reader;

    private Step(String name, String owner, Class<?> type, boolean field, MethodHandle reader) {
      this.name = name;
      this.owner = owner;
      this.type = type;
      this.field = field;
      this.reader = reader.asType(READER);
    }

    static @Nullable Step of(Class<?> type, String name) {
      try {
        Method getter = getter(type, name);
        if (getter != null) {
          getter.setAccessible(true);
          return new Step(name, type.getSimpleName(), getter.getReturnType(), false,
              MethodHandles.lookup().unreflect(getter));
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field f : c.getDeclaredFields()) {
            if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
              f.setAccessible(true);
              return new Step(name, type.getSimpleName(), f.getType(), true, MethodHandles.lookup().unreflectGetter(f));
            }
          }
        }
        return null;
      } catch (IllegalAccessException | RuntimeException e) {
        throw new IllegalStateException("cannot read the attribute '" + name + "' of " + type.getName(), e);
      }
    }

    private static @Nullable Method getter(Class<?> type, String name) {
      String suffix = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
      for (String candidate : List.of("get" + suffix, "is" + suffix, name)) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          try {
            Method method = c.getDeclaredMethod(candidate);
            if (method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())) {
              return method;
            }
          } catch (NoSuchMethodException e) {
            // not declared here: look in the superclass
          }
        }
      }
      return null;
    }

    @Nullable Object read(Object target) {
      try {
        return (Object) reader.invokeExact(target);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("reading '" + name + "' of " + owner + " failed", e);
      }
    }
  }
}
