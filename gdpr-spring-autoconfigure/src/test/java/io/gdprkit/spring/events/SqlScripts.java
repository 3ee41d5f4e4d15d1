package io.gdprkit.spring.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs the schema scripts the way the tests need them: comment lines dropped, statements split at semicolons. */
final class SqlScripts {

  private SqlScripts() {}

  /** Runs every statement of {@code script} and closes it. */
  static void run(Statement statement, InputStream script) throws SQLException, IOException {
    try (script) {
      String text = new String(script.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
      for (String sql : text.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql.strip());
        }
      }
    }
  }
}
