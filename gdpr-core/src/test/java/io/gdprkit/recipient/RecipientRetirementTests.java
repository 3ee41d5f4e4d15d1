package io.gdprkit.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/** Retiring a recipient (issue 5): history kept, no new disclosures, Art. 19 notices still sent. */
class RecipientRetirementTests {

  private static final Set<DataCategory> FINANCIAL = Set.of(DataCategory.FINANCIAL);
  private static final Actor DPO = Actor.staff("dpo");
  private static final Actor SYNC = Actor.system("sync");

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final RecordingNotifier notifier = new RecordingNotifier();
  /** A new register per kit, so that each race round starts with an active recipient. */
  private final AtomicReference<RecipientStore> register = new AtomicReference<>();
  private final AtomicInteger loggedWhileRetired = new AtomicInteger();
  private final ForwardingDisclosureStore log = new ForwardingDisclosureStore() {
    @Override
    public void append(Disclosure disclosure) {
      // Runs under the recipient's shared lock, which a retirement takes exclusively.
      if (register.get().find(disclosure.tenant(), disclosure.recipient()).orElseThrow().isRetired()) {
        loggedWhileRetired.incrementAndGet();
      }
      super.append(disclosure);
    }
  };
  private final Recipient bank = Recipient.of("bank", RecipientKind.THIRD_PARTY, "Bank", "privacy@bank.example",
      CountryCode.of("AT"));

  private GdprKit kit(Clock time) {
    register.set(RecipientStore.inMemory());
    GdprKit gdpr = GdprKit.builder().clock(time)
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
        .recipientStore(register.get()).allowGeneratedKeys().disclosureStore(log).recipientNotifier(notifier).build();
    gdpr.recipients().register(bank, DPO);
    return gdpr;
  }

  private static List<AuditRecord> registerChanges(GdprKit gdpr) {
    return gdpr.audit().entries(TenantId.DEFAULT, 0, 1_000).stream().map(AuditEntry::record)
        .filter(r -> r.kind() == AuditKind.REGISTER_CHANGED).toList();
  }

  @Test
  void keepsTheHistoryRefusesNewDisclosuresAndStillTellsTheRecipientOfAnErasure() {
    GdprKit gdpr = kit(clock);
    Disclosure before = gdpr.recipients().disclose(alice, "bank", "billing", FINANCIAL, SYNC);
    clock.advance(Duration.ofDays(1));

    Recipient retired = gdpr.recipients().retire("bank", "contract ended 2026-11-23", DPO);

    assertThat(retired.retiredAt()).isEqualTo(clock.instant());
    assertThat(retired.retirementReason()).isEqualTo("contract ended 2026-11-23");
    assertThat(retired.withSafeguard(Safeguard.STANDARD_CONTRACTUAL_CLAUSES, "SCC 2026").retiredAt()).isEqualTo(clock.instant());
    assertThat(gdpr.recipients().recipients()).containsExactly(retired);
    assertThat(gdpr.recipients().recipientsOf(alice)).containsExactly(retired);
    assertThat(gdpr.recipients().disclosures(alice)).containsExactly(before);
    assertThatThrownBy(() -> gdpr.recipients().disclose(alice, "bank", "billing", FINANCIAL, SYNC))
        .isInstanceOfSatisfying(RecipientRetiredException.class, e -> {
          assertThat(e.recipient()).isEqualTo("bank");
          assertThat(e.retiredAt()).isEqualTo(clock.instant());
        });
    assertThat(gdpr.recipients().disclosures(alice)).containsExactly(before);

    gdpr.erasure().erase(alice);

    assertThat(notifier.recipientsTold(NotificationReason.ERASED)).containsExactly("bank");
    assertThat(registerChanges(gdpr)).extracting(r -> r.details().get("change")).containsExactly("added", "retired");
  }

  @Test
  void retiringTwiceKeepsTheFirstRetirementAndAuditsOnce() {
    GdprKit gdpr = kit(clock);
    Recipient first = gdpr.recipients().retire("bank", "contract ended", DPO);
    clock.advance(Duration.ofHours(1));

    Recipient second = gdpr.recipients().retire("bank", "another reason", Actor.staff("admin"));

    assertThat(second).isEqualTo(first);
    assertThat(registerChanges(gdpr)).hasSize(2);
  }

  @Test
  void refusesToReplaceARetiredEntryOrToRegisterOneAlreadyRetired() {
    GdprKit gdpr = kit(clock);
    Recipient retired = gdpr.recipients().retire("bank", "contract ended", DPO);
    Recipient again = Recipient.of("bank", RecipientKind.PROCESSOR, "Other Bank", "dpo@other.example",
        CountryCode.of("DE"));

    assertThatThrownBy(() -> gdpr.recipients().register(again, DPO))
        .isInstanceOf(RecipientRetiredException.class).hasMessageContaining("register the recipient under a new id");
    assertThatThrownBy(() -> gdpr.recipients().register(
        again.retired(Instant.parse("2026-01-01T00:00:00Z"), "gone"), DPO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be retired when registered");

    assertThat(gdpr.recipients().recipient("bank")).contains(retired);
    assertThat(registerChanges(gdpr)).hasSize(2);
  }

  @Test
  void refusesAnUnknownRecipientOrABlankReasonAndWritesNothing() {
    GdprKit gdpr = kit(clock);

    assertThatThrownBy(() -> gdpr.recipients().retire("nobody", "gone", DPO))
        .isInstanceOf(UnknownRecipientException.class);
    assertThatThrownBy(() -> gdpr.recipients().retire("bank", " ", DPO))
        .isInstanceOf(InvalidInputException.class).hasMessage("retirement reason must not be blank");

    assertThat(gdpr.recipients().recipient("bank")).contains(bank);
    assertThat(registerChanges(gdpr)).hasSize(1);
  }

  @Test
  @Timeout(60)
  void aDisclosureRacingTheRetirementIsLoggedBeforeItOrRefused() throws Exception {
    int rounds = 200;
    int logged = 0;
    int refused = 0;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < rounds; round++) {
        GdprKit gdpr = kit(Clock.systemUTC());
        SubjectId subject = SubjectId.of("contact-" + round);
        CyclicBarrier start = new CyclicBarrier(2);
        Future<?> retirement = pool.submit(() -> {
          start.await();
          return gdpr.recipients().retire("bank", "contract ended", DPO);
        });
        Future<Boolean> disclosure = pool.submit(() -> {
          start.await();
          try {
            gdpr.recipients().disclose(subject, "bank", "billing", FINANCIAL, SYNC);
            return true;
          } catch (RecipientRetiredException e) {
            return false;
          }
        });
        retirement.get(10, TimeUnit.SECONDS);
        if (disclosure.get(10, TimeUnit.SECONDS)) {
          logged++;
          assertThat(gdpr.recipients().disclosures(subject)).hasSize(1);
        } else {
          refused++;
          assertThat(gdpr.recipients().disclosures(subject)).isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(loggedWhileRetired).hasValue(0);
    assertThat(logged + refused).isEqualTo(rounds);
  }
}
