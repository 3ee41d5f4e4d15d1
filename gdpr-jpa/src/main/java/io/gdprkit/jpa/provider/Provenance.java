package io.gdprkit.jpa.provider;

import io.gdprkit.jpa.provider.EncryptedColumnException.Reason;
import io.gdprkit.subject.SubjectId;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Whose each plaintext {@code String} object is, by identity: the bridge between the entity listener, which sees the
 * entity, and the converter, which sees only the value.
 *
 * <p>Two kinds of knowledge are kept, each only as long as the value object lives (keys are weak):
 * <ul>
 *   <li><b>Owners</b>: entities about to be written whose encrypted attribute holds the object, registered by
 *       {@link EncryptionListener} before the write and removed after it. The converter asks them for their subject
 *       at write time, when an id assigned on persist is known.
 *   <li><b>Origin</b>: the ciphertext the converter decrypted the object from, so that an unchanged value is written
 *       back as the same ciphertext, never re-encrypted.
 * </ul>
 *
 * <p>Identity, not equality: two contacts may share an e-mail address, never a {@code String} object the listener
 * gave each of them. Thread-safe.
 */
final class Provenance {

  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
  private static final ConcurrentHashMap<Key, Entry> ENTRIES = new ConcurrentHashMap<>();

  private Provenance() {}

  /**
   * The ciphertext a value was read from.
   *
   * @param subject whose it is, from the ciphertext's header
   * @param label the converter's field label it was decrypted with
   * @param column the column value, header included
   */
  record Origin(SubjectId subject, String label, String column) {}

  /** What is known of one value object. */
  private static final class Entry {
    volatile @Nullable Origin origin;
    final List<Owner> owners = new ArrayList<>(1);
  }

  private record Owner(WeakReference<Object> entity, ListenerModel model) {}

  /** Records the ciphertext {@code plaintext} was decrypted from. */
  static void read(String plaintext, Origin origin) {
    entry(plaintext).origin = origin;
  }

  /** Registers {@code entity}, about to be written, as an owner of {@code value}. */
  static void own(String value, Object entity, ListenerModel model) {
    Entry entry = entry(value);
    synchronized (entry.owners) {
      entry.owners.removeIf(owner -> owner.entity().get() == null || owner.entity().get() == entity);
      entry.owners.add(new Owner(new WeakReference<>(entity), model));
    }
  }

  /** Removes {@code entity} as an owner of {@code value}, once it was written. */
  static void disown(String value, Object entity) {
    Entry entry = ENTRIES.get(new Key(value, null));
    if (entry != null) {
      synchronized (entry.owners) {
        entry.owners.removeIf(owner -> owner.entity().get() == null || owner.entity().get() == entity);
      }
    }
  }

  /** Returns the ciphertext {@code value} was read from, if it was. */
  static @Nullable Origin origin(String value) {
    Entry entry = ENTRIES.get(new Key(value, null));
    return entry == null ? null : entry.origin;
  }

  /**
   * Returns the subject of the entities that own {@code value}, or null when none does.
   *
   * @throws EncryptedColumnException if an owner's subject is not set yet, or owners disagree
   */
  static @Nullable SubjectId ownerSubject(String value) {
    Entry entry = ENTRIES.get(new Key(value, null));
    if (entry == null) {
      return null;
    }
    SubjectId subject = null;
    synchronized (entry.owners) {
      for (Owner owner : entry.owners) {
        Object entity = owner.entity().get();
        if (entity == null) {
          continue;
        }
        SubjectId of = owner.model().subject(entity);
        if (of == null) {
          throw EncryptedColumnException.of(Reason.SUBJECT_UNKNOWN, "the subject id of a " + owner.model().entity()
              + " is not set when its encrypted column is written; assign it before persisting");
        }
        if (subject != null && !subject.equals(of)) {
          throw EncryptedColumnException.of(Reason.AMBIGUOUS_SUBJECT, "one String object is the value of encrypted"
              + " attributes of two subjects' entities written together; give each entity a value of its own");
        }
        subject = of;
      }
    }
    return subject;
  }

  private static Entry entry(Object value) {
    expunge();
    return ENTRIES.computeIfAbsent(new Key(value, QUEUE), k -> new Entry());
  }

  private static void expunge() {
    for (Reference<?> stale = QUEUE.poll(); stale != null; stale = QUEUE.poll()) {
      ENTRIES.remove(stale);
    }
  }

  /** A weak key compared by the identity of its referent; a lookup key is made without a queue. */
  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object referent, @Nullable ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Key that) || that.hash != hash) {
        return false;
      }
      Object referent = get();
      return referent != null && referent == that.get();
    }
  }
}
