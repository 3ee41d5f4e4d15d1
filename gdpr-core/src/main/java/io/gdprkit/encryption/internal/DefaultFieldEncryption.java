package io.gdprkit.encryption.internal;

import io.gdprkit.internal.Base64Url;
import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.crypto.UnknownKeyException;
import io.gdprkit.encryption.DataKeyCacheOptions;
import io.gdprkit.encryption.DecryptionFailedException;
import io.gdprkit.encryption.DecryptionFailedException.Reason;
import io.gdprkit.encryption.FieldEncryption;
import io.gdprkit.encryption.KeyEncryptionKeys;
import io.gdprkit.encryption.SubjectKeyDestroyedException;
import io.gdprkit.encryption.spi.DestroyedKey;
import io.gdprkit.encryption.spi.SubjectKeyState;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.encryption.spi.WrappedKey;
import io.gdprkit.encryption.DataKeyDestroyed;
import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventListener;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.subject.SubjectId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM field encryption under per-subject data keys kept wrapped in a {@link SubjectKeyStore}.
 *
 * <p>The hot path, a subject whose key is cached, reads no store, creates no {@code Cipher} and allocates the
 * output, the GCM parameters and what the JDK's cipher allocates inside. A cache miss reads the store twice: once
 * to load the key and once after caching it, so a key destroyed in between is dropped again and never survives
 * a {@link #shred} in the cache.
 *
 * <p>Staleness across instances: a key destroyed through another instance sharing the store is served from this
 * instance's cache for at most the {@linkplain DataKeyCacheOptions#timeToLive() time to live}; a {@link #shred}
 * through this instance evicts it at once.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultFieldEncryption implements FieldEncryption, GdprEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultFieldEncryption.class);
  private static final byte FORMAT = 1;
  private static final int HEADER = 5;
  private static final int BODY = HEADER + Gcm.IV_BYTES;
  private static final int OVERHEAD = BODY + Gcm.TAG_BYTES;
  private static final int MAX_FIELD_NAMES = 1_024;
  private static final int ATTEMPTS = 5;
  private static final int RETIRE_BATCH = 500;
  private static final byte[] WRAP_LABEL = "gdpr-kit/data-key/v1".getBytes(StandardCharsets.US_ASCII);

  private final SubjectKeyStore store;
  private final KeyEncryptionKeys keks;
  private final Clock clock;
  private final DataKeyCache cache;
  private final ConcurrentHashMap<String, byte[]> fieldData = new ConcurrentHashMap<>();
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher events;

  public DefaultFieldEncryption(SubjectKeyStore store, KeyEncryptionKeys keks, Clock clock,
      DataKeyCacheOptions cache, UnitOfWork unitOfWork, GdprEventPublisher events) {
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
    this.store = Preconditions.notNull(store, "store");
    this.keks = Preconditions.notNull(keks, "keks");
    this.clock = Preconditions.notNull(clock, "clock");
    this.cache = new DataKeyCache(Preconditions.notNull(cache, "cache"));
  }

  /**
   * Destroys the subject's data key once an erasure of everything committed (crypto-shredding follows erasure:
   * copies of the ciphertext in backups become unreadable). Idempotent: a key destroyed already stays so.
   *
   * <p>An erasure that kept data until a date (Art. 17(3), a retain strategy) keeps the key, or the kept data would be
   * unreadable and so erased after all; the release that erases the last of it destroys the key.
   */
  @Override
  public void on(GdprEvent event) {
    if (event instanceof SubjectErased erased && erased.nothingLeft()) {
      shred(erased.subject());
    }
  }

  @Override
  public byte[] encrypt(SubjectId subject, String field, byte[] plaintext) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(field, "field");
    Preconditions.notNull(plaintext, "plaintext");
    DataKeyCache.Entry key = cache.get(subject);
    byte[] associatedData = key != null ? key.knownAssociatedData(field) : null;
    if (key == null || associatedData == null) { // first use of this key or field: check the field before the store
      byte[] fieldBytes = fieldData(field);
      key = key != null ? key : keyForEncryption(subject);
      associatedData = key.associatedData(field, fieldBytes);
    }
    byte[] out = new byte[OVERHEAD + plaintext.length];
    out[0] = FORMAT;
    putInt(out, 1, key.version);
    Gcm gcm = Gcm.local();
    gcm.randomIv(out, HEADER);
    Cipher cipher = gcm.cipher();
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key.key, Gcm.iv(out, HEADER));
      cipher.updateAAD(associatedData);
      cipher.doFinal(plaintext, 0, plaintext.length, out, BODY);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused to encrypt with a 256-bit key", e);
    }
  }

  @Override
  public byte[] decrypt(SubjectId subject, String field, byte[] ciphertext) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(field, "field");
    Preconditions.notNull(ciphertext, "ciphertext");
    if (ciphertext.length < OVERHEAD) {
      fieldData(field);
      throw DecryptionFailedException.of(Reason.MALFORMED, subject, field);
    }
    if (ciphertext[0] != FORMAT) {
      fieldData(field);
      throw DecryptionFailedException.of(Reason.UNSUPPORTED_FORMAT, subject, field);
    }
    int version = getInt(ciphertext, 1);
    DataKeyCache.Entry key = cache.get(subject);
    byte[] associatedData = key != null && key.version == version ? key.knownAssociatedData(field) : null;
    if (key == null || associatedData == null) { // first use of this key or field: check the field before the store
      byte[] fieldBytes = fieldData(field);
      key = key != null && key.version == version ? key : keyForDecryption(subject, field, version);
      associatedData = key.associatedData(field, fieldBytes);
    }
    // The key's prefix repeats this ciphertext's header: the format was checked and the version chose the key.
    Cipher cipher = Gcm.local().cipher();
    try {
      cipher.init(Cipher.DECRYPT_MODE, key.key, Gcm.iv(ciphertext, HEADER));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(ciphertext, BODY, ciphertext.length - BODY);
    } catch (AEADBadTagException e) {
      throw DecryptionFailedException.of(Reason.NOT_AUTHENTIC, subject, field);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused to decrypt with a 256-bit key", e);
    }
  }

  @Override
  public String encryptText(SubjectId subject, String field, String plaintext) {
    Preconditions.notNull(plaintext, "plaintext");
    return TEXT_PREFIX + Base64Url.encode(encrypt(subject, field, plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String decryptText(SubjectId subject, String field, String ciphertext) {
    Preconditions.notNull(subject, "subject");
    fieldData(field);
    Preconditions.notNull(ciphertext, "ciphertext");
    if (!ciphertext.startsWith(TEXT_PREFIX)) {
      throw DecryptionFailedException.of(Reason.MALFORMED, subject, field);
    }
    byte[] binary = Base64Url.decodeCanonical(ciphertext.substring(TEXT_PREFIX.length()));
    if (binary == null) {
      throw DecryptionFailedException.of(Reason.MALFORMED, subject, field);
    }
    return new String(decrypt(subject, field, binary), StandardCharsets.UTF_8);
  }

  @Override
  public boolean shred(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    Instant now = clock.instant();
    boolean destroyed = unitOfWork.run("destroy data key", () -> {
      boolean live = store.destroy(subject, now);
      if (live) {
        events.publish(new DataKeyDestroyed(subject, now));
      }
      return live;
    });
    cache.evict(subject); // after the store: a loader that cached the key before the destroy is evicted here
    if (destroyed) {
      LOG.info("data key of subject {} destroyed", subject);
    }
    return destroyed;
  }

  @Override
  public boolean isShredded(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return store.find(subject).filter(DestroyedKey.class::isInstance).isPresent();
  }

  @Override
  public long rewrap(int batchSize) {
    Preconditions.positive(batchSize, "batchSize");
    String active = keks.activeKeyId();
    long[] rewrapped = {0};
    forEachKeyNotUnder(active, batchSize, key -> {
      byte[] context = wrapContext(key.subject(), key.version());
      byte[] raw = unwrap(key, context, null);
      try {
        if (store.replace(key, key.rewrapped(active, keks.wrap(active, raw, context)))) {
          rewrapped[0]++;
        }
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    });
    LOG.info("re-wrapped {} data keys under key-encryption key {}", rewrapped[0], active);
    return rewrapped[0];
  }

  @Override
  public void retireKek(String kekId) {
    Preconditions.notNull(kekId, "kekId");
    String active = keks.activeKeyId();
    Preconditions.check(!kekId.equals(active), "kekId", "is the active key-encryption key; rotate first");
    forEachKeyNotUnder(active, RETIRE_BATCH, key -> Preconditions.check(!key.kekId().equals(kekId), "kekId",
        "still wraps data keys (subject " + key.subject() + " among them); run rewrap first"));
    keks.retire(kekId);
    LOG.info("key-encryption key {} retired", kekId);
  }

  /** Visits every live key wrapped by another KEK than {@code kekId}, reading {@code batchSize} at a time. */
  private void forEachKeyNotUnder(String kekId, int batchSize, Consumer<WrappedKey> action) {
    List<WrappedKey> page = store.wrappedByOtherThan(kekId, null, batchSize);
    while (!page.isEmpty()) {
      page.forEach(action);
      page = store.wrappedByOtherThan(kekId, page.get(page.size() - 1).subject(), batchSize);
    }
  }

  @Override
  public KeyEncryptionKeys keyEncryptionKeys() {
    return keks;
  }

  /** Returns the number of unwrapped keys cached now; for tests. */
  public int cachedKeys() {
    return cache.size();
  }

  private DataKeyCache.Entry keyForEncryption(SubjectId subject) {
    DataKeyCache.Entry cached = cache.get(subject);
    if (cached != null) {
      return cached;
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<SubjectKeyState> state = store.find(subject);
      DataKeyCache.Entry entry;
      if (state.isPresent() && state.get() instanceof WrappedKey live) {
        entry = load(live, null);
      } else {
        int version = state.map(destroyed -> destroyed.version() + 1).orElse(1);
        byte[] raw = Gcm.newKey();
        try {
          String kek = keks.activeKeyId();
          WrappedKey candidate = new WrappedKey(subject, version, kek,
              keks.wrap(kek, raw, wrapContext(subject, version)), clock.instant());
          SubjectKeyState stored = store.create(candidate);
          if (!(stored instanceof WrappedKey live)) {
            continue; // a racing erasure destroyed a newer key; start again above it
          }
          entry = live.equals(candidate) ? new DataKeyCache.Entry(version, Gcm.key(raw), entryPrefix(subject, version))
              : load(live, null); // a racing call created the key first: use its key
        } finally {
          Arrays.fill(raw, (byte) 0);
        }
      }
      if (publish(subject, entry)) {
        return entry;
      }
    }
    throw keptChanging(subject);
  }

  private DataKeyCache.Entry keyForDecryption(SubjectId subject, String field, int version) {
    DataKeyCache.Entry cached = cache.get(subject);
    if (cached != null && cached.version == version) {
      return cached;
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SubjectKeyState state = store.find(subject)
          .orElseThrow(() -> DecryptionFailedException.of(Reason.UNKNOWN_KEY_VERSION, subject, field));
      if (version <= 0 || version > state.version()) {
        throw DecryptionFailedException.of(Reason.UNKNOWN_KEY_VERSION, subject, field);
      }
      if (!(state instanceof WrappedKey live) || version < live.version()) {
        throw SubjectKeyDestroyedException.of(subject, version); // older versions end only by destruction
      }
      DataKeyCache.Entry entry = load(live, field);
      if (publish(subject, entry)) {
        return entry;
      }
    }
    throw keptChanging(subject);
  }

  private static IllegalStateException keptChanging(SubjectId subject) {
    return new IllegalStateException("the data key of subject " + subject + " changed " + ATTEMPTS
        + " times while being loaded; is something destroying and creating it in a loop?");
  }

  /** Caches the entry, then keeps it only if the store still holds that key version live. */
  private boolean publish(SubjectId subject, DataKeyCache.Entry entry) {
    cache.put(subject, entry);
    Optional<SubjectKeyState> now = store.find(subject);
    if (now.isPresent() && now.get() instanceof WrappedKey live && live.version() == entry.version) {
      return true;
    }
    cache.remove(subject, entry);
    return false;
  }

  private DataKeyCache.Entry load(WrappedKey live, @Nullable String field) {
    byte[] raw = unwrap(live, wrapContext(live.subject(), live.version()), field);
    try {
      return new DataKeyCache.Entry(live.version(), Gcm.key(raw),
          entryPrefix(live.subject(), live.version()));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private byte[] unwrap(WrappedKey key, byte[] context, @Nullable String field) {
    try {
      return keks.unwrap(key.kekId(), key.wrapped(), context);
    } catch (UnknownKeyException e) {
      throw failure(Reason.UNKNOWN_KEK, key.subject(), field);
    } catch (AEADBadTagException e) {
      throw failure(Reason.KEK_MISMATCH, key.subject(), field);
    }
  }

  private static DecryptionFailedException failure(Reason reason, SubjectId subject, @Nullable String field) {
    return field == null ? DecryptionFailedException.ofDataKey(reason, subject)
        : DecryptionFailedException.of(reason, subject, field);
  }

  /** Returns the header of a ciphertext under this key version followed by the subject's associated data. */
  private static byte[] entryPrefix(SubjectId subject, int version) {
    byte[] subjectData = subjectData(subject);
    byte[] prefix = new byte[HEADER + subjectData.length];
    prefix[0] = FORMAT;
    putInt(prefix, 1, version);
    System.arraycopy(subjectData, 0, prefix, HEADER, subjectData.length);
    return prefix;
  }

  /** Returns the field's associated data, {@code length(1) || ascii}, cached for the first field names seen. */
  private byte[] fieldData(String field) {
    byte[] known = fieldData.get(Preconditions.notNull(field, "field"));
    if (known != null) {
      return known;
    }
    Preconditions.identifier(field, "field", 64);
    byte[] name = field.getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[1 + name.length];
    data[0] = (byte) name.length;
    System.arraycopy(name, 0, data, 1, name.length);
    if (fieldData.size() < MAX_FIELD_NAMES) {
      fieldData.putIfAbsent(field, data);
    }
    return data;
  }

  /** Returns the subject's associated data: tenant and id, each length-prefixed, so no two subjects share it. */
  private static byte[] subjectData(SubjectId subject) {
    byte[] tenant = subject.tenant().value().getBytes(StandardCharsets.US_ASCII);
    byte[] id = subject.value().getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(2 + tenant.length + 2 + id.length)
        .putShort((short) tenant.length).put(tenant).putShort((short) id.length).put(id).array();
  }

  /** Returns what a wrapped data key is bound to: a label, its subject and its version. */
  private static byte[] wrapContext(SubjectId subject, int version) {
    byte[] subjectData = subjectData(subject);
    return ByteBuffer.allocate(WRAP_LABEL.length + subjectData.length + 4)
        .put(WRAP_LABEL).put(subjectData).putInt(version).array();
  }

  private static void putInt(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) (value >>> 24);
    bytes[offset + 1] = (byte) (value >>> 16);
    bytes[offset + 2] = (byte) (value >>> 8);
    bytes[offset + 3] = (byte) value;
  }

  private static int getInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
        | bytes[offset + 3] & 0xff;
  }
}
