package io.gdprkit.examples;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a demo's numbered steps and what each one showed. */
final class Narrator {

  private final PrintStream out;

  Narrator(PrintStream out) {
    this.out = out;
  }

  void step(String title) {
    out.println();
    out.println("== " + title);
  }

  void say(String format, Object... args) {
    out.println("   " + String.format(Locale.ROOT, format, args));
  }
}
