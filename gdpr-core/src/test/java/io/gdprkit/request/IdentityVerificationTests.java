package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.ALICE;
import static io.gdprkit.request.RequestFixture.ALICE_EMAIL;
import static io.gdprkit.request.RequestFixture.NOBODY;
import static io.gdprkit.request.RequestFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.GdprKit;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.TokenSigner;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.request.spi.MailMessage;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdentityVerificationTests {

  private final RequestFixture fixture = RequestFixture.at("2026-11-23T10:00:00Z");
  private final RequestService requests = fixture.requests;

  @Nested
  class ByEmailToken {

    @Test
    void mailsASignedTokenToTheSubjectsAddressOnRecordAndVerifiesIt() {
      SubjectRequest request = fixture.receive(RequestKind.PORTABILITY);

      SubjectRequest started = requests.startVerification(request.id());

      assertThat(started.state()).isEqualTo(RequestState.RECEIVED);
      assertThat(fixture.mailer.sent()).singleElement().satisfies(mail -> {
        assertThat(mail.to()).isEqualTo(PersonalData.of(ALICE_EMAIL));
        assertThat(mail.subject()).isEqualTo("Confirm your data protection request");
        assertThat(mail.body()).contains(request.id().toString(), "portable format", "Art. 20",
            "2026-11-25T10:00:00Z");
      });

      fixture.clock.advance(Duration.ofHours(3));
      SubjectRequest verified = requests.verify(request.id(), tokenOf(fixture.lastMail()));

      assertThat(verified.state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
      assertThat(verified.transitions().get(verified.transitions().size() - 1))
          .returns(Actor.subject(), RequestTransition::by)
          .returns(fixture.clock.instant(), RequestTransition::at);
      assertThat(requests.find(request.id())).contains(verified);
    }

    @Test
    void putsTheTokenIntoTheConfiguredLinkAndHonoursTheConfiguredValidity() {
      RequestFixture linked = RequestFixture.at("2026-11-23T10:00:00Z", builder -> builder.emailVerification(
          EmailVerificationOptions.defaults().withTokenValidity(Duration.ofHours(2))
              .withLink("https://example.com/privacy/verify?t={token}")));
      SubjectRequest request = linked.receive(RequestKind.ACCESS);

      linked.requests.startVerification(request.id());

      String token = tokenOf(linked.lastMail());
      assertThat(linked.lastMail().body()).contains("https://example.com/privacy/verify?t=" + token)
          .doesNotContain("{token}");
      linked.clock.advance(Duration.ofHours(2));
      assertThat(catchThrowable(() -> linked.requests.verify(request.id(), token)))
          .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void refusesAnExpiredTokenAndKeepsTheRequestReceived() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      SubjectRequest started = requests.startVerification(request.id());
      String token = tokenOf(fixture.lastMail());
      fixture.clock.advance(Duration.ofHours(48));

      Throwable thrown = catchThrowable(() -> requests.verify(request.id(), token));

      assertThat(thrown).isInstanceOfSatisfying(InvalidTokenException.class,
          e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
      assertThat(requests.find(request.id())).contains(started);
    }

    @Test
    void acceptsATokenJustBeforeItExpires() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      requests.startVerification(request.id());
      fixture.clock.advance(Duration.ofHours(48).minusSeconds(1));

      SubjectRequest verified = requests.verify(request.id(), tokenOf(fixture.lastMail()));

      assertThat(verified.state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
    }

    @Test
    void refusesEverySingleCharacterTamperingOfAToken() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      SubjectRequest started = requests.startVerification(request.id());
      String token = tokenOf(fixture.lastMail());

      for (int i = 0; i < token.length(); i++) {
        char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, i) + replacement + token.substring(i + 1);

        assertThat(catchThrowable(() -> requests.verify(request.id(), tampered))).as("tampered at %d", i)
            .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason())
                .isIn(Reason.MALFORMED, Reason.BAD_SIGNATURE, Reason.UNKNOWN_KEY));
      }
      assertThat(requests.find(request.id())).contains(started);
    }

    @Test
    void refusesATokenReused() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      requests.startVerification(request.id());
      String token = tokenOf(fixture.lastMail());
      SubjectRequest verified = requests.verify(request.id(), token);

      Throwable thrown = catchThrowable(() -> requests.verify(request.id(), token));

      assertThat(thrown).isInstanceOfSatisfying(InvalidTokenException.class,
          e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED));
      assertThat(requests.find(request.id())).contains(verified);
    }

    @Test
    void refusesATokenIssuedForAnotherRequest() {
      SubjectRequest mine = fixture.receive(RequestKind.ACCESS);
      SubjectRequest other = fixture.receive(RequestKind.ERASURE);
      requests.startVerification(other.id());
      String othersToken = tokenOf(fixture.lastMail());

      Throwable thrown = catchThrowable(() -> requests.verify(mine.id(), othersToken));

      assertThat(thrown).isInstanceOfSatisfying(InvalidTokenException.class,
          e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
      assertThat(requests.find(mine.id())).contains(mine);
    }

    @Test
    void refusesATokenOfAnotherKindSignedWithTheSameKeys() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      String doubleOptIn = TokenSigner.of(fixture.gdpr.keys(), "doi1")
          .sign(List.of(request.id().toString()), fixture.clock.instant().plusSeconds(3600));

      Throwable thrown = catchThrowable(() -> requests.verify(request.id(), doubleOptIn));

      assertThat(thrown).isInstanceOfSatisfying(InvalidTokenException.class,
          e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void keepsEarlierTokensWorkingWhenVerificationStartsAgain() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      requests.startVerification(request.id());
      String first = tokenOf(fixture.lastMail());
      fixture.clock.advance(Duration.ofHours(1));
      requests.startVerification(request.id());

      SubjectRequest verified = requests.verify(request.id(), first);

      assertThat(fixture.mailer.sent()).hasSize(2);
      assertThat(verified.state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
    }

    @Test
    void failsClearlyWithoutAMailerAndWritesNothing() {
      RequestFixture noMailer = RequestFixture.withoutMailer("2026-11-23T10:00:00Z");
      SubjectRequest known = noMailer.receive(RequestKind.ACCESS);
      SubjectRequest unknown = noMailer.requests.receive(NOBODY, RequestKind.ACCESS, Actor.subject());

      Throwable forKnown = catchThrowable(() -> noMailer.requests.startVerification(known.id()));
      Throwable forUnknown = catchThrowable(() -> noMailer.requests.startVerification(unknown.id()));

      assertThat(forKnown).isInstanceOf(IdentityVerificationUnavailableException.class)
          .hasMessageContaining("Mailer").hasMessageContaining("mailer(");
      assertThat(forUnknown).isInstanceOf(IdentityVerificationUnavailableException.class)
          .hasMessage(forKnown.getMessage());
      RequestFixture.assertNoStepRecorded(noMailer.requests.find(known.id()).orElseThrow(), known);
      RequestFixture.assertNoStepRecorded(noMailer.requests.find(unknown.id()).orElseThrow(), unknown);
      assertThat(noMailer.requests.find(known.id()).orElseThrow().version())
          .isEqualTo(noMailer.requests.find(unknown.id()).orElseThrow().version());
    }

    @Test
    void neverPutsTheAddressOrTokenIntoAMessagesDescription() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      requests.startVerification(request.id());

      MailMessage mail = fixture.lastMail();

      assertThat(mail.toString()).doesNotContain(ALICE_EMAIL).doesNotContain(tokenOf(mail)).contains("redacted");
    }
  }

  /** A stranger who asks about someone must not learn whether that someone is on record. */
  @Nested
  class WithoutRevealingWhoIsOnRecord {

    @Test
    void startsVerificationForASubjectWithoutAddressExactlyAsForOneWithAnAddressButSendsNothing() {
      SubjectRequest known = fixture.receive(RequestKind.ACCESS);
      SubjectRequest unknown = requests.receive(NOBODY, RequestKind.ACCESS, Actor.subject());

      SubjectRequest knownStarted = requests.startVerification(known.id());
      SubjectRequest unknownStarted = requests.startVerification(unknown.id());

      assertThat(outwardShape(unknownStarted)).isEqualTo(outwardShape(knownStarted));
      assertThat(fixture.mailer.sent()).singleElement()
          .returns(PersonalData.of(ALICE_EMAIL), MailMessage::to)
          .satisfies(mail -> assertThat(mail.body()).contains(known.id().toString())
              .doesNotContain(unknown.id().toString()));
    }

    @Test
    void failsVerificationForASubjectWithoutAddressExactlyAsAWrongTokenFails() {
      SubjectRequest known = fixture.receive(RequestKind.ACCESS);
      SubjectRequest unknown = requests.receive(NOBODY, RequestKind.ACCESS, Actor.subject());
      SubjectRequest third = fixture.receive(RequestKind.ERASURE);
      requests.startVerification(known.id());
      requests.startVerification(unknown.id());
      requests.startVerification(third.id());
      String thirdsToken = tokenOf(fixture.lastMail());

      for (String guess : List.of(thirdsToken, "123456", "dsar1.k2026.AAAAAAAAAAAA.AAAA", "")) {
        Throwable forKnown = catchThrowable(() -> requests.verify(known.id(), guess));
        Throwable forUnknown = catchThrowable(() -> requests.verify(unknown.id(), guess));

        assertThat(forUnknown).as("guess %s", guess).isInstanceOf(InvalidTokenException.class)
            .hasSameClassAs(forKnown).hasMessage(forKnown.getMessage());
        assertThat(((InvalidTokenException) forUnknown).reason())
            .isEqualTo(((InvalidTokenException) forKnown).reason());
      }
      assertThat(requests.find(unknown.id()).orElseThrow().state()).isEqualTo(RequestState.RECEIVED);
      assertThat(requests.find(known.id()).orElseThrow().state()).isEqualTo(RequestState.RECEIVED);
    }

    @Test
    void behavesTheSameWhenTheMailerFails() {
      List<PersonalData<String>> attempted = new ArrayList<>();
      RequestFixture failing = RequestFixture.withMailer("2026-11-23T10:00:00Z", message -> {
        attempted.add(message.to());
        throw new IllegalStateException("SMTP server down");
      });
      SubjectRequest known = failing.receive(RequestKind.ACCESS);
      SubjectRequest unknown = failing.requests.receive(NOBODY, RequestKind.ACCESS, Actor.subject());

      SubjectRequest knownStarted = failing.requests.startVerification(known.id());
      SubjectRequest unknownStarted = failing.requests.startVerification(unknown.id());

      assertThat(attempted).containsExactly(PersonalData.of(ALICE_EMAIL));
      assertThat(outwardShape(unknownStarted)).isEqualTo(outwardShape(knownStarted));
    }

    /** What a requester could tell apart: everything but the id and the instants. */
    private List<Object> outwardShape(SubjectRequest request) {
      Function<RequestTransition, List<Object>> step = t -> Arrays.asList(t.from(), t.to(), t.by(), t.note());
      return List.of(request.state(), request.kind(), request.version(),
          Duration.between(request.receivedAt(), request.dueAt()), request.transitions().stream().map(step).toList(),
          Objects.toString(request.extension()), Objects.toString(request.rejection()));
    }
  }

  @Nested
  class ByAnotherVerifier {

    @Test
    void usesAVerifierThatTheHostPlugsIn() {
      List<RequestId> begun = new ArrayList<>();
      IdentityVerifier sessions = new IdentityVerifier() {
        @Override
        public void begin(SubjectRequest request) {
          begun.add(request.id());
        }

        @Override
        public void check(SubjectRequest request, String token) {
          if (!token.equals("session-of-" + request.subject().value())) {
            throw InvalidTokenException.of(Reason.BAD_SIGNATURE);
          }
        }
      };
      GdprKit gdpr = GdprKit.builder().identityVerifier(sessions).keyRing(KeyRing.generate()).build();
      SubjectRequest request = gdpr.requests().receive(ALICE, RequestKind.ACCESS, Actor.subject());

      gdpr.requests().startVerification(request.id());
      Throwable wrong = catchThrowable(() -> gdpr.requests().verify(request.id(), "session-of-someone"));
      SubjectRequest verified = gdpr.requests().verify(request.id(), "session-of-contact-42");

      assertThat(begun).containsExactly(request.id());
      assertThat(wrong).isInstanceOf(InvalidTokenException.class);
      assertThat(verified.state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
    }
  }
}
