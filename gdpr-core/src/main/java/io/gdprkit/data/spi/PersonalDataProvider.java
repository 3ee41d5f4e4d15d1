package io.gdprkit.data.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One of the host's stores of personal data (a table, an aggregate, a document collection), put under gdpr-kit.
 *
 * <p>A host writes one provider per store and registers it on the builder, or lists it for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/io.gdprkit.data.spi.PersonalDataProvider}.
 * Exports call {@link #export}, erasure calls {@link #erase} (or {@link #eraseAll} for many subjects at once),
 * cascades follow {@link #related} ({@link #relatedAll}), the suppression list takes {@link #contactPoints}
 * ({@link #contactPointsAll}).
 *
 * <p><b>Warning:</b> {@link #erase} must be idempotent: a crash may make the erasure job run it again. Plans
 * from the {@link ErasureContext} are, as long as the provider applies them as given.
 *
 * <p>Usage example: <pre>{@code
 * class ContactProvider implements PersonalDataProvider {
 *   public ProviderDescriptor describe() { return ProviderDescriptor.of("contacts", "CRM contacts", FIELDS); }
 *   public void export(SubjectId s, DataSink sink) { repo.find(s).forEach(c -> c.items().forEach(sink::accept)); }
 *   public void erase(SubjectId s, ErasureContext ctx) { ... }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface PersonalDataProvider {

  /** Describes what the provider holds; called once when the kit is built. */
  ProviderDescriptor describe();

  /**
   * Streams every data item the provider holds about the subject into the sink, one at a time.
   *
   * <p>Items name fields of the descriptor; a subject the provider does not know yields no items.
   */
  void export(SubjectId subject, DataSink sink);

  /**
   * Erases the subject's data: for each record, asks the context for a plan, applies it, and reports it.
   *
   * <p>Must be idempotent; a subject the provider does not know is not an error.
   */
  void erase(SubjectId subject, ErasureContext context);

  /**
   * Erases many subjects in one call, one context per subject: what the kit calls when it runs many erasure jobs
   * together ({@code erasure().eraseAll}, {@code erasure().resumePending}, the retention sweep).
   *
   * <p>A provider over a database overrides it to erase the subjects with statements that each cover many of them
   * ({@code where subject in (…)} per table), which is where bulk erasure gains over erasing subject by subject; the
   * default calls {@link #erase} for each context in turn. Each context plans and is told about its own subject's
   * records, exactly as in {@link #erase}.
   *
   * <p><b>Warning:</b> idempotent, like {@link #erase}. If the call throws, the kit erases each of its subjects again
   * on its own with {@link #erase} and the same context, which counts each record once: a provider may keep part of
   * the work of a failed call (such as the chunks of subjects it committed), and a subject it cannot erase holds up no
   * other.
   *
   * <p>Usage example: <pre>{@code
   * public void eraseAll(List<? extends ErasureContext> contexts) {
   *   Map<SubjectId, ErasureContext> bySubject = ...;
   *   for (Row row : rows.ofSubjects(bySubject.keySet())) { ... bySubject.get(row.subject()).plan(...) ... }
   * }
   * }</pre>
   *
   * @param contexts one erasure context per subject, no subject twice
   * @since 0.2
   */
  default void eraseAll(List<? extends ErasureContext> contexts) {
    for (ErasureContext context : contexts) {
      erase(context.subject(), context);
    }
  }

  /** Returns the subject's links to other subjects, where the subject is the parent; none by default. */
  default List<Relation> related(SubjectId subject) {
    return List.of();
  }

  /**
   * Returns the links to other subjects of many subjects at once, each where it is the parent: what the kit reads when
   * it prepares many erasure jobs together ({@code erasure().eraseAll}, {@code resumePending}) to plan their cascades.
   *
   * <p>A provider over a database overrides it to read the links of many subjects with each statement; the default
   * calls {@link #related} for each subject in turn. The answer for each subject is what {@link #related} answers.
   *
   * <p>Usage example: <pre>{@code
   * public Map<SubjectId, List<Relation>> relatedAll(Collection<SubjectId> subjects) {
   *   return links.ofParents(subjects).stream().collect(groupingBy(Relation::from));
   * }
   * }</pre>
   *
   * @param subjects the subjects, no subject twice
   * @return each subject that has links, with its links; a subject without links may be left out
   * @since 0.2
   */
  default Map<SubjectId, List<Relation>> relatedAll(Collection<SubjectId> subjects) {
    Map<SubjectId, List<Relation>> all = new LinkedHashMap<>();
    for (SubjectId subject : subjects) {
      List<Relation> relations = related(subject);
      if (!relations.isEmpty()) {
        all.put(subject, relations);
      }
    }
    return all;
  }

  /**
   * Returns the subject's e-mail addresses and phone numbers, read before erasure to fill the suppression
   * list; none by default.
   */
  default List<ContactPoint> contactPoints(SubjectId subject) {
    return List.of();
  }

  /**
   * Returns the e-mail addresses and phone numbers of many subjects at once: what the kit reads when it prepares many
   * erasure jobs together, to fill the suppression list.
   *
   * <p>A provider over a database overrides it to read the contact points of many subjects with each statement; the
   * default calls {@link #contactPoints} for each subject in turn. The answer for each subject is what
   * {@link #contactPoints} answers.
   *
   * @param subjects the subjects, no subject twice
   * @return each subject that has contact points, with its contact points; a subject without may be left out
   * @since 0.2
   */
  default Map<SubjectId, List<ContactPoint>> contactPointsAll(Collection<SubjectId> subjects) {
    Map<SubjectId, List<ContactPoint>> all = new LinkedHashMap<>();
    for (SubjectId subject : subjects) {
      List<ContactPoint> points = contactPoints(subject);
      if (!points.isEmpty()) {
        all.put(subject, points);
      }
    }
    return all;
  }

  /**
   * Corrects one field of one record (Art. 16).
   *
   * @throws UnsupportedOperationException if the provider cannot rectify, which is the default
   */
  default void rectify(SubjectId subject, String record, String field, Object value) {
    throw new UnsupportedOperationException("Provider " + describe().id() + " does not support rectification.");
  }

  /**
   * Returns a page of the subjects of whom the provider holds data of {@code category} that was collected in the
   * window from {@code from} (inclusive) to {@code until} (exclusive), in {@link SubjectId} order.
   *
   * <p>The breach register calls it to derive the subjects a breach affected (Art. 33(3)(a), 34) without reading
   * every subject: pages follow each other by the last subject of the previous page, so an adapter answers it from
   * an index on (category, collection time, subject) with a keyset query. A subject appears at most once per call,
   * however many of its records match.
   *
   * <p>A provider may answer for every tenant of the host: the register keeps only the subjects of the breach's
   * {@linkplain SubjectId#tenant() tenant}, and since subjects are ordered by tenant first it stops paging once a
   * page reaches a later tenant.
   *
   * @param category the category of personal data; fields are matched by the category's id
   * @param from the start of the window, inclusive
   * @param until the end of the window, exclusive; after {@code from}
   * @param after the last subject of the previous page, or {@code null} for the first page
   * @param limit the most subjects to return, at least 1
   * @return at most {@code limit} subjects after {@code after}, ascending
   * @throws UnsupportedOperationException if the provider cannot answer, which is the default
   * @since 0.1
   */
  default List<SubjectId> subjectsWithData(DataCategory category, Instant from, Instant until,
      @Nullable SubjectId after, int limit) {
    throw new UnsupportedOperationException("Provider " + describe().id()
        + " cannot list the subjects whose data of a category was collected in a time window.");
  }
}
