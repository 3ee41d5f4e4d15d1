package io.gdprkit.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.request.spi.MailMessage;
import io.gdprkit.request.spi.Mailer;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A kit with a test clock, an in-memory mailer and one provider that knows Alice's e-mail address. */
final class RequestFixture {

  static final SubjectId ALICE = SubjectId.of("contact-42");
  static final String ALICE_EMAIL = "alice@example.com";
  /** A subject that no provider knows. */
  static final SubjectId NOBODY = SubjectId.of("contact-404");
  static final Actor DPO = Actor.staff("dpo-1");

  private static final Pattern TOKEN = Pattern.compile("dsar1\\.[A-Za-z0-9_.-]+");
  private static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "CRM contacts", List.of(
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.keyedHash())));

  final TestClock clock;
  final InMemoryMailer mailer = new InMemoryMailer();
  final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);
  final GdprKit gdpr;
  final RequestService requests;

  /** Uses {@code kitMailer}, or the in-memory {@link #mailer} when {@code inMemory}, or none. */
  private RequestFixture(TestClock clock, boolean inMemory, @Nullable Mailer kitMailer,
      UnaryOperator<GdprKit.Builder> customizer) {
    this.clock = clock;
    contacts.contactPoint(ALICE, ContactPoint.phone("+49 30 1234567"));
    contacts.contactPoint(ALICE, ContactPoint.email(ALICE_EMAIL));
    GdprKit.Builder builder = GdprKit.builder().clock(clock).keyRing(KeyRing.of("k2026", secret()))
        .personalData(contacts);
    if (inMemory) {
      builder.mailer(mailer);
    } else if (kitMailer != null) {
      builder.mailer(kitMailer);
    }
    this.gdpr = customizer.apply(builder).build();
    this.requests = gdpr.requests();
  }

  /** A kit whose clock starts at {@code instant}, with the in-memory mailer and otherwise defaults. */
  static RequestFixture at(String instant) {
    return at(instant, UnaryOperator.identity());
  }

  /** A kit whose clock starts at {@code instant}, with the mailer, further configured by {@code customizer}. */
  static RequestFixture at(String instant, UnaryOperator<GdprKit.Builder> customizer) {
    return new RequestFixture(TestClock.at(instant), true, null, customizer);
  }

  /** A kit whose clock starts at {@code instant}, with no mailer. */
  static RequestFixture withoutMailer(String instant) {
    return new RequestFixture(TestClock.at(instant), false, null, UnaryOperator.identity());
  }

  /** A kit whose clock starts at {@code instant}, with {@code kitMailer} instead of the in-memory mailer. */
  static RequestFixture withMailer(String instant, Mailer kitMailer) {
    return new RequestFixture(TestClock.at(instant), false, kitMailer, UnaryOperator.identity());
  }

  private static byte[] secret() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 7);
    return secret;
  }

  /** Receives a request of Alice's, recorded by herself. */
  SubjectRequest receive(RequestKind kind) {
    return requests.receive(ALICE, kind, Actor.subject());
  }

  /** Brings a new request of Alice's to {@code state} along the legal path, verifying through the mailer. */
  SubjectRequest inState(RequestState state, RequestKind kind) {
    SubjectRequest request = receive(kind);
    return switch (state) {
      case RECEIVED -> request;
      case IDENTITY_VERIFIED -> verified(request.id());
      case IN_PROGRESS -> requests.start(verified(request.id()).id(), DPO);
      case COMPLETED -> requests.complete(requests.start(verified(request.id()).id(), DPO).id(), DPO);
      case REJECTED -> {
        requests.reject(request.id(), "The request is manifestly unfounded.", DPO);
        yield requests.find(request.id()).orElseThrow();
      }
    };
  }

  private SubjectRequest verified(RequestId id) {
    requests.startVerification(id);
    return requests.verify(id, tokenOf(lastMail()));
  }

  MailMessage lastMail() {
    List<MailMessage> sent = mailer.sent();
    assertThat(sent).as("mails sent").isNotEmpty();
    return sent.get(sent.size() - 1);
  }

  /**
   * Asserts that {@code actual} records what {@code before} recorded and holds no claim: a call that failed after its
   * claim took no step, whatever versions the claim and its release added.
   */
  static void assertNoStepRecorded(SubjectRequest actual, SubjectRequest before) {
    assertThat(actual.claim()).as("claim").isNull();
    assertThat(actual.version()).as("version").isGreaterThanOrEqualTo(before.version());
    assertThat(actual).usingRecursiveComparison().ignoringFields("version").isEqualTo(before);
  }

  /** Waits for the test to release host code held on {@code latch}; gives up after ten seconds. */
  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the host code");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Returns the one token in a mail's body. */
  static String tokenOf(MailMessage mail) {
    Matcher matcher = TOKEN.matcher(mail.body());
    assertThat(matcher.find()).as("a token in the mail").isTrue();
    String token = matcher.group();
    assertThat(matcher.find()).as("a second token in the mail").isFalse();
    return token;
  }
}
