package io.gdprkit.examples.crm.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message the demo would have sent, kept in the CRM's own database instead: the in-app outbox stands in for a mail
 * server, so a person trying the demo can open the double opt-in e-mail and click its link.
 */
@Entity
@Table(name = "crm_demo_mail")
public class DemoMail {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "recipient", length = 320, nullable = false)
  private String recipient;

  @Column(name = "subject", length = 200, nullable = false)
  private String subject;

  @Column(name = "body", length = 4000, nullable = false)
  private String body;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  @Column(name = "list_unsubscribe", length = 2000)
  private @Nullable String listUnsubscribe;

  @Column(name = "list_unsubscribe_post", length = 64)
  private @Nullable String listUnsubscribePost;

  protected DemoMail() {}

  DemoMail(String id, String recipient, String subject, String body, Instant sentAt, @Nullable String listUnsubscribe,
      @Nullable String listUnsubscribePost) {
    this.id = id;
    this.recipient = recipient;
    this.subject = subject;
    this.body = body;
    this.sentAt = sentAt;
    this.listUnsubscribe = listUnsubscribe;
    this.listUnsubscribePost = listUnsubscribePost;
  }

  public String getId() {
    return id;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  /** The {@code List-Unsubscribe} header field the mail would carry, or {@code null} for mail that is not marketing. */
  public @Nullable String getListUnsubscribe() {
    return listUnsubscribe;
  }

  /** The {@code List-Unsubscribe-Post} header field the mail would carry, or {@code null}. */
  public @Nullable String getListUnsubscribePost() {
    return listUnsubscribePost;
  }

  @Override
  public String toString() {
    return "DemoMail[" + id + "]";
  }
}
