package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.request.spi.MailMessage;
import io.gdprkit.request.spi.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * A mailer that keeps every message in memory instead of sending it, for tests and demos. Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * InMemoryMailer mailer = new InMemoryMailer();
 * GdprKit gdpr = GdprKit.builder().mailer(mailer).build();
 * String body = mailer.sent().get(0).body();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InMemoryMailer implements Mailer {

  private final List<MailMessage> sent = new CopyOnWriteArrayList<>();

  /** Creates a mailer that has sent nothing. */
  public InMemoryMailer() {}

  @Override
  public void send(MailMessage message) {
    sent.add(Preconditions.notNull(message, "message"));
  }

  /** Returns every message sent so far, oldest first. */
  public List<MailMessage> sent() {
    return List.copyOf(sent);
  }

  /** Forgets the messages sent so far. */
  public void clear() {
    sent.clear();
  }
}
