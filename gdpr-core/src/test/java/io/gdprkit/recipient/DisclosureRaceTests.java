package io.gdprkit.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A disclosure racing a restriction or a full erasure of the same subject has two allowed outcomes: it is logged
 * before the restriction or erasure takes effect, and its recipient is then told of it (Art. 19), the entry being
 * pseudonymised after an erasure; or it is refused and nothing is logged. A disclosure logged while the subject is
 * restricted, or an entry still naming the subject after its erasure, is never allowed. The purpose rests on a
 * contract, so the decision alone would let a disclosure of an erased subject through.
 */
class DisclosureRaceTests {

  private static final int ROUNDS = 300;
  private static final Set<DataCategory> FINANCIAL = Set.of(DataCategory.FINANCIAL);
  private static final Actor SYNC = Actor.system("sync");

  private final AtomicReference<GdprKit> kit = new AtomicReference<>();
  private final AtomicInteger loggedWhileRestricted = new AtomicInteger();
  private final AtomicInteger loggedAfterErasure = new AtomicInteger();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final ForwardingDisclosureStore log = new ForwardingDisclosureStore() {
    @Override
    public void append(Disclosure disclosure) {
      // The append runs under the subject's lock, which restrictions and erasure's tombstone are written under.
      if (kit.get().restrictions().isRestricted(disclosure.subject())) {
        loggedWhileRestricted.incrementAndGet();
      }
      if (kit.get().erasure().wasErased(disclosure.subject())) {
        loggedAfterErasure.incrementAndGet();
      }
      super.append(disclosure);
    }
  };
  private final GdprKit gdpr = kit();

  private GdprKit kit() {
    GdprKit built = GdprKit.builder()
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
        .allowGeneratedKeys().disclosureStore(log).recipientNotifier(notifier).build();
    kit.set(built);
    built.recipients().register(Recipient.of("bank", RecipientKind.THIRD_PARTY, "Bank", "privacy@bank.example",
        CountryCode.of("AT")), Actor.staff("dpo"));
    return built;
  }

  /** What the recipient was told about the subject, as {@code recipient:reason}. */
  private List<String> toldAbout(SubjectId subject) {
    // the notifier receives the subject's id: the recipient needs it to find the data it holds
    return notifier.delivered.stream().filter(n -> subject.equals(n.subject()))
        .map(n -> n.recipient() + ":" + n.reason()).toList();
  }

  /**
   * Races {@code other} against a disclosure of a new subject each round, the disclosure starting a random moment
   * later so the two meet at different points; then checks the round.
   */
  private void race(Consumer<SubjectId> other, Predicate<RuntimeException> refusal, RoundCheck check)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        SubjectId subject = SubjectId.of("contact-" + round);
        CyclicBarrier start = new CyclicBarrier(2);
        int head = ThreadLocalRandom.current().nextInt(0, 2_000);
        Future<?> first = pool.submit(() -> {
          start.await();
          other.accept(subject);
          return null;
        });
        Future<Boolean> disclosure = pool.submit(() -> {
          start.await();
          for (int spin = 0; spin < head; spin++) {
            Thread.onSpinWait();
          }
          try {
            gdpr.recipients().disclose(subject, "bank", "billing", FINANCIAL, SYNC);
            return true;
          } catch (RuntimeException e) {
            if (!refusal.test(e)) {
              throw e;
            }
            return false;
          }
        });
        first.get(10, TimeUnit.SECONDS);
        boolean wasLogged = disclosure.get(10, TimeUnit.SECONDS);

        check.check(round, subject, wasLogged);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private interface RoundCheck {
    void check(int round, SubjectId subject, boolean logged);
  }

  @Test
  @Timeout(60)
  void neverLogsADisclosureAfterTheRestrictionTookEffect() throws Exception {
    race(subject -> gdpr.restrictions().restrict(subject, "accuracy contested (Art. 18(1)(a))", Actor.staff("dpo")),
        e -> e instanceof DisclosureRefusedException refused && refused.reason() == DecisionReason.RESTRICTED,
        (round, subject, logged) -> {
          if (logged) {
            assertThat(gdpr.recipients().disclosures(subject)).hasSize(1);
            assertThat(toldAbout(subject)).as("round %d: a disclosure before the restriction is told of it", round)
                .containsExactly("bank:RESTRICTED");
          } else {
            assertThat(gdpr.recipients().disclosures(subject)).isEmpty();
            assertThat(toldAbout(subject)).isEmpty();
          }
        });

    assertThat(loggedWhileRestricted).hasValue(0);
  }

  @Test
  @Timeout(60)
  void neverLeavesAnEntryNamingTheSubjectAfterTheErasure() throws Exception { // issue 5
    race(subject -> gdpr.erasure().erase(subject), SubjectErasedException.class::isInstance,
        (round, subject, logged) -> {
          assertThat(log.delegate.bySubject(subject)).as("round %d: no entry names the erased subject", round)
              .isEmpty();
          if (logged) {
            assertThat(toldAbout(subject)).as("round %d: a disclosure before the erasure is told of it", round)
                .containsExactly("bank:ERASED");
          } else {
            assertThat(toldAbout(subject)).isEmpty();
          }
        });

    assertThat(loggedAfterErasure).hasValue(0);
  }

  @Test
  void refusesADisclosureOfAnErasedSubjectAndLogsNothing() {
    SubjectId alice = SubjectId.of("contact-42");
    gdpr.erasure().erase(alice);

    assertThatThrownBy(() -> gdpr.recipients().disclose(alice, "bank", "billing", FINANCIAL, SYNC))
        .isInstanceOfSatisfying(SubjectErasedException.class, e -> {
          assertThat(e.subject()).isEqualTo(alice);
          assertThat(e.recipient()).isEqualTo("bank");
          assertThat(e.purpose()).isEqualTo("billing");
        })
        .hasMessageContaining("the subject was erased");
    assertThat(log.delegate.bySubject(alice)).isEmpty();
    assertThat(gdpr.recipients().recipientsOf(alice)).isEmpty();
  }

  @Test
  void letsADisclosureThroughAfterAnErasureOfSomeCategories() {
    SubjectId alice = SubjectId.of("contact-42");
    gdpr.erasure().erase(alice, ErasureScope.categories(DataCategory.BEHAVIOURAL));

    Disclosure logged = gdpr.recipients().disclose(alice, "bank", "billing", FINANCIAL, SYNC);

    assertThat(gdpr.recipients().disclosures(alice)).containsExactly(logged);
  }
}
