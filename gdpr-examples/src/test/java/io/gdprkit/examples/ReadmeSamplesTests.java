package io.gdprkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java sample of the README compiles as written: a reader who copies one gets code that compiles, given what
 * its first line says it is given.
 *
 * <p>Each {@code ```java} block becomes the body of a method of its own class, with every public package of the kit
 * (and {@code java.util}, {@code java.time}, {@code java.io}, {@code java.util.function}) imported. A block that
 * continues from something the reader already has says so on its first line, visibly, as {@code // given: GdprKit
 * gdpr, SubjectId alice}; those become the method's parameters, and words in parentheses there are for the reader. A block that declares nothing it uses stands on its
 * own, as the quick start must.
 */
class ReadmeSamplesTests {

  private static final Pattern BLOCK = Pattern.compile("(?m)^( *)```java\\n(.*?)^\\1```", Pattern.DOTALL);
  private static final Pattern GIVEN = Pattern.compile("^\\s*// given: (.*)$", Pattern.MULTILINE);
  private static final List<String> JDK_PACKAGES = List.of("java.util", "java.time", "java.io", "java.net",
      "java.util.function", "java.util.concurrent", "java.nio.charset", "java.security", "jakarta.persistence",
      "org.springframework.transaction.support");

  @TestFactory
  Stream<DynamicTest> everyJavaSampleOfTheReadmeCompiles() throws IOException {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    List<Sample> samples = new ArrayList<>();
    Matcher block = BLOCK.matcher(readme);
    while (block.find()) {
      int line = (int) readme.substring(0, block.start()).chars().filter(c -> c == '\n').count() + 1;
      samples.add(new Sample(line, block.group(2)));
    }
    assertThat(samples).as("java samples in the README").hasSizeGreaterThanOrEqualTo(7);
    String imports = imports();
    return samples.stream().map(sample -> DynamicTest.dynamicTest("README line " + sample.line,
        () -> assertThat(compile(imports, sample)).as("compiler errors of the sample at README line " + sample.line)
            .isEmpty()));
  }

  /** The quick start is the first thing a new user copies: it must stand on its own. */
  @TestFactory
  Stream<DynamicTest> theQuickStartIsGivenNothing() throws IOException {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    Matcher block = BLOCK.matcher(readme.substring(readme.indexOf("## Quick start")));
    assertThat(block.find()).isTrue();
    return Stream.of(DynamicTest.dynamicTest("quick start", () -> assertThat(GIVEN.matcher(block.group(2)).find())
        .as("the quick start declares everything it uses").isFalse()));
  }

  private record Sample(int line, String code) {}

  private static Path readme() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("gdpr-core"))) {
        return dir.resolve("README.md");
      }
    }
    throw new IllegalStateException("README.md not found above " + here);
  }

  private static List<String> compile(String imports, Sample sample) {
    String name = "ReadmeSample" + sample.line;
    String parameters = "";
    String body = sample.code;
    Matcher given = GIVEN.matcher(body);
    if (given.find() && body.substring(0, given.start()).isBlank()) {
      parameters = given.group(1).replaceAll("\\([^)]*\\)", "").trim(); // "(…)" is prose for the reader
    }
    // Lines such as "... // comment" are kept; a block's own leading indentation is harmless in a method body.
    String source = imports + "\nclass " + name + " {\n  @SuppressWarnings(\"unused\")\n  void sample(" + parameters
        + ") throws Exception {\n" + body + "\n  }\n}\n";
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    Path out;
    try {
      out = Files.createTempDirectory("readme-sample");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> options = List.of("-proc:none", "-d", out.toString(), "-classpath", classpath());
    boolean ok = compiler.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file)).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        long readmeLine = sample.line + 1 + d.getLineNumber() - lineOf(source, source.indexOf(body));
        errors.add("README line " + readmeLine + ": " + d.getMessage(Locale.ROOT).replace('\n', ' '));
      }
    }
    if (!ok && errors.isEmpty()) {
      errors.add("compilation failed without an error diagnostic");
    }
    return errors;
  }

  private static long lineOf(String source, int index) {
    return source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The class path of this test, with the jars a surefire manifest-only jar names unfolded. */
  private static String classpath() {
    return String.join(java.io.File.pathSeparator, classpathEntries());
  }

  private static List<String> classpathEntries() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(entry);
      if (entry.endsWith(".jar") && entry.contains("surefire")) {
        try (JarFile jar = new JarFile(entry)) {
          String cp = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
          if (cp != null) {
            for (String url : cp.trim().split("\\s+")) {
              entries.add(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
            }
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return entries;
  }

  /** Imports every package of the kit found on the class path, and the JDK packages the samples lean on. */
  private static String imports() throws IOException {
    TreeSet<String> packages = new TreeSet<>(JDK_PACKAGES);
    for (String entry : classpathEntries()) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path) && !path.toString().contains("test-classes")) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(f -> f.toString().endsWith(".class")).map(f -> path.relativize(f.getParent()).toString())
              .filter(p -> p.startsWith("io/gdprkit") && !p.contains("internal"))
              .forEach(p -> packages.add(p.replace(java.io.File.separatorChar, '.')));
        }
      } else if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("gdpr-")) {
        try (JarFile jar = new JarFile(entry)) {
          for (JarEntry e : java.util.Collections.list(jar.entries())) {
            String n = e.getName();
            if (n.endsWith(".class") && n.startsWith("io/gdprkit") && !n.contains("internal") && n.contains("/")) {
              packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.'));
            }
          }
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (String p : packages) {
      out.append("import ").append(p).append(".*;\n");
    }
    return out.toString();
  }
}
