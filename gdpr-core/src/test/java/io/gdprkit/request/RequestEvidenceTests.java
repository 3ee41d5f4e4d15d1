package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.ALICE;
import static io.gdprkit.request.RequestFixture.ALICE_EMAIL;
import static io.gdprkit.request.RequestFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.export.ExportDelivery;
import io.gdprkit.export.ExportKind;
import io.gdprkit.internal.Base64Url;
import io.gdprkit.internal.Hashing;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Regulation (EU) 2025/2518: a complaint about a subject request presupposes the request to the controller, so each
 * request keeps an exportable bundle of evidence of how it was dealt with (Art. 5(2), Art. 12 GDPR).
 */
class RequestEvidenceTests {

  private static final String REQUEST_TEXT = "Hello, I am Alice (alice@example.com). Please erase all my data.";
  private static final Actor CLERK = Actor.staff("clerk-7");

  private final RequestFixture fixture = RequestFixture.at("2027-04-05T09:00:00Z");
  private final RequestService requests = fixture.requests;

  /** Receives Alice's request by e-mail, keeping only the text's hash, and verifies her by the mailed token. */
  private SubjectRequest receivedAndVerified(RequestKind kind) {
    SubjectRequest request = requests.receive(ALICE, kind, CLERK,
        RequestIntake.of(RequestChannel.EMAIL).withReference("TICKET-4711").withTextDigest(REQUEST_TEXT));
    fixture.clock.advance(Duration.ofMinutes(5));
    requests.startVerification(request.id());
    fixture.clock.advance(Duration.ofHours(2));
    return requests.verify(request.id(), RequestFixture.tokenOf(fixture.lastMail()));
  }

  @Nested
  @DisplayName("the bundle of a fulfilled request")
  class Fulfilled {

    @Test
    @DisplayName("2025/2518: an erasure request's bundle shows the receipt, identity steps, the erasure job and the"
        + " response sent (Art. 12(3), Art. 17)")
    void showsEverythingForAFulfilledErasure() {
      SubjectRequest request = receivedAndVerified(RequestKind.ERASURE);
      requests.start(request.id(), DPO);
      fixture.clock.advance(Duration.ofDays(3));
      requests.complete(request.id(), DPO);
      requests.noticeSent(request.id(),
          RequestNotice.of(RequestNotice.Kind.RESPONSE, RequestChannel.EMAIL, "Your data was erased."), DPO);

      RequestEvidence evidence = requests.evidence(request.id());

      assertThat(evidence.state()).isEqualTo(RequestState.COMPLETED);
      assertThat(evidence.kind()).isEqualTo(RequestKind.ERASURE);
      assertThat(evidence.receivedAt()).isEqualTo(Instant.parse("2027-04-05T09:00:00Z"));
      assertThat(evidence.receivedBy()).isEqualTo(CLERK);
      assertThat(evidence.intake()).isEqualTo(new RequestIntake(RequestChannel.EMAIL, "TICKET-4711",
          Hashing.sha256Hex(REQUEST_TEXT), null));
      assertThat(evidence.identityChecks()).extracting(c -> c.value().method(), c -> c.value().outcome(),
          RequestEvidence.Dated::at).containsExactly(
          org.assertj.core.groups.Tuple.tuple("email-token", IdentityCheck.Outcome.STARTED,
              Instant.parse("2027-04-05T09:05:00Z")),
          org.assertj.core.groups.Tuple.tuple("email-token", IdentityCheck.Outcome.VERIFIED,
              Instant.parse("2027-04-05T11:05:00Z")));
      assertThat(evidence.fulfilment()).isNotNull();
      assertThat(evidence.fulfilment().by()).isEqualTo(DPO);
      assertThat(evidence.fulfilment().at()).isEqualTo(Instant.parse("2027-04-08T11:05:00Z"));
      Fulfilment.Erased erased = (Fulfilment.Erased) evidence.fulfilment().value();
      assertThat(fixture.gdpr.erasure().report(erased.job())).as("the erasure job it names").isPresent();
      assertThat(evidence.rejection()).isNull();
      assertThat(evidence.extension()).isNull();
      assertThat(evidence.notices()).singleElement().satisfies(notice -> {
        assertThat(notice.value().kind()).isEqualTo(RequestNotice.Kind.RESPONSE);
        assertThat(notice.value().contentSha256()).isEqualTo(Hashing.sha256Hex("Your data was erased."));
      });
      assertThat(evidence.timeline()).extracting(RequestTransition::to).containsExactly(RequestState.RECEIVED,
          RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS, RequestState.COMPLETED,
          RequestState.COMPLETED);
      assertThat(evidence.version()).isEqualTo(6);
    }

    @Test
    @DisplayName("2025/2518: an access request's bundle holds the SHA-256 and length of the export delivered"
        + " (Art. 15)")
    void holdsTheHashOfTheExportDelivered() {
      ByteArrayOutputStream delivered = new ByteArrayOutputStream();
      RequestFixture withDelivery = RequestFixture.at("2027-04-05T09:00:00Z",
          builder -> builder.exportDelivery((subject, kind) -> ExportDelivery.Sink.of(delivered, failure -> { })));
      SubjectRequest request = withDelivery.requests.receive(ALICE, RequestKind.ACCESS, Actor.subject());
      withDelivery.requests.startVerification(request.id());
      withDelivery.requests.verify(request.id(), RequestFixture.tokenOf(withDelivery.lastMail()));
      withDelivery.requests.start(request.id(), DPO);

      withDelivery.requests.complete(request.id(), DPO);

      RequestEvidence evidence = withDelivery.requests.evidence(request.id());
      assertThat(delivered.size()).isPositive();
      assertThat(evidence.fulfilment().value()).isEqualTo(new Fulfilment.Exported(ExportKind.ACCESS,
          Hashing.sha256Hex(delivered.toString(StandardCharsets.UTF_8)), delivered.size()));
      assertThat(evidence.intake()).as("received without an intake").isNull();
      assertThat(evidence.toJson()).contains("\"channel\":null");
    }

    @Test
    @DisplayName("2025/2518: what a host's fulfiller reports, or that none ran, is in the bundle (Art. 12(3))")
    void recordsWhatHostFulfillersDid() {
      RequestFixture hosted = RequestFixture.at("2027-04-05T09:00:00Z", builder -> builder
          .requestFulfiller(RequestKind.RECTIFICATION,
              RequestFulfiller.reporting(r -> Fulfilment.performed("Address corrected in the CRM", "CRM-991")))
          .requestFulfiller(RequestKind.OBJECTION, r -> { }));

      Fulfilment reported = completed(hosted, RequestKind.RECTIFICATION);
      Fulfilment plain = completed(hosted, RequestKind.OBJECTION);
      Fulfilment none = completed(hosted, RequestKind.PORTABILITY);

      assertThat(reported).isEqualTo(Fulfilment.performed("Address corrected in the CRM", "CRM-991"));
      assertThat(plain).isInstanceOf(Fulfilment.Performed.class);
      assertThat(((Fulfilment.Performed) plain).reference()).isNull();
      assertThat(none).isEqualTo(new Fulfilment.Recorded());
    }

    @Test
    @DisplayName("Art. 12(6): a host's identity verifier is recorded by the method it names")
    void recordsTheHostsVerificationMethod() {
      GdprKit gdpr = GdprKit.builder().clock(fixture.clock).identityVerifier(new IdentityVerifier() {
        @Override
        public void begin(SubjectRequest request) {}

        @Override
        public void check(SubjectRequest request, String token) {}

        @Override
        public String method() {
          return "logged-in-session";
        }
      }).build();
      SubjectRequest request = gdpr.requests().receive(ALICE, RequestKind.ACCESS, Actor.subject());
      gdpr.requests().startVerification(request.id());
      gdpr.requests().verify(request.id(), "session-cookie");

      RequestEvidence evidence = gdpr.requests().evidence(request.id());

      assertThat(evidence.identityChecks()).extracting(check -> check.value().method())
          .containsExactly("logged-in-session", "logged-in-session");
    }

    @Test
    @DisplayName("Art. 12(6): a failed identity check writes nothing, so the bundle shows the start and no success")
    void aFailedCheckLeavesNoVerifiedStep() {
      SubjectRequest request = requests.receive(ALICE, RequestKind.ACCESS, Actor.subject());
      requests.startVerification(request.id());

      Throwable wrong = catchThrowable(() -> requests.verify(request.id(), "dsar1.forged.token"));

      assertThat(wrong).isInstanceOf(InvalidTokenException.class);
      assertThat(requests.evidence(request.id()).identityChecks()).extracting(check -> check.value().outcome())
          .containsExactly(IdentityCheck.Outcome.STARTED);
    }

    private Fulfilment completed(RequestFixture kit, RequestKind kind) {
      SubjectRequest request = kit.requests.receive(ALICE, kind, Actor.subject());
      kit.requests.startVerification(request.id());
      kit.requests.verify(request.id(), RequestFixture.tokenOf(kit.lastMail()));
      kit.requests.start(request.id(), DPO);
      kit.requests.complete(request.id(), DPO);
      return kit.requests.evidence(request.id()).fulfilment().value();
    }
  }

  @Test
  @DisplayName("2025/2518: an extended request's bundle holds the new deadline, its reasons and the notice of it"
      + " (Art. 12(3))")
  void showsTheExtensionAndItsNotice() {
    SubjectRequest request = receivedAndVerified(RequestKind.ACCESS);
    fixture.clock.advance(Duration.ofDays(20));
    SubjectRequest extended = requests.extend(request.id(), 2, "Records in five archived systems", DPO);
    String noticeText = "We need until " + extended.deadline() + ": records in five archived systems.";
    requests.noticeSent(request.id(),
        RequestNotice.of(RequestNotice.Kind.EXTENSION, RequestChannel.EMAIL, noticeText), DPO);

    RequestEvidence evidence = requests.evidence(request.id());

    assertThat(evidence.state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
    assertThat(evidence.dueAt()).isEqualTo(request.dueAt());
    assertThat(evidence.extension()).isNotNull();
    assertThat(evidence.extension().value()).isEqualTo(extended.extension());
    assertThat(evidence.extension().value().dueAt()).isEqualTo(extended.deadline())
        .isEqualTo(DueDates.extendedDueAt(request.dueAt(), java.time.ZoneOffset.UTC, 2));
    assertThat(evidence.extension().value().reason()).isEqualTo("Records in five archived systems");
    assertThat(evidence.extension().by()).isEqualTo(DPO);
    assertThat(evidence.extension().at()).isBefore(evidence.dueAt());
    assertThat(evidence.notices()).extracting(n -> n.value().kind(), n -> n.value().contentSha256()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(RequestNotice.Kind.EXTENSION, Hashing.sha256Hex(noticeText)));
    assertThat(evidence.toJson()).contains("\"extension\":{\"dueAt\":\"" + extended.deadline() + "\","
        + "\"reason\":\"Records in five archived systems\"");
  }

  @Test
  @DisplayName("2025/2518: a rejected request's bundle holds the reasons, who rejected it and the hash of the notice"
      + " sent (Art. 12(4))")
  void showsTheRejectionAndItsNotice() {
    SubjectRequest request = receivedAndVerified(RequestKind.ERASURE);
    fixture.clock.advance(Duration.ofDays(1));
    RejectionNotice notice = requests.reject(request.id(), "We must keep invoices for ten years (tax law).", DPO);
    fixture.clock.advance(Duration.ofMinutes(10));

    requests.noticeSent(request.id(),
        RequestNotice.of(RequestNotice.Kind.REJECTION, RequestChannel.POST, notice.text()), CLERK);

    RequestEvidence evidence = requests.evidence(request.id());
    assertThat(evidence.state()).isEqualTo(RequestState.REJECTED);
    assertThat(evidence.rejection()).isNotNull();
    assertThat(evidence.rejection().value().reason()).isEqualTo("We must keep invoices for ten years (tax law).");
    assertThat(evidence.rejection().by()).isEqualTo(DPO);
    assertThat(evidence.rejection().at()).isEqualTo(Instant.parse("2027-04-06T11:05:00Z"));
    assertThat(evidence.fulfilment()).isNull();
    assertThat(evidence.notices()).singleElement().satisfies(sent -> {
      assertThat(sent.value()).isEqualTo(new RequestNotice(RequestNotice.Kind.REJECTION, RequestChannel.POST,
          Hashing.sha256Hex(notice.text())));
      assertThat(sent.at()).isEqualTo(Instant.parse("2027-04-06T11:15:00Z"));
      assertThat(sent.by()).isEqualTo(CLERK);
    });
    assertThat(evidence.toJson()).contains("\"rejection\":{\"reason\":\"We must keep invoices for ten years (tax"
        + " law).\",\"at\":\"2027-04-06T11:05:00Z\",\"by\":{\"type\":\"STAFF\",\"id\":\"dpo-1\"}}");
  }

  @Nested
  @DisplayName("personal data in the bundle")
  class PersonalDataInTheBundle {

    @Test
    @DisplayName("2025/2518: the bundle names the subject by the audit trail's pseudonym and holds no request text,"
        + " address or subject id unless the host opted in")
    void holdsNoPersonalDataByDefault() {
      SubjectRequest request = receivedAndVerified(RequestKind.ERASURE);
      requests.start(request.id(), DPO);
      requests.complete(request.id(), DPO);

      String json = requests.evidence(request.id()).toJson();

      List<AuditEntry> trail = fixture.gdpr.audit().entries(TenantId.DEFAULT, 0, 50);
      String pseudonym = trail.stream().filter(entry -> entry.record().kind() == AuditKind.REQUEST_CHANGED)
          .map(entry -> entry.record().subjectPseudonym()).findFirst().orElseThrow();
      assertThat(json).contains("\"subject\":\"" + pseudonym + "\"");
      assertThat(json).doesNotContain(ALICE.value(), ALICE_EMAIL, "Alice", "erase all my data", "+49");
      assertThat(json).contains("\"textSha256\":\"" + Hashing.sha256Hex(REQUEST_TEXT) + "\"", "\"text\":null");
      assertThat(requests.evidence(request.id()).toString()).doesNotContain(ALICE.value());
    }

    @Test
    @DisplayName("2025/2518: a request text the host chose to keep appears, and only then")
    void showsTheTextOnlyWhereTheHostOptedIn() {
      SubjectRequest kept = requests.receive(ALICE, RequestKind.ACCESS, CLERK,
          RequestIntake.of(RequestChannel.POST).withTextKept(REQUEST_TEXT));

      RequestEvidence evidence = requests.evidence(kept.id());

      assertThat(evidence.toJson()).contains("\"text\":\"" + REQUEST_TEXT.replace("\"", "\\\"") + "\"");
      assertThat(evidence.intake().toString()).doesNotContain("alice@example.com");
      assertThatThrownBy(() -> RequestIntake.of(RequestChannel.POST).withReference("alice@example.com extra"))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("stable JSON")
  class StableJson {

    @Test
    @DisplayName("2025/2518: the same request gives the same bytes, whenever and however often the bundle is made")
    void isTheSameBytesEachTime() {
      SubjectRequest request = receivedAndVerified(RequestKind.ERASURE);
      String first = requests.evidence(request.id()).toJson();
      fixture.clock.advance(Duration.ofDays(3));

      String again = requests.evidence(request.id()).toJson();

      assertThat(again).isEqualTo(first);
      assertThat(requests.evidence(request.id()).sha256()).isEqualTo(Hashing.sha256Hex(first));
      assertThat(requests.signedEvidence(request.id()).json()).isEqualTo(first);
    }

    @Test
    @DisplayName("2025/2518: the bundle's JSON has the documented form, field by field")
    void hasTheDocumentedForm() {
      Instant t0 = Instant.parse("2027-04-05T09:00:00Z");
      SubjectRequest request = SubjectRequest.received(RequestId.of(UUID.fromString(
              "00000000-0000-4000-8000-000000000001")), SubjectId.of("contact-42"), RequestKind.ERASURE, t0,
              Instant.parse("2027-05-05T09:00:00Z"), CLERK,
              RequestIntake.of(RequestChannel.EMAIL).withReference("TICKET-1").withTextDigest("Please erase my data."))
          .step(RequestState.RECEIVED, t0.plusSeconds(60), Actor.system("gdpr-kit"), "identity verification started",
              new IdentityCheck("email-token", IdentityCheck.Outcome.STARTED))
          .step(RequestState.IDENTITY_VERIFIED, t0.plusSeconds(7200), Actor.subject(), null,
              new IdentityCheck("email-token", IdentityCheck.Outcome.VERIFIED))
          .extended(new SubjectRequest.Extension(Instant.parse("2027-07-05T09:00:00Z"), "Five systems to search",
              t0.plus(Duration.ofDays(1))), DPO)
          .step(RequestState.IN_PROGRESS, t0.plus(Duration.ofDays(2)), DPO, null)
          .step(RequestState.COMPLETED, t0.plus(Duration.ofDays(10)), DPO, null,
              new Fulfilment.Erased(UUID.fromString("00000000-0000-4000-8000-00000000000a"), 3, 2, 1))
          .noticeSent(RequestNotice.of(RequestNotice.Kind.RESPONSE, RequestChannel.EMAIL, "Done."),
              t0.plus(Duration.ofDays(10)).plusSeconds(60), DPO);

      String json = RequestEvidence.of(request, "k1.pseudonym").toJson();

      assertThat(json).isEqualTo("{\"format\":\"gdpr-kit/request-evidence/1\","
          + "\"request\":{\"id\":\"00000000-0000-4000-8000-000000000001\",\"kind\":\"ERASURE\",\"article\":\"Art. 17\","
          + "\"tenant\":\"default\",\"subject\":\"k1.pseudonym\",\"state\":\"COMPLETED\",\"version\":7},"
          + "\"received\":{\"at\":\"2027-04-05T09:00:00Z\",\"by\":{\"type\":\"STAFF\",\"id\":\"clerk-7\"},"
          + "\"channel\":\"EMAIL\",\"reference\":\"TICKET-1\",\"textSha256\":\"" + Hashing.sha256Hex(
              "Please erase my data.") + "\",\"text\":null},"
          + "\"deadline\":{\"dueAt\":\"2027-05-05T09:00:00Z\",\"extension\":{\"dueAt\":\"2027-07-05T09:00:00Z\","
          + "\"reason\":\"Five systems to search\",\"at\":\"2027-04-06T09:00:00Z\","
          + "\"by\":{\"type\":\"STAFF\",\"id\":\"dpo-1\"}}},"
          + "\"identity\":[{\"method\":\"email-token\",\"outcome\":\"STARTED\",\"at\":\"2027-04-05T09:01:00Z\","
          + "\"by\":{\"type\":\"SYSTEM\",\"id\":\"gdpr-kit\"}},{\"method\":\"email-token\",\"outcome\":\"VERIFIED\","
          + "\"at\":\"2027-04-05T11:00:00Z\",\"by\":{\"type\":\"SUBJECT\",\"id\":null}}],"
          + "\"fulfilment\":{\"type\":\"ERASED\",\"erasureJob\":\"00000000-0000-4000-8000-00000000000a\","
          + "\"recordsDeleted\":3,\"fieldsAnonymised\":2,\"fieldsRetained\":1,\"at\":\"2027-04-15T09:00:00Z\","
          + "\"by\":{\"type\":\"STAFF\",\"id\":\"dpo-1\"}},"
          + "\"rejection\":null,"
          + "\"notices\":[{\"kind\":\"RESPONSE\",\"channel\":\"EMAIL\",\"contentSha256\":\"" + Hashing.sha256Hex("Done.")
          + "\",\"at\":\"2027-04-15T09:01:00Z\",\"by\":{\"type\":\"STAFF\",\"id\":\"dpo-1\"}}],"
          + "\"timeline\":["
          + "{\"at\":\"2027-04-05T09:00:00Z\",\"by\":{\"type\":\"STAFF\",\"id\":\"clerk-7\"},\"from\":null,"
          + "\"to\":\"RECEIVED\",\"note\":null,\"evidence\":\"INTAKE\"},"
          + "{\"at\":\"2027-04-05T09:01:00Z\",\"by\":{\"type\":\"SYSTEM\",\"id\":\"gdpr-kit\"},\"from\":\"RECEIVED\","
          + "\"to\":\"RECEIVED\",\"note\":\"identity verification started\",\"evidence\":\"IDENTITY\"},"
          + "{\"at\":\"2027-04-05T11:00:00Z\",\"by\":{\"type\":\"SUBJECT\",\"id\":null},\"from\":\"RECEIVED\","
          + "\"to\":\"IDENTITY_VERIFIED\",\"note\":null,\"evidence\":\"IDENTITY\"},"
          + "{\"at\":\"2027-04-06T09:00:00Z\",\"by\":{\"type\":\"STAFF\",\"id\":\"dpo-1\"},"
          + "\"from\":\"IDENTITY_VERIFIED\",\"to\":\"IDENTITY_VERIFIED\","
          + "\"note\":\"deadline extended to 2027-07-05T09:00:00Z: Five systems to search\",\"evidence\":\"EXTENSION\"},"
          + "{\"at\":\"2027-04-07T09:00:00Z\",\"by\":{\"type\":\"STAFF\",\"id\":\"dpo-1\"},"
          + "\"from\":\"IDENTITY_VERIFIED\",\"to\":\"IN_PROGRESS\",\"note\":null,\"evidence\":null},"
          + "{\"at\":\"2027-04-15T09:00:00Z\",\"by\":{\"type\":\"STAFF\",\"id\":\"dpo-1\"},\"from\":\"IN_PROGRESS\","
          + "\"to\":\"COMPLETED\",\"note\":null,\"evidence\":\"FULFILMENT\"},"
          + "{\"at\":\"2027-04-15T09:01:00Z\",\"by\":{\"type\":\"STAFF\",\"id\":\"dpo-1\"},\"from\":\"COMPLETED\","
          + "\"to\":\"COMPLETED\",\"note\":null,\"evidence\":\"NOTICE\"}]}");
    }
  }

  @Nested
  @DisplayName("signed bundle")
  class Signed {

    @Test
    @DisplayName("2025/2518: the signed bundle verifies with the kit's published keys and gives back its JSON")
    void verifiesWithThePublishedKeys() {
      SubjectRequest request = receivedAndVerified(RequestKind.ERASURE);

      SignedRequestEvidence signed = requests.signedEvidence(request.id());

      VerificationKeys published = VerificationKeys.fromJwks(fixture.gdpr.verificationKeys().toJwks());
      assertThat(RequestEvidence.verify(signed.jws(), published)).isEqualTo(signed.json());
      assertThat(signed.sha256()).isEqualTo(Hashing.sha256Hex(signed.json()));
      assertThat(signed.json()).isEqualTo(signed.evidence().toJson());
      assertThat(signed.toString()).doesNotContain(ALICE.value());
    }

    @Test
    @DisplayName("2025/2518: any changed byte of the payload, header or signature is detected")
    void detectsTampering() {
      SubjectRequest request = receivedAndVerified(RequestKind.ERASURE);
      String jws = requests.signedEvidence(request.id()).jws();
      VerificationKeys keys = fixture.gdpr.verificationKeys();
      String[] parts = jws.split("\\.");
      String forgedJson = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
          .replace("\"state\":\"IDENTITY_VERIFIED\"", "\"state\":\"COMPLETED\"");
      String forgedPayload = parts[0] + "." + Base64Url.encode(forgedJson.getBytes(StandardCharsets.UTF_8)) + "."
          + parts[2];
      String flippedSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);
      String otherHeader = Base64Url.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1]
          + "." + parts[2];

      assertThat(forgedJson).contains("\"state\":\"COMPLETED\"");
      assertReason(forgedPayload, keys, InvalidEvidenceException.Reason.BAD_SIGNATURE);
      assertReason(flippedSignature, keys, InvalidEvidenceException.Reason.BAD_SIGNATURE);
      assertReason(otherHeader, keys, InvalidEvidenceException.Reason.UNKNOWN_KEY);
      assertReason(jws + "=", keys, InvalidEvidenceException.Reason.MALFORMED);
      assertReason(parts[0] + "." + parts[1], keys, InvalidEvidenceException.Reason.MALFORMED);
      assertReason(jws, VerificationKeys.of(List.of(SigningKey.generate("other").verificationKey())),
          InvalidEvidenceException.Reason.UNKNOWN_KEY);
    }

    @Test
    @DisplayName("2025/2518: a JWS the same key signed for another use, such as a consent receipt, does not pass as"
        + " request evidence")
    void refusesAJwsOfAnotherKind() {
      SigningKey key = SigningKey.generate("kit-1");
      GdprKit gdpr = GdprKit.builder().signingKey(key).build();
      String header = Base64Url.encode("{\"alg\":\"EdDSA\",\"kid\":\"kit-1\"}".getBytes(StandardCharsets.UTF_8));
      String payload = Base64Url.encode("{\"version\":\"KI-CR-v1.1.0\"}".getBytes(StandardCharsets.UTF_8));
      String receiptLike = header + "." + payload + "." + Base64Url.encode(
          key.sign((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));

      assertReason(receiptLike, gdpr.verificationKeys(), InvalidEvidenceException.Reason.UNKNOWN_KEY);
    }

    private void assertReason(String jws, VerificationKeys keys, InvalidEvidenceException.Reason reason) {
      assertThatThrownBy(() -> RequestEvidence.verify(jws, keys)).isInstanceOfSatisfying(
          InvalidEvidenceException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private String flip(String segment) {
      char last = segment.charAt(0);
      return (last == 'A' ? 'B' : 'A') + segment.substring(1);
    }
  }

  @Nested
  @DisplayName("notices")
  class Notices {

    @Test
    @DisplayName("Art. 12(3)-(4): notices are recorded in any state, audited as a step, and refused for unknown"
        + " requests")
    void recordsNoticesInAnyState() {
      SubjectRequest request = requests.receive(ALICE, RequestKind.ACCESS, Actor.subject());

      SubjectRequest acknowledged = requests.noticeSent(request.id(),
          RequestNotice.of(RequestNotice.Kind.ACKNOWLEDGEMENT, RequestChannel.EMAIL, "We received your request."), DPO);

      assertThat(acknowledged.state()).isEqualTo(RequestState.RECEIVED);
      assertThat(acknowledged.version()).isEqualTo(2);
      assertThatThrownBy(() -> requests.noticeSent(RequestId.random(),
          RequestNotice.of(RequestNotice.Kind.OTHER, RequestChannel.EMAIL, "x"), DPO))
          .isInstanceOf(UnknownRequestException.class);
      assertThatThrownBy(() -> RequestNotice.of(RequestNotice.Kind.OTHER, RequestChannel.EMAIL, " "))
          .isInstanceOf(InvalidInputException.class);
      assertThat(fixture.gdpr.audit().entries(TenantId.DEFAULT, 0, 10))
          .filteredOn(entry -> entry.record().kind() == AuditKind.REQUEST_CHANGED).hasSize(2);
    }

    @Test
    @DisplayName("a request records at most 100 notices, so its history stays bounded")
    void boundsTheNotices() {
      SubjectRequest request = requests.receive(ALICE, RequestKind.ACCESS, Actor.subject());
      RequestNotice notice = RequestNotice.of(RequestNotice.Kind.OTHER, RequestChannel.EMAIL, "Reminder");
      for (int i = 0; i < SubjectRequest.MAX_NOTICES; i++) {
        requests.noticeSent(request.id(), notice, DPO);
      }

      assertThatThrownBy(() -> requests.noticeSent(request.id(), notice, DPO))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 100");
      assertThat(requests.find(request.id()).orElseThrow().version()).isEqualTo(1 + SubjectRequest.MAX_NOTICES);
    }

    @Test
    @DisplayName("evidence that does not fit its step is refused: a fulfilment before completion, a notice that moves"
        + " the state")
    void refusesMisplacedEvidence() {
      SubjectRequest request = requests.receive(ALICE, RequestKind.ACCESS, Actor.subject());

      Throwable earlyFulfilment = catchThrowable(() -> request.step(RequestState.RECEIVED, request.receivedAt(), DPO,
          null, new Fulfilment.Recorded()));
      Throwable movingNotice = catchThrowable(() -> new RequestTransition(RequestState.RECEIVED,
          RequestState.IDENTITY_VERIFIED, request.receivedAt(), DPO, null,
          RequestNotice.of(RequestNotice.Kind.OTHER, RequestChannel.EMAIL, "x")));

      assertThat(earlyFulfilment).isInstanceOf(InvalidInputException.class);
      assertThat(movingNotice).isInstanceOf(InvalidInputException.class);
    }
  }
}
