package io.gdprkit.processing.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** The base of the text formats: a buffered UTF-8 writer whose I/O failures become unchecked. */
abstract class TextRegisterWriter implements RegisterWriter {

  /** Something that writes to {@link #out}. */
  interface IoAction {
    void run() throws IOException;
  }

  final Writer out;

  TextRegisterWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  final void write(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the records of processing failed", e);
    }
  }

  final void write(String text) {
    write(() -> out.write(text));
  }

  @Override
  public final void end() {
    write(this::finish);
    write(out::flush);
  }

  /** Writes what closes the document; nothing by default. */
  void finish() throws IOException {}
}
