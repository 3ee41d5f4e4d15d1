package io.gdprkit.crypto;

import static io.gdprkit.crypto.KeyedPseudonymTests.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.encryption.KeyEncryptionKeys;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.subject.TenantId;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** With a store that outlives the JVM, every key comes from the host; an in-memory kit still generates its own. */
class HostKeysTests {

  /** Stands in for a database table: any store that is not one of the bundled in-memory ones. */
  static final class DatabaseSuppressionStore implements SuppressionStore {
    private final SuppressionStore rows = SuppressionStore.inMemory();

    @Override
    public SuppressionEntry add(SuppressionEntry entry) {
      return rows.add(entry);
    }

    @Override
    public Optional<SuppressionEntry> find(TenantId tenant, String hash) {
      return rows.find(tenant, hash);
    }

    @Override
    public boolean remove(TenantId tenant, String hash) {
      return rows.remove(tenant, hash);
    }

    @Override
    public List<SuppressionEntry> entries(TenantId tenant, @Nullable String afterHash, int limit) {
      return rows.entries(tenant, afterHash, limit);
    }

    @Override
    public boolean replace(TenantId tenant, String oldHash, SuppressionEntry replacement) {
      return rows.replace(tenant, oldHash, replacement);
    }
  }

  private final KeyRing tokenKeys = KeyRing.of("k1", secret(1));
  private final PseudonymKey pseudonymKey = PseudonymKey.of("p1", secret(2));
  private final SigningKey signingKey = SigningKey.of("s1", secret(3));
  private final KeyEncryptionKeys keks = KeyEncryptionKeys.of("kek1", secret(4));

  @Test
  void refusesADurableStoreWhenKeysWouldBeGeneratedAndNamesEachOneAndHowToSupplyIt() {
    // Issue 9: build() generated every key silently, so a restart shredded everyone and forgot the suppression list
    assertThatThrownBy(() -> GdprKit.builder().suppressionStore(new DatabaseSuppressionStore()).build())
        .isInstanceOfSatisfying(KeyConfigurationException.class, e -> assertThat(e.missingKeys())
            .containsExactly("keyRing", "pseudonymKey", "signingKey", "keyEncryptionKeys"))
        .hasMessageContaining("keyRingSource(")
        .hasMessageContaining("pseudonymKey(PseudonymKey.of(")
        .hasMessageContaining("allowGeneratedKeys()");
  }

  @Test
  void namesOnlyTheKeysStillMissing() {
    // Issue 9
    assertThatThrownBy(() -> GdprKit.builder().suppressionStore(new DatabaseSuppressionStore()).keyRing(tokenKeys)
        .signingKey(signingKey).build())
        .isInstanceOfSatisfying(KeyConfigurationException.class, e -> assertThat(e.missingKeys())
            .containsExactly("pseudonymKey", "keyEncryptionKeys"))
        .hasMessageNotContaining("keyRing(");
  }

  @Test
  void aKitOnDurableStoresWithEveryHostKeyRecognisesErasedPeopleAfterARestart() {
    DatabaseSuppressionStore table = new DatabaseSuppressionStore();
    GdprKit before = GdprKit.builder().suppressionStore(table).keyRing(tokenKeys).pseudonymKey(pseudonymKey)
        .signingKey(signingKey).keyEncryptionKeys(keks).build();
    before.suppression().suppress(TenantId.DEFAULT, ContactPoint.email("alice@example.com"));

    GdprKit restarted = GdprKit.builder().suppressionStore(table).keyRing(KeyRing.of("k1", secret(1)))
        .pseudonymKey(PseudonymKey.of("p1", secret(2))).signingKey(SigningKey.of("s1", secret(3)))
        .keyEncryptionKeys(KeyEncryptionKeys.of("kek1", secret(4))).build();

    assertThat(restarted.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.email("alice@example.com"))).isTrue();
  }

  @Test
  void keyRingSourceSuppliesTheTokenKeys() {
    GdprKit kit = GdprKit.builder().suppressionStore(new DatabaseSuppressionStore())
        .keyRingSource(new KeyRingSourceTests.SharedSource()).pseudonymKey(pseudonymKey).signingKey(signingKey)
        .keyEncryptionKeys(keks).build();

    assertThat(kit.keys().isFollowingSource()).isTrue();
  }

  @Test
  void anInMemoryKitAndATestThatAllowsItStillGenerateKeys() {
    GdprKit inMemory = GdprKit.builder().suppressionStore(SuppressionStore.inMemory())
        .subjectKeyStore(SubjectKeyStore.inMemory()).build();
    GdprKit allowed = GdprKit.builder().suppressionStore(new DatabaseSuppressionStore()).allowGeneratedKeys().build();

    String column = allowed.encryption().encryptText(SubjectId.of("contact-42"), "phone", "+49 30 1234");

    assertThat(inMemory.pseudonymKey().versionId()).isEqualTo("p1");
    assertThat(allowed.encryption().decryptText(SubjectId.of("contact-42"), "phone", column)).isEqualTo("+49 30 1234");
  }
}
