package io.gdprkit.test.arch;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The condition that no class passes a personal-data value to a logger: ArchUnit finds the code units that call a
 * logger and the personal-data getters and fields, and {@link ValueFlow} follows, in the bytecode of those units, each
 * argument of a logger call back to where its value came from.
 */
final class LoggedPersonalData extends ArchCondition<JavaClass> {

  /** The logging types whose every method counts as writing a log, as ArchUnit names them. */
  static final Set<String> LOGGERS = Set.of("org.slf4j.Logger", "org.slf4j.spi.LoggingEventBuilder",
      "java.util.logging.Logger", "java.lang.System$Logger", "org.apache.logging.log4j.Logger",
      "org.apache.logging.log4j.LogBuilder", "org.apache.commons.logging.Log");

  /** The standard streams' type: a log when the stream is {@code System.out} or {@code System.err}. */
  static final String PRINT_STREAM = "java.io.PrintStream";

  LoggedPersonalData() {
    super("not pass a personal-data getter's value to a logger or System.out");
  }

  @Override
  public void check(JavaClass type, ConditionEvents events) {
    Map<String, String> personal = new HashMap<>();
    boolean logs = false;
    for (JavaCodeUnit unit : type.getCodeUnits()) {
      for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
        String read = personalRead(access);
        if (read != null) {
          personal.put(ValueFlow.key(access.getTargetOwner().getName(), access.getName()), read);
        }
      }
      logs |= unit.getMethodCallsFromSelf().stream().anyMatch(LoggedPersonalData::isLogCall);
    }
    if (!logs || personal.isEmpty()) {
      return;
    }
    ClassNode node = read(type);
    if (node == null) {
      return;
    }
    for (MethodNode method : node.methods) {
      Optional<JavaCodeUnit> unit = type.getCodeUnits().stream()
          .filter(u -> u.getName().equals(method.name) && u.getDescriptor().equals(method.desc)).findFirst();
      if (unit.isEmpty() || unit.get().getMethodCallsFromSelf().stream().noneMatch(LoggedPersonalData::isLogCall)) {
        continue;
      }
      for (ValueFlow.Leak leak : ValueFlow.leaks(node, method, personal)) {
        String source = type.getSource().flatMap(Source::getFileName).orElse(type.getSimpleName() + ".java");
        events.add(SimpleConditionEvent.violated(unit.get(), unit.get().getDescription() + " passes the value of <"
            + leak.read() + "> to <" + leak.sink() + "> in (" + source + ":" + leak.line() + ")"));
      }
    }
  }

  /** Returns a description of what the access reads if it reads personal data, else null. */
  private static @Nullable String personalRead(JavaAccess<?> access) {
    if (access instanceof JavaMethodCall call) {
      return call.getTarget().resolveMember().filter(Annotations::isPersonalGetter)
          .map(method -> method.getFullName()).orElse(null);
    }
    if (access instanceof JavaFieldAccess field && field.getAccessType() == JavaFieldAccess.AccessType.GET) {
      return field.getTarget().resolveMember().filter(Annotations::isPersonalField)
          .map(f -> f.getFullName()).orElse(null);
    }
    return null;
  }

  private static boolean isLogCall(JavaMethodCall call) {
    String owner = call.getTargetOwner().getName();
    return LOGGERS.contains(owner) || owner.equals(PRINT_STREAM);
  }

  /** Reads the class file ArchUnit imported the class from; null if it cannot be read again. */
  private static @Nullable ClassNode read(JavaClass type) {
    Optional<Source> source = type.getSource();
    if (source.isEmpty()) {
      return null;
    }
    try (InputStream in = source.get().getUri().toURL().openStream()) {
      ClassNode node = new ClassNode();
      new ClassReader(in).accept(node, ClassReader.SKIP_FRAMES);
      return node;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
