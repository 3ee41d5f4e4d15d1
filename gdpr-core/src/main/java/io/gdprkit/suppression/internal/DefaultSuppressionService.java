package io.gdprkit.suppression.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.internal.Keyset;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.suppression.SuppressedContactException;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.SuppressionService;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Hashes normalised contact points with the kit's pseudonym key and keeps them in a {@link SuppressionStore}.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultSuppressionService implements SuppressionService {

  private static final String LABEL = "suppression";
  private static final int REKEY_PAGE = 500;

  private final SuppressionStore store;
  private final PseudonymKey keys;
  private final Clock clock;
  private final List<Consumer<SuppressionEntry>> listeners = new CopyOnWriteArrayList<>();
  /** Striped by hash, so two calls adding one contact point in this JVM agree on which of them added it. */
  private final Object[] stripes = new Object[64];

  public DefaultSuppressionService(SuppressionStore store, PseudonymKey keys, Clock clock) {
    this.store = store;
    this.keys = keys;
    this.clock = clock;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * Adds a listener told of every entry this call added, not of a contact point already listed; used by the
   * facade's audit wiring. Of two calls in this JVM that race to add one contact point, one tells it; across kit
   * instances sharing a store, two that add it at the same instant may both tell it.
   */
  public void addListener(Consumer<SuppressionEntry> listener) {
    listeners.add(Preconditions.notNull(listener, "listener"));
  }

  @Override
  public SuppressionEntry suppress(ContactPoint point) {
    Optional<SuppressionEntry> existing = find(point);
    if (existing.isPresent()) {
      return existing.get();
    }
    String hash = keys.pseudonym(LABEL, normalise(point));
    SuppressionEntry entry;
    SuppressionEntry stored;
    synchronized (stripes[Math.floorMod(hash.hashCode(), stripes.length)]) {
      existing = find(point);
      if (existing.isPresent()) {
        return existing.get();
      }
      entry = new SuppressionEntry(point.kind(), hash, clock.instant());
      stored = store.add(entry);
    }
    if (stored.equals(entry)) {
      for (Consumer<SuppressionEntry> listener : listeners) {
        listener.accept(stored);
      }
    }
    return stored;
  }

  @Override
  public boolean isSuppressed(ContactPoint point) {
    return find(point).isPresent();
  }

  @Override
  public void check(ContactPoint point) {
    if (isSuppressed(point)) {
      throw SuppressedContactException.of(point.kind());
    }
  }

  @Override
  public boolean release(ContactPoint point, ConsentProof proof) {
    Preconditions.notNull(proof, "proof");
    Preconditions.check(proof.channel() == ConsentChannel.WEB_FORM || proof.channel() == ConsentChannel.EMAIL_DOUBLE_OPT_IN,
        "proof", "must come from a web form or an e-mail double opt-in: the person's own new consent");
    Preconditions.check(proof.recordedBy().equals(Actor.subject()), "proof", "must be recorded by the data subject");
    boolean removed = false;
    for (String hash : keys.everyVersion(LABEL, normalise(point))) {
      removed |= store.remove(hash);
    }
    return removed;
  }

  @Override
  public List<SuppressionEntry> entries(@Nullable String afterHash, int limit) {
    return store.entries(afterHash, Preconditions.positive(limit, "limit"));
  }

  @Override
  public int rekeyPseudonyms(int limit) {
    Preconditions.positive(limit, "limit");
    int rehashed = 0;
    for (String version : keys.earlierVersionIds()) {
      rehashed += Keyset.forEachWithPrefix(version + ':', limit - rehashed, REKEY_PAGE, store::entries,
          SuppressionEntry::hash, entry -> store.replace(entry.hash(), new SuppressionEntry(entry.kind(),
              keys.rehash(LABEL, entry.hash()).orElseThrow(), entry.suppressedAt())));
    }
    return rehashed;
  }

  private Optional<SuppressionEntry> find(ContactPoint point) {
    for (String hash : keys.everyVersion(LABEL, normalise(Preconditions.notNull(point, "point")))) {
      Optional<SuppressionEntry> entry = store.find(hash);
      if (entry.isPresent()) {
        return entry;
      }
    }
    return Optional.empty();
  }

  /** Returns the normalised form: e-mail trimmed and lower-cased; phone as digits with a leading +. */
  static String normalise(ContactPoint point) {
    String raw = point.value().value(PersonalDataAccess.unredacted()).trim();
    if (point.kind() == ContactPoint.Kind.EMAIL) {
      return "email:" + raw.toLowerCase(Locale.ROOT);
    }
    StringBuilder digits = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.length() == 0) {
        digits.append('+');
      }
    }
    String phone = digits.toString();
    if (phone.startsWith("00")) {
      phone = "+" + phone.substring(2);
    }
    Preconditions.check(phone.replace("+", "").length() >= 3, "phone", "must have at least three digits");
    return "phone:" + phone;
  }
}
