package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.spring.events.SubjectResolver;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The subjects this system's kit wrote events about, by pseudonym, in {@code gdpr_subject_directory}: filled in the
 * unit of work of each event, so a subject is findable exactly when its consent is committed, and emptied by its
 * erasure of everything, after which the pseudonym leads nowhere here.
 */
@API(status = INTERNAL, since = "0.2")
public final class JpaSubjectDirectory implements SubjectResolver, GdprEventPublisher {

  private final JpaTransactions transactions;
  private final Function<SubjectId, String> pseudonyms;
  private volatile @Nullable String insert;

  /** Creates the directory; {@code pseudonyms} names a subject as the kit's published events do. */
  public JpaSubjectDirectory(JpaTransactions transactions, Function<SubjectId, String> pseudonyms) {
    this.transactions = transactions;
    this.pseudonyms = pseudonyms;
  }

  @Override
  public Optional<SubjectId> resolve(TenantId tenant, String pseudonym) {
    List<?> rows = transactions.inStoreTransaction(() -> transactions.entityManager()
        .createNativeQuery("select subject from gdpr_subject_directory where tenant = ? and pseudonym = ?")
        .setParameter(1, tenant.value())
        .setParameter(2, pseudonym)
        .getResultList());
    return rows.isEmpty() ? Optional.empty() : Optional.of(SubjectId.of(tenant, (String) rows.get(0)));
  }

  @Override
  public void publish(GdprEvent event) {
    SubjectId subject = subjectOf(event);
    if (subject == null) {
      return;
    }
    String pseudonym = pseudonyms.apply(subject);
    if (event instanceof SubjectErased erased && erased.everything()) {
      transactions.useStoreTransaction(() -> transactions.entityManager()
          .createNativeQuery("delete from gdpr_subject_directory where tenant = ? and pseudonym = ?")
          .setParameter(1, subject.tenant().value())
          .setParameter(2, pseudonym)
          .executeUpdate());
      return;
    }
    transactions.useStoreTransaction(() -> transactions.entityManager()
        .createNativeQuery(insertStatement())
        .setParameter(1, subject.tenant().value())
        .setParameter(2, pseudonym)
        .setParameter(3, subject.value())
        .executeUpdate());
  }

  /** Returns the vendor's insert that does nothing when the row is there, even when two units race to write it. */
  private String insertStatement() {
    String statement = insert;
    if (statement == null) {
      String product = transactions.entityManager().callWithConnection(
          connection -> ((Connection) connection).getMetaData().getDatabaseProductName()).toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        statement = "insert into gdpr_subject_directory (tenant, pseudonym, subject) values (?, ?, ?)"
            + " on conflict do nothing";
      } else if (product.contains("mariadb") || product.contains("mysql")) {
        statement = "insert ignore into gdpr_subject_directory (tenant, pseudonym, subject) values (?, ?, ?)";
      } else {
        statement = "merge into gdpr_subject_directory (tenant, pseudonym, subject) key (tenant, pseudonym)"
            + " values (?, ?, ?)";
      }
      insert = statement;
    }
    return statement;
  }

  /** Returns the subject the event is about, through the accessor its class has for one, if any. */
  static @Nullable SubjectId subjectOf(GdprEvent event) {
    Optional<Method> accessor = SUBJECT_ACCESSORS.get(event.getClass());
    if (accessor.isEmpty()) {
      return null;
    }
    try {
      return (SubjectId) accessor.get().invoke(event);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read the subject of a " + event.getClass().getSimpleName(), e);
    }
  }

  /** Each event class's first record component of type {@link SubjectId}, found once per class. */
  private static final ClassValue<Optional<Method>> SUBJECT_ACCESSORS = new ClassValue<>() {
    @Override
    protected Optional<Method> computeValue(Class<?> type) {
      RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
      return java.util.Arrays.stream(components).filter(c -> c.getType() == SubjectId.class).findFirst()
          .map(RecordComponent::getAccessor);
    }
  };
}
