package io.gdprkit.suppression.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.internal.Keyset;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.suppression.ContactSuppressed;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import io.gdprkit.suppression.SuppressedContactException;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.SuppressionService;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Hashes normalised contact points with the kit's pseudonym key and keeps them, per tenant, in a {@link SuppressionStore}.
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
  private final ContactNormaliser normaliser;
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher events;
  /** Striped by tenant and hash, for speed only: the store's answer says which call added an entry. */
  private final Object[] stripes = new Object[64];

  /**
   * Creates the service.
   *
   * @param defaultPhoneRegion the region national phone numbers are read in, or {@code null} to accept only
   *     international forms
   */
  public DefaultSuppressionService(SuppressionStore store, PseudonymKey keys, Clock clock,
      @Nullable String defaultPhoneRegion, UnitOfWork unitOfWork, GdprEventPublisher events) {
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
    this.store = store;
    this.keys = keys;
    this.clock = clock;
    this.normaliser = new ContactNormaliser(defaultPhoneRegion);
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * Returns {@code region} if it can be a default phone region; for the facade's builder.
   *
   * @throws io.gdprkit.InvalidInputException if libphonenumber does not know it
   */
  public static String checkedPhoneRegion(String region) {
    return ContactNormaliser.checkedRegion(region);
  }

  @Override
  public SuppressionEntry suppress(TenantId tenant, ContactPoint point) {
    Preconditions.notNull(tenant, "tenant");
    String normalised = normaliser.normalise(point);
    Optional<SuppressionEntry> existing = find(tenant, normalised);
    if (existing.isPresent()) {
      return existing.get();
    }
    String hash = hash(normalised);
    SuppressionEntry entry;
    SuppressionEntry stored;
    synchronized (stripes[Math.floorMod(31 * tenant.hashCode() + hash.hashCode(), stripes.length)]) {
      existing = find(tenant, normalised);
      if (existing.isPresent()) {
        return existing.get();
      }
      entry = new SuppressionEntry(tenant, point.kind(), hash, clock.instant());
      stored = unitOfWork.run("suppress contact point", () -> {
        SuppressionEntry added = store.add(entry);
        // The store hands back this very entry only to the call that added it: of two calls racing, here or in
        // another instance, exactly one publishes (and so audits) the entry (Issue 9).
        if (added == entry) {
          events.publish(new ContactSuppressed(tenant, entry, entry.suppressedAt()));
        }
        return added;
      });
    }
    return stored;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Normalises each contact point, then, in one unit of work, looks each up and adds those not listed; a contact
   * point given twice is added once. As in {@link #suppress}, only the call whose entry the store kept publishes it.
   */
  @Override
  public List<Optional<SuppressionEntry>> suppressAll(TenantId tenant, List<ContactPoint> points) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(points, "points");
    List<@Nullable String> normalised = new ArrayList<>(points.size());
    for (ContactPoint point : points) {
      try {
        normalised.add(normaliser.normalise(Preconditions.notNull(point, "point")));
      } catch (InvalidInputException unusable) {
        normalised.add(null);
      }
    }
    return unitOfWork.run("suppress contact points", () -> {
      List<Optional<SuppressionEntry>> entries = new ArrayList<>(points.size());
      Map<String, SuppressionEntry> added = new HashMap<>();
      for (int i = 0; i < points.size(); i++) {
        String form = normalised.get(i);
        if (form == null) {
          entries.add(Optional.empty());
          continue;
        }
        SuppressionEntry entry = added.get(form);
        List<String> hashes = List.of();
        if (entry == null) {
          hashes = hashesUnderEveryKey(form);
          entry = find(tenant, hashes).orElse(null);
        }
        if (entry == null) {
          // the active key's hash comes first
          SuppressionEntry fresh = new SuppressionEntry(tenant, points.get(i).kind(), hashes.get(0), clock.instant());
          entry = store.add(fresh);
          if (entry == fresh) {
            events.publish(new ContactSuppressed(tenant, fresh, fresh.suppressedAt()));
          }
          added.put(form, entry);
        }
        entries.add(Optional.of(entry));
      }
      return entries;
    });
  }

  @Override
  public boolean isSuppressed(TenantId tenant, ContactPoint point) {
    Preconditions.notNull(tenant, "tenant");
    return find(tenant, normaliser.normalise(point)).isPresent();
  }

  @Override
  public void check(TenantId tenant, ContactPoint point) {
    if (isSuppressed(tenant, point)) {
      throw SuppressedContactException.of(point.kind());
    }
  }

  @Override
  public boolean release(TenantId tenant, ContactPoint point, ConsentProof proof) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(proof, "proof");
    Preconditions.check(proof.channel() == ConsentChannel.WEB_FORM || proof.channel() == ConsentChannel.EMAIL_DOUBLE_OPT_IN,
        "proof", "must come from a web form or an e-mail double opt-in: the person's own new consent");
    Preconditions.check(proof.recordedBy().equals(Actor.subject()), "proof", "must be recorded by the data subject");
    boolean removed = false;
    for (String hash : hashesUnderEveryKey(normaliser.normalise(point))) {
      removed |= store.remove(tenant, hash);
    }
    return removed;
  }

  @Override
  public List<SuppressionEntry> entries(TenantId tenant, @Nullable String afterHash, int limit) {
    return store.entries(Preconditions.notNull(tenant, "tenant"), afterHash, Preconditions.positive(limit, "limit"));
  }

  @Override
  public int rekeyPseudonyms(TenantId tenant, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    int rehashed = 0;
    for (String version : keys.earlierVersionIds()) {
      rehashed += Keyset.forEachWithPrefix(version + ':', limit - rehashed, REKEY_PAGE,
          (after, size) -> store.entries(tenant, after, size), SuppressionEntry::hash,
          entry -> store.replace(tenant, entry.hash(), new SuppressionEntry(tenant, entry.kind(),
              keys.rehash(LABEL, entry.hash()).orElseThrow(), entry.suppressedAt())));
    }
    return rehashed;
  }

  private Optional<SuppressionEntry> find(TenantId tenant, String normalised) {
    return find(tenant, hashesUnderEveryKey(normalised));
  }

  /** Returns the tenant's entry under the first of {@code hashes} that has one. */
  private Optional<SuppressionEntry> find(TenantId tenant, List<String> hashes) {
    for (String hash : hashes) {
      Optional<SuppressionEntry> entry = store.find(tenant, hash);
      if (entry.isPresent()) {
        return entry;
      }
    }
    return Optional.empty();
  }

  /** The hash a new entry gets: the keyed pseudonym of the normalised form under the active key. */
  private String hash(String normalised) {
    return keys.pseudonym(LABEL, normalised);
  }

  /** The hashes an existing entry may have: one under every key, the active one first. */
  private List<String> hashesUnderEveryKey(String normalised) {
    return keys.everyVersion(LABEL, normalised);
  }
}
