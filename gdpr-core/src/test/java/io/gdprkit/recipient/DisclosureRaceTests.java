package io.gdprkit.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A disclosure racing a restriction of the same subject has two allowed outcomes: it is logged before the
 * restriction takes effect, and its recipient is then told of the restriction (Art. 19); or it is refused as
 * {@code RESTRICTED} and nothing is logged. A disclosure logged while the subject is restricted is never allowed.
 */
class DisclosureRaceTests {

  private static final int ROUNDS = 300;
  private static final Set<DataCategory> FINANCIAL = Set.of(DataCategory.FINANCIAL);

  private final AtomicReference<GdprKit> kit = new AtomicReference<>();
  private final AtomicInteger loggedWhileRestricted = new AtomicInteger();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final ForwardingDisclosureStore log = new ForwardingDisclosureStore() {
    @Override
    public void append(Disclosure disclosure) {
      // The append runs under the subject's lock, so no restriction can be recorded while this looks.
      if (kit.get().restrictions().isRestricted(disclosure.subject())) {
        loggedWhileRestricted.incrementAndGet();
      }
      super.append(disclosure);
    }
  };

  @Test
  @Timeout(60)
  void neverLogsADisclosureAfterTheRestrictionTookEffect() throws Exception {
    GdprKit gdpr = GdprKit.builder()
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
        .disclosureStore(log).recipientNotifier(notifier).build();
    kit.set(gdpr);
    gdpr.recipients().register(Recipient.of("bank", RecipientKind.THIRD_PARTY, "Bank", "privacy@bank.example",
        CountryCode.of("AT")), Actor.staff("dpo"));
    int logged = 0;
    int refused = 0;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        SubjectId subject = SubjectId.of("contact-" + round);
        CyclicBarrier start = new CyclicBarrier(2);
        Future<?> restriction = pool.submit(() -> {
          start.await();
          return gdpr.restrictions().restrict(subject, "accuracy contested (Art. 18(1)(a))", Actor.staff("dpo"));
        });
        Future<Boolean> disclosure = pool.submit(() -> {
          start.await();
          try {
            gdpr.recipients().disclose(subject, "bank", "billing", FINANCIAL, Actor.system("sync"));
            return true;
          } catch (DisclosureRefusedException e) {
            assertThat(e.reason()).isEqualTo(DecisionReason.RESTRICTED);
            return false;
          }
        });
        restriction.get(10, TimeUnit.SECONDS);
        boolean wasLogged = disclosure.get(10, TimeUnit.SECONDS);

        List<String> told = new ArrayList<>();
        gdpr.recipients().notifications(subject).forEach(n -> told.add(n.recipient() + ":" + n.reason()));
        if (wasLogged) {
          logged++;
          assertThat(gdpr.recipients().disclosures(subject)).hasSize(1);
          assertThat(told).as("round %d: a disclosure before the restriction is told of it", round)
              .containsExactly("bank:RESTRICTED");
        } else {
          refused++;
          assertThat(gdpr.recipients().disclosures(subject)).isEmpty();
          assertThat(told).isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(loggedWhileRestricted).hasValue(0);
    assertThat(logged + refused).isEqualTo(ROUNDS);
  }
}
