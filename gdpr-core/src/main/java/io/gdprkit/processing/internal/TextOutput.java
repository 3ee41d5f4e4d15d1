package io.gdprkit.processing.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** The output of the text formats: a buffered UTF-8 writer whose I/O failures become unchecked. */
final class TextOutput {

  /** Something that writes to the output. */
  interface IoAction {
    void run(Writer out) throws IOException;
  }

  private final Writer out;

  TextOutput(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  void write(IoAction action) {
    try {
      action.run(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the records of processing failed", e);
    }
  }

  void write(String text) {
    write(writer -> writer.write(text));
  }

  /** Flushes the output; the caller's stream stays open. */
  void flush() {
    write(Writer::flush);
  }
}
