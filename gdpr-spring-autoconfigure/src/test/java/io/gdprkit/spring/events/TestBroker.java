package io.gdprkit.spring.events;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's RabbitMQ at 127.0.0.1:5672: a test that needs it is skipped with a message when it cannot be reached,
 * unless {@code GDPR_KIT_REQUIRE_SERVICES=true}, which fails it instead, as gdpr-jpa's {@code TestDatabase} does for
 * databases. The broker is shared: tests name their exchanges and queues after the branch and close only their own
 * connections; the restart test stops the whole broker for a few seconds, and always starts it again.
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

  /**
   * Skips or fails the calling test when this machine's broker cannot be stopped and started here: {@code rabbitmqctl}
   * must be on the path and answer.
   */
  static void requireControl() throws InterruptedException {
    try {
      run(Duration.ofSeconds(30), "rabbitmqctl", "-q", "status");
    } catch (IOException e) {
      String message = "rabbitmqctl cannot control the RabbitMQ of this machine (" + e.getMessage()
          + "); the broker restart test is skipped. Set " + REQUIRED + "=true to make it fail instead.";
      if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
        throw new IllegalStateException(message, e);
      }
      abort(message);
    }
  }

  /** Stops the broker's application ({@code rabbitmqctl stop_app}): every connection drops, the node stays up. */
  static void stopApp() throws IOException, InterruptedException {
    run(Duration.ofSeconds(60), "rabbitmqctl", "stop_app");
  }

  /**
   * Starts the broker's application again ({@code rabbitmqctl start_app}), or the whole broker when the node is down
   * ({@code rabbitmq-server -detached}), and waits until it accepts connections.
   *
   * @throws IllegalStateException if it does not within two minutes
   */
  static void startApp() throws InterruptedException {
    try {
      run(Duration.ofSeconds(60), "rabbitmqctl", "start_app");
    } catch (IOException e) {
      try {
        run(Duration.ofSeconds(30), "rabbitmq-server", "-detached");
      } catch (IOException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!reachable()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("RabbitMQ at " + HOST + ":" + PORT + " did not come back within two minutes;"
            + " start it with rabbitmq-server -detached");
      }
      Thread.sleep(200);
    }
  }

  /** Returns whether the broker accepts connections. */
  static boolean reachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> run(String... command) throws IOException, InterruptedException {
    return run(Duration.ofSeconds(30), command);
  }

  /** Runs a command, its output into a file so that a command that hangs cannot block the read, and ends it late. */
  private static List<String> run(Duration timeout, String... command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("gdpr-kit-rabbitmqctl", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not end within " + timeout);
      }
      String out = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out.strip());
      }
      List<String> lines = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
