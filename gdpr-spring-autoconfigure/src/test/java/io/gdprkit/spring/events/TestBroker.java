package io.gdprkit.spring.events;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's RabbitMQ at 127.0.0.1:5672: a test that needs it is skipped with a message when it cannot be reached,
 * unless {@code GDPR_KIT_REQUIRE_SERVICES=true}, which fails it instead, as gdpr-jpa's {@code TestDatabase} does for
 * databases. The broker is shared: tests name their exchanges and queues after the branch and close only their own
 * connections.
 */
final class TestBroker {

  static final String HOST = "127.0.0.1";
  static final int PORT = 5672;
  static final String REQUIRED = "GDPR_KIT_REQUIRE_SERVICES";

  private TestBroker() {}

  /** Skips or fails the calling test when the broker does not answer. */
  static void requireReachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
    } catch (IOException e) {
      String message = "RabbitMQ at " + HOST + ":" + PORT + " is not reachable (" + e.getMessage()
          + "); the test is skipped. Set " + REQUIRED + "=true to make it fail instead.";
      if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
        throw new IllegalStateException(message, e);
      }
      abort(message);
    }
  }

  /**
   * Closes, on the broker's side, every client connection whose name contains {@code marker}, as a network failure
   * or a broker restart would, through {@code rabbitmqctl close_connection}.
   *
   * @return how many were closed, or -1 when {@code rabbitmqctl} cannot be run here
   */
  static int closeConnections(String marker) throws InterruptedException {
    List<String> lines;
    try {
      lines = run("rabbitmqctl", "-q", "list_connections", "pid", "client_properties");
    } catch (IOException e) {
      return -1;
    }
    int closed = 0;
    for (String line : lines) {
      if (line.contains(marker)) {
        String pid = line.split("\t", 2)[0].strip();
        try {
          run("rabbitmqctl", "-q", "close_connection", pid, "gdpr-kit starter-events test: connection drop");
          closed++;
        } catch (IOException e) {
          return -1;
        }
      }
    }
    return closed;
  }

  private static List<String> run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
