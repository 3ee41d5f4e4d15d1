package io.gdprkit.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A disclosure racing a full erasure of the same subject (issue 5) has two allowed outcomes: it is logged before
 * the erasure marks the subject erased, and its recipient is then told of the erasure and the entry pseudonymised;
 * or it is refused with {@link SubjectErasedException} and nothing is logged. An entry that still names the subject
 * after the erasure returned is never allowed. The purpose rests on a contract, so the decision alone would let a
 * disclosure of an erased subject through.
 */
class ErasureDisclosureRaceTests {

  private static final int ROUNDS = 300;
  private static final Set<DataCategory> FINANCIAL = Set.of(DataCategory.FINANCIAL);

  private final AtomicReference<GdprKit> kit = new AtomicReference<>();
  private final AtomicInteger loggedAfterErasure = new AtomicInteger();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final ForwardingDisclosureStore log = new ForwardingDisclosureStore() {
    @Override
    public void append(Disclosure disclosure) {
      // The append runs under the subject's lock, which erasure holds while it writes the tombstone.
      if (kit.get().erasure().wasErased(disclosure.subject())) {
        loggedAfterErasure.incrementAndGet();
      }
      super.append(disclosure);
    }
  };

  private GdprKit kit() {
    GdprKit gdpr = GdprKit.builder()
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
        .disclosureStore(log).recipientNotifier(notifier).build();
    kit.set(gdpr);
    gdpr.recipients().register(Recipient.of("bank", RecipientKind.THIRD_PARTY, "Bank", "privacy@bank.example",
        CountryCode.of("AT")), Actor.staff("dpo"));
    return gdpr;
  }

  @Test
  void refusesADisclosureOfAnErasedSubjectAndLogsNothing() {
    GdprKit gdpr = kit();
    SubjectId alice = SubjectId.of("contact-42");
    gdpr.erasure().erase(alice);

    assertThatThrownBy(() -> gdpr.recipients().disclose(alice, "bank", "billing", FINANCIAL, Actor.system("sync")))
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
    GdprKit gdpr = kit();
    SubjectId alice = SubjectId.of("contact-42");
    gdpr.erasure().erase(alice, ErasureScope.categories(DataCategory.BEHAVIOURAL));

    Disclosure logged = gdpr.recipients().disclose(alice, "bank", "billing", FINANCIAL, Actor.system("sync"));

    assertThat(gdpr.recipients().disclosures(alice)).containsExactly(logged);
  }

  @Test
  @Timeout(60)
  void neverLeavesAnEntryNamingTheSubjectAfterTheErasure() throws Exception {
    GdprKit gdpr = kit();
    int logged = 0;
    int refused = 0;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        SubjectId subject = SubjectId.of("contact-" + round);
        CyclicBarrier start = new CyclicBarrier(2);
        int head = ThreadLocalRandom.current().nextInt(0, 2_000); // spreads where the disclosure meets the erasure
        Future<?> erasure = pool.submit(() -> {
          start.await();
          return gdpr.erasure().erase(subject);
        });
        Future<Boolean> disclosure = pool.submit(() -> {
          start.await();
          for (int spin = 0; spin < head; spin++) {
            Thread.onSpinWait();
          }
          try {
            gdpr.recipients().disclose(subject, "bank", "billing", FINANCIAL, Actor.system("sync"));
            return true;
          } catch (SubjectErasedException e) {
            return false;
          }
        });
        erasure.get(10, TimeUnit.SECONDS);
        boolean wasLogged = disclosure.get(10, TimeUnit.SECONDS);

        assertThat(log.delegate.bySubject(subject)).as("round %d: no entry names the erased subject", round)
            .isEmpty();
        // the notifier receives the subject's id: the recipient needs it to find the data it holds
        List<Notification> told = notifier.delivered.stream().filter(n -> subject.equals(n.subject())).toList();
        if (wasLogged) {
          logged++;
          assertThat(told).as("round %d: a disclosure before the erasure is told of it", round)
              .extracting(Notification::reason).containsExactly(NotificationReason.ERASED);
        } else {
          refused++;
          assertThat(told).isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(loggedAfterErasure).hasValue(0);
    assertThat(logged + refused).isEqualTo(ROUNDS);
  }
}
