package io.gdprkit.jpa.retention;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.LazyVendor;
import io.gdprkit.jpa.internal.Micros;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.jpa.internal.Subjects;
import io.gdprkit.jpa.retention.internal.CampaignRow;
import io.gdprkit.jpa.retention.internal.ClaimRow;
import io.gdprkit.jpa.retention.internal.LeaseColumns;
import io.gdprkit.jpa.retention.internal.MemberRow;
import io.gdprkit.retention.Campaign;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Last activity per subject, retention claims and re-permission campaigns (Art. 5(1)(e): personal data kept no
 * longer than necessary) in the tables of {@code V1_11__gdpr_retention.sql}, shared by every instance of the host.
 *
 * <p>A claim is leased: the sweep that wins it holds it until its lease ends, and a sweep that died leaves it to run
 * out. Claiming a row that exists takes it with {@code SELECT … FOR UPDATE SKIP LOCKED}, so a sweep never waits for
 * another that is claiming the same subject: it passes it over, as it passes over a held lease. The first claim of
 * a rule on a subject inserts the row, and of racing first claims the database lets exactly one insert it.
 *
 * <p>Claims and completions read the subject's activity with a shared lock, and an erasure deletes it first, so
 * they take turns: a claim never survives the erasure of its subject, and an erased subject is never marked
 * processed. Times are kept to the microsecond, the precision of the tables.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().retentionStore(new JpaRetentionStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaRetentionStore implements RetentionStore {

  private static final String[] CLAIM_COLUMNS =
      {"tenant", "subject", "rule_id", "lease_owner", "lease_until", "claimed_activity"};
  private static final String[] MEMBER_COLUMNS = {"campaign_id", "tenant", "subject"};
  private static final String[] CAMPAIGN_COLUMNS = {"id", "purpose", "started_at", "deadline"};

  private final JpaTransactions transactions;
  private final LazyVendor vendor = new LazyVendor();

  /** Creates the store on the kit's unit of work. */
  public JpaRetentionStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  /**
   * Raises the last activity in one statement: an upsert that keeps the later time, so racing recorders never
   * lose the latest one, and MariaDB takes no shared lock that a second statement would have to upgrade.
   */
  @Override
  public void recordActivity(SubjectId subject, Instant at) {
    Preconditions.notNull(subject, "subject");
    Instant kept = Micros.truncate(Preconditions.notNull(at, "at"));
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      String values = "values (?, ?, ?)";
      switch (vendor.of(em)) {
        case POSTGRESQL -> bind(em.createNativeQuery("insert into gdpr_retention_activity (tenant, subject,"
            + " last_activity) " + values + " on conflict (tenant, subject) do update set last_activity ="
            + " excluded.last_activity where gdpr_retention_activity.last_activity < excluded.last_activity"),
            subject, kept).executeUpdate();
        case MARIADB -> bind(em.createNativeQuery("insert into gdpr_retention_activity (tenant, subject,"
            + " last_activity) " + values + " on duplicate key update last_activity ="
            + " greatest(last_activity, values(last_activity))"), subject, kept).executeUpdate();
        case H2 -> {
          if (SqlVendor.H2.insertIgnoringDuplicate(em, "gdpr_retention_activity",
              new String[] {"tenant", "subject", "last_activity"}, subject.tenant().value(), subject.value(),
              kept) == 0) {
            em.createQuery("update GdprRetentionActivity a set a.lastActivity = :at where a.tenant = :tenant"
                    + " and a.subject = :subject and a.lastActivity < :at")
                .setParameter("at", kept)
                .setParameter("tenant", subject.tenant().value())
                .setParameter("subject", subject.value())
                .executeUpdate();
          }
        }
      }
    });
  }

  private static Query bind(Query query, SubjectId subject, Instant at) {
    return query.setParameter(1, subject.tenant().value()).setParameter(2, subject.value()).setParameter(3, at);
  }

  @Override
  public Optional<Instant> lastActivity(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> activity(transactions.entityManager(), subject, LockModeType.NONE));
  }

  /**
   * Returns due subjects in id order. The index on last activity (script 1.40) finds the due subjects without passing
   * the active ones, which are most of the table in a host; the database then sorts only those by id for the page. The
   * rule's processed activity is one lookup by the claim table's primary key.
   */
  @Override
  public List<SubjectId> due(String ruleId, Instant cutoff, @Nullable SubjectId after, int limit) {
    Preconditions.notNull(ruleId, "rule id");
    Preconditions.notNull(cutoff, "cutoff");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> Subjects.page(transactions.entityManager()
        .createQuery("select a.tenant, a.subject from GdprRetentionActivity a where a.lastActivity < :cutoff and "
            + Subjects.AFTER.formatted("a") + " and not exists (select c.ruleId from GdprRetentionClaim c"
            + " where c.tenant = a.tenant and c.subject = a.subject and c.ruleId = :rule"
            + " and c.processedActivity = a.lastActivity) order by a.tenant, a.subject", Object[].class)
        .setParameter("cutoff", cutoff)
        .setParameter("rule", ruleId), after, limit));
  }

  @Override
  public boolean claim(String ruleId, SubjectId subject, String owner, Instant now, Instant leaseUntil) {
    Preconditions.notNull(ruleId, "rule id");
    Preconditions.notNull(subject, "subject");
    Instant until = lease(owner, now, leaseUntil);
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Optional<Instant> activity = activity(em, subject, LockModeType.PESSIMISTIC_READ);
      if (activity.isEmpty()) {
        return false;
      }
      if (!claimExists(em, ruleId, subject)) {
        // the rule's first claim on the subject: of racing first claims, the database lets one insert the row
        return vendor.of(em).insertIgnoringDuplicate(em, "gdpr_retention_claim", CLAIM_COLUMNS,
            subject.tenant().value(), subject.value(), ruleId, owner, until, activity.get()) == 1;
      }
      if (!skipLocked(em, "select rule_id from gdpr_retention_claim where tenant = ? and subject = ? and rule_id = ?",
          subject.tenant().value(), subject.value(), ruleId)) {
        return false; // another sweep is claiming or completing it right now
      }
      ClaimRow claim = lockedClaim(em, ruleId, subject).orElseThrow();
      if (activity.get().equals(claim.processedActivity()) || claim.heldAgainst(owner, now)) {
        return false;
      }
      return em.createQuery("update GdprRetentionClaim c set c.owner = :owner, c.leaseUntil = :until,"
              + " c.claimedActivity = :activity where c.tenant = :tenant and c.subject = :subject"
              + " and c.ruleId = :rule")
          .setParameter("owner", owner)
          .setParameter("until", until)
          .setParameter("activity", activity.get())
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value())
          .setParameter("rule", ruleId)
          .executeUpdate() == 1;
    });
  }

  @Override
  public void complete(String ruleId, SubjectId subject, String owner) {
    Preconditions.notNull(ruleId, "rule id");
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(owner, "owner");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Optional<Instant> activity = activity(em, subject, LockModeType.PESSIMISTIC_READ);
      Optional<ClaimRow> claim = lockedClaim(em, ruleId, subject);
      if (claim.isEmpty() || !claim.get().heldBy(owner)) {
        return;
      }
      // an erasure or newer activity since the claim: then there is nothing to mark processed
      Instant claimed = claim.get().claimedActivity();
      Instant processed = claimed != null && activity.isPresent() && claimed.equals(activity.get())
          ? claimed : claim.get().processedActivity();
      em.createQuery("update GdprRetentionClaim c set c.owner = null, c.leaseUntil = null, c.claimedActivity = null,"
              + " c.processedActivity = :processed where c.tenant = :tenant and c.subject = :subject"
              + " and c.ruleId = :rule")
          .setParameter("processed", processed)
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value())
          .setParameter("rule", ruleId)
          .executeUpdate();
    });
  }

  @Override
  public void release(String ruleId, SubjectId subject, String owner) {
    Preconditions.notNull(ruleId, "rule id");
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(owner, "owner");
    transactions.useStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprRetentionClaim c set c.owner = null, c.leaseUntil = null, c.claimedActivity = null"
            + " where c.tenant = :tenant and c.subject = :subject and c.ruleId = :rule and c.owner = :owner")
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .setParameter("rule", ruleId)
        .setParameter("owner", owner)
        .executeUpdate());
  }

  @Override
  public boolean addCampaign(Campaign campaign) {
    Preconditions.notNull(campaign, "campaign");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return vendor.of(em).insertIgnoringDuplicate(em, "gdpr_retention_campaign", CAMPAIGN_COLUMNS, campaign.id(),
          campaign.purpose(), Micros.truncate(campaign.startedAt()), Micros.truncate(campaign.deadline())) == 1;
    });
  }

  @Override
  public List<Campaign> campaigns() {
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<CampaignRow> rows = em.createQuery("select c from GdprRetentionCampaign c order by c.startedAt, c.id",
          CampaignRow.class).getResultList();
      rows.forEach(em::detach);
      return rows.stream().map(CampaignRow::toCampaign).toList();
    });
  }

  @Override
  public void addMember(String campaignId, SubjectId subject) {
    Preconditions.notNull(campaignId, "campaign id");
    Preconditions.notNull(subject, "subject");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      vendor.of(em).insertIgnoringDuplicate(em, "gdpr_retention_member", MEMBER_COLUMNS, campaignId,
          subject.tenant().value(), subject.value());
    });
  }

  @Override
  public List<SubjectId> members(String campaignId, @Nullable SubjectId after, int limit) {
    Preconditions.notNull(campaignId, "campaign id");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> Subjects.page(transactions.entityManager()
        .createQuery("select m.tenant, m.subject from GdprRetentionMember m where m.campaignId = :campaign and "
            + Subjects.AFTER.formatted("m") + " order by m.tenant, m.subject", Object[].class)
        .setParameter("campaign", campaignId), after, limit));
  }

  @Override
  public boolean claimMember(String campaignId, SubjectId subject, String owner, Instant now, Instant leaseUntil) {
    Preconditions.notNull(campaignId, "campaign id");
    Preconditions.notNull(subject, "subject");
    Instant until = lease(owner, now, leaseUntil);
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      if (!skipLocked(em, "select subject from gdpr_retention_member where campaign_id = ? and tenant = ?"
          + " and subject = ?", campaignId, subject.tenant().value(), subject.value())) {
        return false; // no member, or another sweep is claiming or completing it right now
      }
      List<MemberRow> rows = em.createQuery("select m from GdprRetentionMember m where m.campaignId = :campaign"
              + " and m.tenant = :tenant and m.subject = :subject", MemberRow.class)
          .setParameter("campaign", campaignId)
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value())
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultList();
      rows.forEach(em::detach);
      if (rows.isEmpty() || rows.get(0).heldAgainst(owner, now)) {
        return false;
      }
      return member(em, "update GdprRetentionMember m set m.owner = :owner, m.leaseUntil = :until", campaignId,
          subject, null).setParameter("owner", owner).setParameter("until", until).executeUpdate() == 1;
    });
  }

  @Override
  public void completeMember(String campaignId, SubjectId subject, String owner) {
    Preconditions.notNull(owner, "owner");
    transactions.useStoreTransaction(() -> member(transactions.entityManager(), "delete from GdprRetentionMember m",
        campaignId, subject, owner).executeUpdate());
  }

  @Override
  public void releaseMember(String campaignId, SubjectId subject, String owner) {
    Preconditions.notNull(owner, "owner");
    transactions.useStoreTransaction(() -> member(transactions.entityManager(),
        "update GdprRetentionMember m set m.owner = null, m.leaseUntil = null", campaignId, subject, owner)
        .executeUpdate());
  }

  /** Returns {@code statement} on one member, held by {@code owner} unless it is {@code null}. */
  private static Query member(EntityManager em, String statement, String campaignId, SubjectId subject,
      @Nullable String owner) {
    Query query = em.createQuery(statement + " where m.campaignId = :campaign and m.tenant = :tenant"
            + " and m.subject = :subject" + (owner == null ? "" : " and m.owner = :owner"))
        .setParameter("campaign", Preconditions.notNull(campaignId, "campaign id"))
        .setParameter("tenant", Preconditions.notNull(subject, "subject").tenant().value())
        .setParameter("subject", subject.value());
    return owner == null ? query : query.setParameter("owner", owner);
  }

  /**
   * Forgets the subject: its activity first, which waits for the claims and completions that hold it, so none of
   * them writes after the erasure; then its claims and memberships.
   */
  @Override
  public void erase(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      for (String entity : List.of("GdprRetentionActivity", "GdprRetentionClaim", "GdprRetentionMember")) {
        em.createQuery("delete from " + entity + " x where x.tenant = :tenant and x.subject = :subject")
            .setParameter("tenant", subject.tenant().value())
            .setParameter("subject", subject.value())
            .executeUpdate();
      }
    });
  }

  /** Reads the subject's last activity; with {@code PESSIMISTIC_READ}, under a shared lock on the latest row. */
  private static Optional<Instant> activity(EntityManager em, SubjectId subject, LockModeType lock) {
    return em.createQuery("select a.lastActivity from GdprRetentionActivity a where a.tenant = :tenant"
            + " and a.subject = :subject", Instant.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  private static boolean claimExists(EntityManager em, String ruleId, SubjectId subject) {
    return em.createQuery("select count(c) from GdprRetentionClaim c where c.tenant = :tenant"
            + " and c.subject = :subject and c.ruleId = :rule", Long.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .setParameter("rule", ruleId)
        .getSingleResult() > 0;
  }

  /** Reads the claim with an exclusive lock: a locking read, which sees the latest row in MariaDB too. */
  private static Optional<ClaimRow> lockedClaim(EntityManager em, String ruleId, SubjectId subject) {
    List<ClaimRow> rows = em.createQuery("select c from GdprRetentionClaim c where c.tenant = :tenant"
            + " and c.subject = :subject and c.ruleId = :rule", ClaimRow.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .setParameter("rule", ruleId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
    rows.forEach(em::detach);
    return rows.stream().findFirst();
  }

  /**
   * Locks the row {@code select} finds with {@code FOR UPDATE SKIP LOCKED}; returns {@code false} when there is none
   * or another transaction holds it.
   */
  private static boolean skipLocked(EntityManager em, String select, Object... key) {
    Query query = em.createNativeQuery(select + " for update skip locked");
    for (int i = 0; i < key.length; i++) {
      query.setParameter(i + 1, key[i]);
    }
    return !query.getResultList().isEmpty();
  }

  /** Checks the arguments of a claim and returns the end of its lease at the tables' precision. */
  private static Instant lease(@Nullable String owner, @Nullable Instant now, @Nullable Instant leaseUntil) {
    Preconditions.notBlank(owner, "owner");
    Preconditions.check(owner.length() <= LeaseColumns.OWNER_LENGTH, "owner",
        "must be at most " + LeaseColumns.OWNER_LENGTH + " characters long");
    Preconditions.notNull(now, "now");
    return Micros.truncate(Preconditions.notNull(leaseUntil, "lease until"));
  }




}
