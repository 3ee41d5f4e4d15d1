package io.gdprkit.breach.internal;

import io.gdprkit.HostCodeException;
import io.gdprkit.breach.AffectedSubjects;
import io.gdprkit.breach.AffectedSubjectsException;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Messages;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Streams the distinct subjects that providers hold data of some categories about, collected in a window: a k-way
 * merge of one keyset-paged, ascending cursor per provider and category, so it holds a page per cursor, never all
 * subjects, and drops a subject that several cursors yield by comparing it with the last one streamed.
 *
 * <p>Providers may answer for every tenant; the scan keeps only the subjects of the breach's tenant. Since subjects
 * are ordered by tenant first, a cursor stops at the first subject of a later tenant.
 */
final class AffectedSubjectScan {

  /** Subjects asked of a provider per call. */
  static final int PAGE = 256;

  private final ExposureWindow window;
  private final TenantId tenant;
  private final Set<String> answered = new LinkedHashSet<>();
  private final Set<String> unanswered = new LinkedHashSet<>();

  private AffectedSubjectScan(ExposureWindow window, TenantId tenant) {
    this.window = window;
    this.tenant = tenant;
  }

  static AffectedSubjects run(ProviderRegistry providers, TenantId tenant, Collection<DataCategory> categories,
      ExposureWindow window, Consumer<SubjectId> sink) {
    AffectedSubjectScan scan = new AffectedSubjectScan(window, tenant);
    PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator.comparing(Cursor::head));
    // Descriptors come from the registry: providers are described once, when the kit is built.
    for (ProviderDescriptor descriptor : providers.descriptors()) {
      String id = descriptor.id();
      Set<String> holds = descriptor.categories().stream().map(DataCategory::id).collect(Collectors.toSet());
      List<DataCategory> held = categories.stream().filter(category -> holds.contains(category.id())).toList();
      if (held.isEmpty()) {
        continue;
      }
      PersonalDataProvider provider = providers.provider(id).orElseThrow();
      scan.answered.add(id);
      for (DataCategory category : held) {
        Cursor cursor = scan.new Cursor(provider, id, category);
        if (cursor.fetch(null)) {
          queue.add(cursor);
        }
      }
    }
    long count = 0;
    SubjectId last = null;
    while (!queue.isEmpty()) {
      Cursor cursor = queue.poll();
      SubjectId subject = cursor.head();
      if (subject.tenant().equals(tenant) && !subject.equals(last)) {
        sink.accept(subject);
        count++;
        last = subject;
      }
      if (cursor.advance()) {
        queue.add(cursor);
      }
    }
    scan.answered.removeAll(scan.unanswered);
    return new AffectedSubjects(count, List.copyOf(scan.answered), List.copyOf(scan.unanswered));
  }

  /** One provider's subjects with data of one category, a page at a time. */
  private final class Cursor {

    private final PersonalDataProvider provider;
    private final String providerId;
    private final DataCategory category;
    private List<SubjectId> page = List.of();
    private int index;

    Cursor(PersonalDataProvider provider, String providerId, DataCategory category) {
      this.provider = provider;
      this.providerId = providerId;
      this.category = category;
    }

    SubjectId head() {
      return page.get(index);
    }

    /** Moves to the next subject; returns false when the cursor is exhausted or its provider stopped answering. */
    boolean advance() {
      index++;
      if (index < page.size()) {
        return !pastTenant();
      }
      return page.size() == PAGE && fetch(page.get(page.size() - 1));
    }

    /** Reads the page after {@code after}; returns whether it holds a subject. */
    boolean fetch(@Nullable SubjectId after) {
      if (unanswered.contains(providerId)) {
        return false;
      }
      List<SubjectId> next;
      try {
        next = provider.subjectsWithData(category, window.from(), window.until(), after, PAGE);
      } catch (UnsupportedOperationException e) {
        unanswered.add(providerId);
        return false;
      } catch (RuntimeException e) {
        throw HostCodeException.of("personal-data provider " + Messages.quote(providerId) + " in subjectsWithData", e);
      }
      checkPage(next, after);
      page = next;
      index = 0;
      return !page.isEmpty() && !pastTenant();
    }

    /** Whether the head belongs to a tenant after the scanned one, so that no later subject can be the tenant's. */
    private boolean pastTenant() {
      return head().tenant().compareTo(tenant) > 0;
    }

    /** Fails when the provider broke the paging contract, which would make the merge skip or repeat subjects. */
    private void checkPage(List<SubjectId> next, @Nullable SubjectId after) {
      if (next.size() > PAGE) {
        throw AffectedSubjectsException.contractBroken(providerId, "returned more subjects than the limit");
      }
      SubjectId previous = after;
      for (SubjectId subject : next) {
        if (subject == null || (previous != null && subject.compareTo(previous) <= 0)) {
          throw AffectedSubjectsException.contractBroken(providerId,
              "returned subjects out of order, repeated, or not after the previous page");
        }
        previous = subject;
      }
    }
  }
}
