package io.gdprkit.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.data.RelationType;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.ErasureIncompleteException;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.encryption.spi.WrappedKey;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Erasure through the facade shreds the subject's data key, also when a crash interrupts it. */
class CryptoShreddingErasureTests {

  static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "CRM contacts", List.of(
      FieldDescriptor.of("phone", DataCategory.CONTACT_DETAILS, ErasureStrategy.deleteRecord())));

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final Instant lastYear = Instant.parse("2025-11-23T10:00:00Z");
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);
  private final SubjectId alice = SubjectId.of("contact-42");
  private final SubjectId bob = SubjectId.of("contact-43");

  private GdprKit kit(PersonalDataProvider... providers) {
    GdprKit.Builder builder = GdprKit.builder().clock(clock)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withDataCategories(DataCategory.CONTACT_DETAILS));
    for (PersonalDataProvider provider : providers) {
      builder.personalData(provider);
    }
    return builder.build();
  }

  /** A provider whose database dies on the first erasure, like a JVM killed mid-erasure. */
  private static final class DyingProvider implements PersonalDataProvider {
    private final AtomicInteger deaths = new AtomicInteger(1);

    @Override
    public ProviderDescriptor describe() {
      return ProviderDescriptor.of("visits", "Web visits", List.of(
          FieldDescriptor.of("page", DataCategory.BEHAVIOURAL, ErasureStrategy.deleteRecord())));
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {}

    @Override
    public void erase(SubjectId subject, ErasureContext context) {
      if (deaths.getAndDecrement() > 0) {
        throw new IllegalStateException("connection reset");
      }
    }
  }

  @Test
  void aCompletedErasureHasShreddedTheKeySoABackupCopyNoLongerDecrypts() {
    GdprKit gdpr = kit(contacts);
    String column = gdpr.encryption().encryptText(alice, "phone", "+49 30 1234");
    contacts.put(alice, "c-42", Map.of("phone", column), lastYear);
    String backup = column;
    String bobsColumn = gdpr.encryption().encryptText(bob, "phone", "+49 30 5678");

    ErasureReport report = gdpr.erasure().erase(alice);

    assertThat(report.recordsDeleted()).isEqualTo(1);
    assertThat(gdpr.encryption().isShredded(alice)).isTrue();
    assertThatThrownBy(() -> gdpr.encryption().decryptText(alice, "phone", backup))
        .isInstanceOf(SubjectKeyDestroyedException.class);
    assertThat(gdpr.encryption().decryptText(bob, "phone", bobsColumn)).isEqualTo("+49 30 5678");
  }

  @Test
  void aCrashMidErasureStillEndsShreddedAfterResume() {
    DyingProvider dying = new DyingProvider();
    GdprKit gdpr = kit(contacts, dying);
    String column = gdpr.encryption().encryptText(alice, "phone", "+49 30 1234");
    contacts.put(alice, "c-42", Map.of("phone", column), lastYear);
    assertThatThrownBy(() -> gdpr.erasure().erase(alice)).isInstanceOf(ErasureIncompleteException.class);
    boolean shreddedBeforeResume = gdpr.encryption().isShredded(alice);

    List<ErasureReport> resumed = gdpr.erasure().resumePending();

    assertThat(shreddedBeforeResume).as("the key dies with the job's last step, not before").isFalse();
    assertThat(resumed).hasSize(1);
    assertThat(gdpr.encryption().isShredded(alice)).isTrue();
    assertThatThrownBy(() -> gdpr.encryption().decryptText(alice, "phone", column))
        .isInstanceOf(SubjectKeyDestroyedException.class);
  }

  @Test
  void shredsTheSubjectsReachedByTheCascadeToo() {
    SubjectId acme = SubjectId.of("company-1");
    GdprKit gdpr = kit(contacts);
    contacts.put(acme, "c-1", Map.of("phone", "x"), lastYear);
    contacts.relate(new Relation(acme, alice, RelationType.COMPANY_EMPLOYEE));
    String column = gdpr.encryption().encryptText(alice, "phone", "+49 30 1234");

    gdpr.erasure().erase(acme);

    assertThatThrownBy(() -> gdpr.encryption().decryptText(alice, "phone", column))
        .isInstanceOf(SubjectKeyDestroyedException.class);
  }

  @Test
  void auditsTheDestructionByPseudonymAfterTheErasure() {
    GdprKit gdpr = kit(contacts);
    gdpr.encryption().encryptText(alice, "phone", "+49 30 1234");

    gdpr.erasure().erase(alice);
    gdpr.encryption().shred(alice);

    List<AuditEntry> trail = gdpr.audit().entries(TenantId.DEFAULT, 0, 10);
    assertThat(trail).extracting(entry -> entry.record().kind())
        .containsExactly(AuditKind.ERASED, AuditKind.KEY_DESTROYED);
    assertThat(trail.get(1).record().subjectPseudonym()).isEqualTo(trail.get(0).record().subjectPseudonym())
        .doesNotContain("contact-42");
  }

  @Test
  void replayingTombstonesAfterAKeyStoreRestoreShredsTheRestoredKeyAgain() {
    KeyRing keys = KeyRing.of("k1", new byte[32]);
    PseudonymKey pseudonyms = PseudonymKey.of("p1", new byte[32]);
    KeyEncryptionKeys keks = KeyEncryptionKeys.of("kek-1", new byte[32]);
    ErasureStore erasures = ErasureStore.inMemory();
    SubjectKeyStore live = SubjectKeyStore.inMemory();
    GdprKit gdpr = GdprKit.builder().keyRing(keys).pseudonymKey(pseudonyms).keyEncryptionKeys(keks).subjectKeyStore(live)
        .erasureStore(erasures).build();
    String column = gdpr.encryption().encryptText(alice, "phone", "+49 30 1234");
    SubjectKeyStore backup = SubjectKeyStore.inMemory();
    backup.create((WrappedKey) live.find(alice).orElseThrow()); // last night's backup of the key store
    gdpr.erasure().erase(alice);
    GdprKit restored = GdprKit.builder().keyRing(keys).pseudonymKey(pseudonyms).keyEncryptionKeys(keks).subjectKeyStore(backup)
        .erasureStore(erasures).build();
    String readableAgain = restored.encryption().decryptText(alice, "phone", column);

    restored.erasure().replayTombstones(Stream.of(alice, bob));

    assertThat(readableAgain).as("a restored key store brings the key back until the replay").isEqualTo("+49 30 1234");
    assertThatThrownBy(() -> restored.encryption().decryptText(alice, "phone", column))
        .isInstanceOf(SubjectKeyDestroyedException.class);
  }

  @Test
  void anErasureOfOnePurposeKeepsTheKey() {
    GdprKit gdpr = kit(contacts);
    String column = gdpr.encryption().encryptText(alice, "phone", "+49 30 1234");

    gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("newsletter"));

    assertThat(gdpr.encryption().isShredded(alice)).isFalse();
    assertThat(gdpr.encryption().decryptText(alice, "phone", column)).isEqualTo("+49 30 1234");
  }
}
