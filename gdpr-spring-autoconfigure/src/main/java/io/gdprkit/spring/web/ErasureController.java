package io.gdprkit.spring.web;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.HostCodeException;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.CascadePolicy;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.spring.web.Views.ErasureReportView;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure (Art. 17): a preview of what an erasure would reach, the erasure itself with its cascade, and the kept
 * reports.
 */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Erasure", description = "The right to erasure (Art. 17), with a preview of its cascade")
final class ErasureController {

  /** The most related subjects a preview lists; a larger cascade is reported as truncated. */
  static final int PREVIEW_LIMIT = 1000;

  private final GdprKit gdpr;
  private final CascadePolicy cascade;

  ErasureController(GdprKit gdpr, ObjectProvider<CascadePolicy> cascade) {
    this.gdpr = gdpr;
    this.cascade = cascade.getIfAvailable(CascadePolicy::defaults);
  }

  /**
   * Lists what erasing the subject would reach, changing nothing: the providers that would be asked, with their data
   * categories, and the related subjects the cascade would erase too, level by level as the cascade policy allows.
   *
   * <p>The policy is the host's {@link CascadePolicy} bean, or the kit's default (one level) when there is none: the
   * kit does not publish the policy it was built with, so a host that sets one on the builder declares it as a bean
   * too for the preview to match.
   */
  @GetMapping("/subjects/{subject}/erasure/preview")
  @Operation(summary = "What an erasure of the subject would reach, its cascade included; changes nothing")
  PreviewView preview(TenantId tenant, @PathVariable String subject) {
    SubjectId root = SubjectId.of(tenant, subject);
    List<ProviderView> providers = new ArrayList<>();
    for (ProviderDescriptor descriptor : gdpr.personalData().descriptors()) {
      providers.add(new ProviderView(descriptor.id(),
          descriptor.categories().stream().map(DataCategory::id).sorted().toList()));
    }
    List<CascadeView> cascaded = new ArrayList<>();
    Set<SubjectId> seen = new HashSet<>(Set.of(root));
    Deque<Level> queue = new ArrayDeque<>(List.of(new Level(root, 0)));
    boolean truncated = false;
    while (!queue.isEmpty() && !truncated) {
      Level next = queue.poll();
      for (PersonalDataProvider provider : gdpr.personalData().providers()) {
        for (Relation relation : related(provider, next.subject())) {
          int depth = next.depth() + 1;
          if (depth > cascade.depthFor(relation.type()) || !seen.add(relation.to())) {
            continue;
          }
          if (cascaded.size() == PREVIEW_LIMIT) {
            truncated = true;
            break;
          }
          cascaded.add(new CascadeView(relation.to().value(), relation.from().value(), relation.type().id(), depth,
              provider.describe().id()));
          queue.add(new Level(relation.to(), depth));
        }
      }
    }
    return new PreviewView(root.value(), gdpr.erasure().wasErased(root), providers, cascaded, truncated);
  }

  @PostMapping("/subjects/{subject}/erasure")
  @Operation(summary = "Erase everything about the subject across every provider, cascading as configured")
  ErasureReportView erase(TenantId tenant, @PathVariable String subject) {
    return ErasureReportView.of(gdpr.erasure().erase(SubjectId.of(tenant, subject)));
  }

  @GetMapping("/erasures/{job}")
  @Operation(summary = "The kept report of a completed erasure job")
  ErasureReportView report(@PathVariable UUID job) {
    return ErasureReportView.of(gdpr.erasure().report(job).orElseThrow(() -> UnknownErasureException.of(job)));
  }

  private static List<Relation> related(PersonalDataProvider provider, SubjectId subject) {
    try {
      return provider.related(subject);
    } catch (GdprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw HostCodeException.of("personal-data provider '" + provider.describe().id() + "' in related", e);
    }
  }

  private record Level(SubjectId subject, int depth) {
  }

  /** A provider an erasure would ask, with the categories of data it holds. */
  record ProviderView(String id, List<String> dataCategories) {
  }

  /** A related subject the cascade would erase, found through {@code parent} by {@code provider}. */
  record CascadeView(String subject, String parent, String relation, int depth, String provider) {
  }

  /** What an erasure would reach. */
  record PreviewView(String subject, boolean alreadyErased, List<ProviderView> providers, List<CascadeView> cascade,
      boolean truncated) {
  }
}
