package io.gdprkit.crypto;

import static org.apiguardian.api.API.Status.STABLE;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Messages;
import io.gdprkit.crypto.spi.KeyRingSource;
import io.gdprkit.internal.Preconditions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token keys: secret keys for HMAC-SHA256, each with an id, one of them active. New tokens (double opt-in,
 * unsubscribe, identity verification) use the active key; verification uses whichever key the token names.
 *
 * <p>Rotation adds a new active key and keeps the old ones for verification, so tokens already sent
 * (a confirmation link in an inbox) keep working until their key is {@linkplain #retire retired}.
 * Every use derives its own key from the secret with HKDF-SHA256 (RFC 5869, info {@code "gdpr-kit/token/" + label}),
 * so a confirmation token can never be replayed as an unsubscribe token. Nothing that must stay matchable is
 * hashed under these keys (that is the {@link PseudonymKey}'s job), so retiring one forgets only its tokens.
 * Thread-safe.
 *
 * <p>A ring {@linkplain #following following} a {@link KeyRingSource} re-reads its keys when the source's version
 * changes, so a rotation made in the source reaches every application instance; it refuses local rotation.
 *
 * <p><b>Warning:</b> {@link #generate()} makes a key that lives only as long as this JVM; tokens
 * signed with it die at restart. Production hosts load their secrets with {@link #of(String, byte[])} or
 * through a {@link KeyRingSource}.
 *
 * <p>Usage example: <pre>{@code
 * KeyRing keys = KeyRing.of("2026-11", secretFromVault);
 * keys.rotate("2027-05", newSecret);   // old tokens still verify
 * keys.retire("2026-11");              // now they do not
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class KeyRing {

  /** Fewest secret bytes accepted: 256 bits, the HMAC-SHA256 output size. */
  public static final int MIN_SECRET_BYTES = Hmac.MIN_SECRET_BYTES;

  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
  /** Fewest milliseconds between two source checks forced by a token naming an unknown key. */
  private static final long FORCED_CHECK_MILLIS = 1_000;

  private final Map<String, byte[]> secrets = new LinkedHashMap<>();
  private final Map<String, SecretKeySpec> derived = new ConcurrentHashMap<>();
  private volatile String activeKeyId;
  private final @Nullable Follower follower;

  /** The source a following ring re-reads, and when it last did. */
  private static final class Follower {
    final KeyRingSource source;
    final Clock clock;
    final long refreshMillis;
    volatile long version;
    volatile long checkedAt;

    Follower(KeyRingSource source, Clock clock, long refreshMillis) {
      this.source = source;
      this.clock = clock;
      this.refreshMillis = refreshMillis;
    }
  }

  private KeyRing(String keyId, byte[] secret) {
    secrets.put(keyId, secret);
    this.activeKeyId = keyId;
    this.follower = null;
  }

  private KeyRing(Follower follower, long version, KeyRing first) {
    this.follower = follower;
    synchronized (first) {
      first.secrets.forEach((id, secret) -> secrets.put(id, secret.clone()));
      this.activeKeyId = first.activeKeyId;
    }
    follower.version = version;
    follower.checkedAt = follower.clock.millis();
  }

  /**
   * Returns a ring that holds the keys of {@code source} and re-reads them when its {@link KeyRingSource#version()}
   * changes: checked once per {@code refreshInterval} of {@code clock}, and at most once a second when a token names
   * a key the ring does not hold. A failing check keeps the keys already held and is retried at the next interval.
   *
   * <p>Usage example: <pre>{@code KeyRing keys = KeyRing.following(vaultSource, Clock.systemUTC(), Duration.ofSeconds(30));}</pre>
   *
   * @throws InvalidInputException if the interval is negative
   * @throws RuntimeException whatever the source throws while loading the first time
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static KeyRing following(KeyRingSource source, Clock clock, Duration refreshInterval) {
    Preconditions.notNull(source, "source");
    Preconditions.notNull(clock, "clock");
    Preconditions.check(!Preconditions.notNull(refreshInterval, "refreshInterval").isNegative(), "refreshInterval",
        "must not be negative");
    long version = source.version();
    KeyRing first = Preconditions.notNull(source.load(), "the key ring the source loaded");
    return new KeyRing(new Follower(source, clock, refreshInterval.toMillis()), version, first);
  }

  /**
   * Returns a ring whose only, active key is {@code secret}.
   *
   * @param keyId letters, digits, {@code _} and {@code -}; at most 32 characters; it travels inside tokens
   * @param secret at least {@link #MIN_SECRET_BYTES} random bytes; copied
   * @throws InvalidInputException if the id or the secret has the wrong shape
   */
  public static KeyRing of(String keyId, byte[] secret) {
    return new KeyRing(Hmac.checkId(keyId, "key id"), Hmac.checkSecret(secret));
  }

  /** Returns a ring with one random 256-bit key named {@code k1}, for tests and single-JVM demos. */
  public static KeyRing generate() {
    byte[] secret = new byte[MIN_SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return new KeyRing("k1", secret);
  }

  /**
   * Adds a key and makes it the active one; earlier keys keep verifying.
   *
   * @throws InvalidInputException if the id is taken or either argument has the wrong shape
   */
  public synchronized void rotate(String keyId, byte[] secret) {
    requireLocal();
    Hmac.checkId(keyId, "key id");
    byte[] copy = Hmac.checkSecret(secret);
    if (secrets.containsKey(keyId)) {
      throw InvalidInputException.of("key id", Messages.quote(keyId) + " is already in the key ring");
    }
    secrets.put(keyId, copy);
    activeKeyId = keyId;
  }

  /**
   * Removes a key: whatever it signed no longer verifies.
   *
   * @throws InvalidInputException if it is the active key
   * @throws UnknownKeyException if no key has this id
   */
  public synchronized void retire(String keyId) {
    requireLocal();
    if (keyId.equals(activeKeyId)) {
      throw InvalidInputException.of("key id", Messages.quote(keyId) + " is the active key; rotate to another key first");
    }
    byte[] secret = secrets.remove(keyId);
    if (secret == null) {
      throw UnknownKeyException.of(keyId);
    }
    Arrays.fill(secret, (byte) 0);
    derived.keySet().removeIf(name -> name.startsWith(keyId + '/'));
  }

  /** Returns the id of the key that signs new tokens. */
  public String activeKeyId() {
    refresh(false);
    return activeKeyId;
  }

  /** Returns the ids of every key that still verifies. */
  public Set<String> keyIds() {
    refresh(false);
    synchronized (this) {
      return Set.copyOf(secrets.keySet());
    }
  }

  /** Returns whether this ring follows a {@link KeyRingSource} rather than being rotated in place. */
  public boolean isFollowingSource() {
    return follower != null;
  }

  /**
   * Returns HMAC-SHA256 over {@code data} under the key derived for {@code label} from key {@code keyId}.
   *
   * @param keyId the key to use
   * @param label what the MAC is for, such as {@code doi-token}; different labels give unrelated MACs
   * @param data the bytes to authenticate
   * @return the 32-byte MAC
   * @throws UnknownKeyException if no key has this id
   */
  public byte[] mac(String keyId, String label, byte[] data) {
    refresh(false);
    SecretKeySpec key;
    try {
      key = derivedKey(keyId, label);
    } catch (UnknownKeyException unknown) {
      if (!refresh(true)) {
        throw unknown;
      }
      key = derivedKey(keyId, label); // another instance may have added it to the source
    }
return Hmac.sha256(key, data);
  }

  private SecretKeySpec derivedKey(String keyId, String label) {
    String name = keyId + '/' + label;
    SecretKeySpec key = derived.get(name);
    if (key != null) {
      return key;
    }
    byte[] secret;
    synchronized (this) {
      secret = secrets.get(keyId);
      if (secret == null) {
        throw UnknownKeyException.of(keyId);
      }
      key = Hkdf.hmacKey(secret, "gdpr-kit/token/" + label);
      derived.put(name, key);
      return key;
    }
  }

  /**
   * Re-reads the source if this ring follows one and a check is due; returns whether the keys changed.
   *
   * @param force check now unless one ran in the last second, because a token named a key not held
   */
  private boolean refresh(boolean force) {
    Follower f = follower;
    if (f == null) {
      return false;
    }
    long now = f.clock.millis();
    long due = f.checkedAt + (force ? Math.min(FORCED_CHECK_MILLIS, f.refreshMillis) : f.refreshMillis);
    if (now < due) {
      return false;
    }
    synchronized (f) {
      if (f.checkedAt + (force ? Math.min(FORCED_CHECK_MILLIS, f.refreshMillis) : f.refreshMillis) > now) {
        return false; // another thread just checked
      }
      f.checkedAt = now;
      try {
        long version = f.source.version();
        if (version == f.version) {
          return false;
        }
        KeyRing loaded = Preconditions.notNull(f.source.load(), "the key ring the source loaded");
        replaceWith(loaded);
        f.version = version;
        return true;
      } catch (RuntimeException e) {
        LOG.warn("could not re-read the token key ring from its source; keeping the keys held ({})",
            e.getClass().getSimpleName());
        return false;
      }
    }
  }

  private void replaceWith(KeyRing loaded) {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    String active;
    synchronized (loaded) {
      loaded.secrets.forEach((id, secret) -> copy.put(id, secret.clone()));
      active = loaded.activeKeyId;
    }
    synchronized (this) {
      secrets.values().forEach(secret -> Arrays.fill(secret, (byte) 0));
      secrets.clear();
      secrets.putAll(copy);
      derived.clear();
      activeKeyId = active;
    }
  }

  private void requireLocal() {
    if (follower != null) {
      throw new IllegalStateException("this key ring follows a KeyRingSource; rotate and retire keys in the source");
    }
  }

  /** Returns a description naming the key ids, never the secrets. */
  @Override
  public String toString() {
    return "KeyRing[active=" + activeKeyId + ", keys=" + keyIds() + "]";
  }
}
