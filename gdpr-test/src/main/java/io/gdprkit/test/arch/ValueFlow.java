package io.gdprkit.test.arch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Follows the values a method passes to a logger back to where they came from, within the method: ASM's
 * {@link SourceInterpreter} says which instructions produced each value on the stack and in each local, and this
 * follows them through locals, {@code dup}s and casts, string concatenation, {@code StringBuilder}s, varargs arrays,
 * the value-keeping methods of the JDK ({@code String.valueOf}, {@code toString}, {@code String.format}, boxing,
 * {@code Objects}, {@code Optional}, {@code List.of}) and message supplier lambdas, to a personal-data getter or field.
 *
 * <p>A value that passed through any other method counts as safe: a host's function that masks or hashes a value
 * returns something else. Branches merge, so a value that may come from a getter on one path counts.
 */
final class ValueFlow {

  /** A personal-data value that reaches a logger. */
  record Leak(String read, String sink, int line) {}

  /** The JDK types whose methods return (part of) the value they are given, in bytecode names. */
  private static final Set<String> CARRIERS = Set.of("java/lang/String", "java/lang/StringBuilder",
      "java/lang/StringBuffer", "java/lang/CharSequence", "java/util/Objects", "java/util/Optional",
      "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Double",
      "java/lang/Float", "java/lang/Character", "java/lang/Boolean", "java/util/List", "java/util/Set",
      "java/util/Map", "java/util/Arrays", "java/util/Collections", "java/text/MessageFormat", "java/lang/Enum");

  /** Methods of those types that apply a function of the host's to the value: what they return counts as safe. */
  private static final Set<String> TRANSFORMS = Set.of("map", "flatMap", "filter", "compute", "computeIfAbsent",
      "computeIfPresent", "merge", "replaceAll", "transform");

  private static final Set<String> BUILDERS = Set.of("java/lang/StringBuilder", "java/lang/StringBuffer");

  private static final String CONCAT = "java/lang/invoke/StringConcatFactory";
  private static final String LAMBDA = "java/lang/invoke/LambdaMetafactory";
  private static final int MAX_DEPTH = 64;

  private final ClassNode owner;
  private final MethodNode method;
  private final Frame<SourceValue>[] frames;
  private final Map<String, String> personal;

  private ValueFlow(ClassNode owner, MethodNode method, Frame<SourceValue>[] frames, Map<String, String> personal) {
    this.owner = owner;
    this.method = method;
    this.frames = frames;
    this.personal = personal;
  }

  /** Returns the key of a member as both ArchUnit and the bytecode name it: owner, {@code #}, name. */
  static String key(String owner, String name) {
    return owner.replace('/', '.') + '#' + name;
  }

  /**
   * Returns the personal-data values the method passes to a logger; none if its bytecode cannot be analysed.
   *
   * @param owner the method's class, whose lambda bodies are looked into
   * @param personal what each personal-data getter or field reads, by {@link #key}
   */
  static List<Leak> leaks(ClassNode owner, MethodNode method, Map<String, String> personal) {
    Frame<SourceValue>[] frames;
    try {
      frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
    } catch (AnalyzerException e) {
      return List.of();
    }
    return new ValueFlow(owner, method, frames, personal).leaks();
  }

  private List<Leak> leaks() {
    List<Leak> leaks = new ArrayList<>();
    InsnList code = method.instructions;
    for (int i = 0; i < code.size(); i++) {
      Frame<SourceValue> frame = frames[i];
      if (!(code.get(i) instanceof MethodInsnNode call) || frame == null || !isSink(call, frame)) {
        continue;
      }
      for (SourceValue argument : arguments(call, frame)) {
        String read = taint(argument, new HashSet<>(), 0);
        if (read != null) {
          leaks.add(new Leak(read, call.owner.replace('/', '.') + "." + call.name, line(call)));
          break;
        }
      }
    }
    return leaks;
  }

  private boolean isSink(MethodInsnNode call, Frame<SourceValue> frame) {
    String type = call.owner.replace('/', '.');
    if (LoggedPersonalData.LOGGERS.contains(type)) {
      return true;
    }
    if (!type.equals(LoggedPersonalData.PRINT_STREAM) || call.getOpcode() == Opcodes.INVOKESTATIC) {
      return false;
    }
    SourceValue stream = frame.getStack(frame.getStackSize() - Type.getArgumentTypes(call.desc).length - 1);
    return origins(stream, new HashSet<>()).stream().anyMatch(insn -> insn instanceof FieldInsnNode field
        && field.getOpcode() == Opcodes.GETSTATIC && field.owner.equals("java/lang/System")
        && (field.name.equals("out") || field.name.equals("err")));
  }

  /** Returns the values a call consumes: its arguments, and its receiver first unless it is static. */
  private static List<SourceValue> arguments(AbstractInsnNode insn, Frame<SourceValue> frame) {
    String desc = insn instanceof MethodInsnNode call ? call.desc : ((InvokeDynamicInsnNode) insn).desc;
    int count = Type.getArgumentTypes(desc).length;
    if (insn instanceof MethodInsnNode && insn.getOpcode() != Opcodes.INVOKESTATIC) {
      count++;
    }
    List<SourceValue> values = new ArrayList<>(count);
    for (int i = frame.getStackSize() - count; i < frame.getStackSize(); i++) {
      values.add(frame.getStack(i));
    }
    return values;
  }

  /** Returns what personal data the value carries, or null if none. */
  private @Nullable String taint(SourceValue value, Set<AbstractInsnNode> seen, int depth) {
    for (AbstractInsnNode insn : origins(value, new HashSet<>())) {
      String read = taint(insn, seen, depth);
      if (read != null) {
        return read;
      }
    }
    return null;
  }

  private @Nullable String taint(AbstractInsnNode insn, Set<AbstractInsnNode> seen, int depth) {
    if (depth > MAX_DEPTH || !seen.add(insn)) {
      return null;
    }
    Frame<SourceValue> frame = frames[method.instructions.indexOf(insn)];
    if (frame == null) {
      return null;
    }
    if (insn instanceof FieldInsnNode field) {
      return personal.get(key(field.owner, field.name));
    }
    if (insn instanceof MethodInsnNode call) {
      String read = personal.get(key(call.owner, call.name));
      if (read != null && Type.getArgumentTypes(call.desc).length == 0) {
        return read;
      }
      return carries(call) ? taintOfAny(arguments(call, frame), seen, depth) : null;
    }
    if (insn instanceof InvokeDynamicInsnNode dynamic) {
      if (dynamic.bsm.getOwner().equals(CONCAT)) {
        return taintOfAny(arguments(dynamic, frame), seen, depth);
      }
      if (dynamic.bsm.getOwner().equals(LAMBDA) && dynamic.bsmArgs.length > 1
          && dynamic.bsmArgs[1] instanceof Handle body) {
        String read = lambdaRead(body);
        return read != null ? read : taintOfAny(arguments(dynamic, frame), seen, depth);
      }
      return null;
    }
    if (insn.getOpcode() == Opcodes.ANEWARRAY) {
      return taintOfWrites(insn, seen, depth, Opcodes.AASTORE);
    }
    if (insn.getOpcode() == Opcodes.NEW && BUILDERS.contains(((TypeInsnNode) insn).desc)) {
      return taintOfWrites(insn, seen, depth, -1);
    }
    return null;
  }

  /**
   * Returns what personal data a lambda body of the class reads, if any: a supplier handed to a logger builds the
   * message from what it reads.
   */
  private @Nullable String lambdaRead(Handle body) {
    if (!body.getOwner().equals(owner.name)) {
      return null;
    }
    for (MethodNode candidate : owner.methods) {
      if (candidate.name.equals(body.getName()) && candidate.desc.equals(body.getDesc())) {
        for (AbstractInsnNode insn : candidate.instructions) {
          String read = insn instanceof MethodInsnNode call && Type.getArgumentTypes(call.desc).length == 0
              ? personal.get(key(call.owner, call.name))
              : insn instanceof FieldInsnNode field ? personal.get(key(field.owner, field.name)) : null;
          if (read != null) {
            return read;
          }
        }
      }
    }
    return null;
  }

  private @Nullable String taintOfAny(List<SourceValue> values, Set<AbstractInsnNode> seen, int depth) {
    for (SourceValue value : values) {
      String read = taint(value, seen, depth + 1);
      if (read != null) {
        return read;
      }
    }
    return null;
  }

  /**
   * Returns what personal data is written into a new array (by {@code aastore}) or a new {@code StringBuilder} (by its
   * constructor, {@code append} or {@code insert}), found as the writes whose target comes from {@code creation}.
   */
  private @Nullable String taintOfWrites(AbstractInsnNode creation, Set<AbstractInsnNode> seen, int depth,
      int store) {
    InsnList code = method.instructions;
    for (int i = 0; i < code.size(); i++) {
      AbstractInsnNode insn = code.get(i);
      Frame<SourceValue> frame = frames[i];
      if (frame == null) {
        continue;
      }
      List<SourceValue> written;
      SourceValue target;
      if (store >= 0 && insn.getOpcode() == store) {
        target = frame.getStack(frame.getStackSize() - 3);
        written = List.of(frame.getStack(frame.getStackSize() - 1));
      } else if (store < 0 && insn instanceof MethodInsnNode call && BUILDERS.contains(call.owner)
          && (call.name.equals("<init>") || call.name.equals("append") || call.name.equals("insert"))) {
        List<SourceValue> consumed = arguments(call, frame);
        target = consumed.get(0);
        written = consumed.subList(1, consumed.size());
      } else {
        continue;
      }
      if (builderOrigins(target, new HashSet<>()).contains(creation)) {
        String read = taintOfAny(written, seen, depth);
        if (read != null) {
          return read;
        }
      }
    }
    return null;
  }

  /** Returns the origins of a value, following {@code append} and {@code insert} to the builder they return. */
  private Set<AbstractInsnNode> builderOrigins(SourceValue value, Set<AbstractInsnNode> seen) {
    Set<AbstractInsnNode> found = new HashSet<>();
    for (AbstractInsnNode insn : origins(value, seen)) {
      found.add(insn);
      if (insn instanceof MethodInsnNode call && BUILDERS.contains(call.owner)
          && (call.name.equals("append") || call.name.equals("insert"))) {
        Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
        if (frame != null) {
          found.addAll(builderOrigins(arguments(call, frame).get(0), seen));
        }
      }
    }
    return found;
  }

  /** Returns whether a JDK call returns (part of) the values it is given, so that a personal value stays one. */
  private static boolean carries(MethodInsnNode call) {
    Type result = Type.getReturnType(call.desc);
    if (result.getSort() == Type.VOID || result.getSort() == Type.BOOLEAN) {
      return false;
    }
    if (call.name.equals("toString") || (call.name.equals("valueOf") && CARRIERS.contains(call.owner))) {
      return true;
    }
    if (!CARRIERS.contains(call.owner) || TRANSFORMS.contains(call.name)) {
      return false;
    }
    return result.getSort() == Type.OBJECT || result.getSort() == Type.ARRAY || result.getSort() == Type.CHAR;
  }

  /**
   * Returns the instructions that produced a value, following what only moves it: loads and stores of locals,
   * {@code dup}s and casts.
   */
  private Set<AbstractInsnNode> origins(SourceValue value, Set<AbstractInsnNode> seen) {
    Set<AbstractInsnNode> found = new HashSet<>();
    for (AbstractInsnNode insn : value.insns) {
      if (!seen.add(insn)) {
        continue;
      }
      Frame<SourceValue> frame = frames[method.instructions.indexOf(insn)];
      int opcode = insn.getOpcode();
      if (frame == null) {
        continue;
      }
      if (insn instanceof VarInsnNode load && opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD) {
        found.addAll(origins(frame.getLocal(load.var), seen));
      } else if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
        found.addAll(origins(frame.getStack(frame.getStackSize() - 1), seen));
      } else if (opcode == Opcodes.CHECKCAST || (opcode >= Opcodes.DUP && opcode <= Opcodes.DUP2_X2)) {
        found.addAll(origins(frame.getStack(frame.getStackSize() - 1), seen));
        if (opcode >= Opcodes.DUP2 && frame.getStackSize() > 1) {
          found.addAll(origins(frame.getStack(frame.getStackSize() - 2), seen));
        }
      } else {
        found.add(insn);
      }
    }
    return found;
  }

  /** Returns the source line of an instruction, or 0 if the class has no line numbers. */
  private static int line(AbstractInsnNode insn) {
    for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
      if (at instanceof LineNumberNode number) {
        return number.line;
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return "ValueFlow[" + owner.name + "." + method.name + "]";
  }
}
