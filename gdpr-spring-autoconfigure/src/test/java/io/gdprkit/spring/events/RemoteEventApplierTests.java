package io.gdprkit.spring.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.spring.events.RemoteEventApplier.Outcome;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.transaction.TransactionRunner;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RemoteEventApplierTests {

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final String PSEUDONYM = "k1:alice-pseudonym";

  private final GdprKit kit = GdprKit.builder()
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter").asDirectMarketing())
      .build();
  private final EventInbox inbox = EventInbox.inMemory();
  private final AtomicBoolean resolverFails = new AtomicBoolean();
  private final RemoteEventApplier applier = new RemoteEventApplier(kit, TransactionRunner.inMemory(), inbox,
      (tenant, pseudonym) -> {
        if (resolverFails.getAndSet(false)) {
          throw new IllegalStateException("database down");
        }
        return pseudonym.equals(PSEUDONYM) ? Optional.of(ALICE) : Optional.empty();
      }, "marketing");

  @Test
  void appliesAWithdrawalOnceHoweverOftenItArrives() {
    grant();
    ReceivedEvent withdrawal = withdrawal(PSEUDONYM, "newsletter", Instant.now().plusSeconds(1));

    Outcome first = applier.apply(withdrawal);
    Outcome second = applier.apply(withdrawal);

    assertThat(first).isEqualTo(Outcome.APPLIED);
    assertThat(second).isEqualTo(Outcome.DUPLICATE);
    assertThat(kit.decide(ALICE, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(kit.consents().history(ALICE, "newsletter")).hasSize(2);
  }

  @Test
  void leavesAConsentGivenAfterTheWithdrawalHappenedThere() {
    ReceivedEvent stale = withdrawal(PSEUDONYM, "newsletter", Instant.now().minusSeconds(60));
    grant();

    Outcome outcome = applier.apply(stale);

    assertThat(outcome).isEqualTo(Outcome.UNCHANGED);
    assertThat(kit.decide(ALICE, "newsletter").allowed()).isTrue();
  }

  @Test
  void ignoresItsOwnEventsComingBackThroughTheBroker() {
    grant();
    ReceivedEvent own = new ReceivedEvent(UUID.randomUUID(), "marketing", "ConsentWithdrawn", "default",
        payload(PSEUDONYM, "newsletter", Instant.now().plusSeconds(1)));

    assertThat(applier.apply(own)).isEqualTo(Outcome.OWN);
    assertThat(kit.decide(ALICE, "newsletter").allowed()).isTrue();
  }

  @Test
  void recordsAnEventAboutASubjectItDoesNotKnow() {
    ReceivedEvent event = withdrawal("k1:someone-else", "newsletter", Instant.now());

    assertThat(applier.apply(event)).isEqualTo(Outcome.UNKNOWN_SUBJECT);
    assertThat(inbox.contains(event.id())).isTrue();
  }

  @Test
  void recordsAWithdrawalForAPurposeItDoesNotDeclare() {
    grant();

    assertThat(applier.apply(withdrawal(PSEUDONYM, "profiling", Instant.now().plusSeconds(1))))
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void appliesAnObjectionToDirectMarketing() {
    grant();
    ReceivedEvent objection = new ReceivedEvent(UUID.randomUUID(), "crm", "ObjectionRecorded", "default",
        "{\"subject\":\"" + PSEUDONYM + "\",\"purpose\":\"*direct-marketing\",\"status\":\"OBJECTED\","
            + "\"changedBy\":{\"kind\":\"SUBJECT\"},\"occurredAt\":\"" + Instant.now() + "\"}");

    assertThat(applier.apply(objection)).isEqualTo(Outcome.APPLIED);
    assertThat(kit.decide(ALICE, "newsletter").reason()).isEqualTo(DecisionReason.OBJECTED);
  }

  @Test
  void erasesTheSubjectOnceWhenTheOtherSystemErasedEverything() {
    grant();
    ReceivedEvent erasure = new ReceivedEvent(UUID.randomUUID(), "crm", "SubjectErased", "default",
        "{\"subject\":\"" + PSEUDONYM + "\",\"scope\":{\"kind\":\"EVERYTHING\",\"categories\":[],"
            + "\"keepRecords\":false},\"job\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now() + "\"}");

    Outcome first = applier.apply(erasure);
    Outcome again = applier.apply(erasure);

    assertThat(first).isEqualTo(Outcome.APPLIED);
    assertThat(again).isEqualTo(Outcome.DUPLICATE);
    assertThat(kit.erasure().wasErased(ALICE)).isTrue();
  }

  @Test
  void refusesForGoodAPayloadItCannotRead() {
    ReceivedEvent broken = new ReceivedEvent(UUID.randomUUID(), "crm", "ConsentWithdrawn", "default", "{\"subject\":");

    assertThatThrownBy(() -> applier.apply(broken)).isInstanceOf(UnappliableEventException.class)
        .hasMessageContaining(broken.id().toString()).hasMessageContaining("dead-letter");
    assertThat(inbox.contains(broken.id())).isFalse();
  }

  @Test
  void appliesOnRedeliveryWhatAStoreFailureLeftUndone() {
    grant();
    ReceivedEvent withdrawal = withdrawal(PSEUDONYM, "newsletter", Instant.now().plusSeconds(1));
    resolverFails.set(true);

    assertThatThrownBy(() -> applier.apply(withdrawal)).isInstanceOf(IllegalStateException.class);
    Outcome redelivered = applier.apply(withdrawal);

    assertThat(redelivered).isEqualTo(Outcome.APPLIED);
    assertThat(kit.decide(ALICE, "newsletter").allowed()).isFalse();
  }

  private void grant() {
    kit.consents().grant(ALICE, "newsletter", ConsentProof.webForm("signup", "v1").build());
  }

  private static ReceivedEvent withdrawal(String pseudonym, String purpose, Instant at) {
    return new ReceivedEvent(UUID.randomUUID(), "crm", "ConsentWithdrawn", "default", payload(pseudonym, purpose, at));
  }

  private static String payload(String pseudonym, String purpose, Instant at) {
    return "{\"subject\":\"" + pseudonym + "\",\"purpose\":\"" + purpose + "\",\"eventId\":\"" + UUID.randomUUID()
        + "\",\"sequence\":2,\"recordedBy\":{\"kind\":\"SUBJECT\"},\"occurredAt\":\"" + at + "\"}";
  }
}
