package io.gdprkit.jpa.interceptor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A host's {@link PersonalDataProvider} whose erasure, rectification and export run in the matching
 * {@link PurposeScope}, so that the persistence interceptor lets the kit erase (Art. 17) and rectify (Art. 16) a
 * restricted subject's entities (Art. 18(2) allows only storage otherwise) and audits the export as the subject's
 * access (Art. 15, Art. 20).
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().personalData(ExemptingProvider.wrap(new ContactProvider(tx)))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ExemptingProvider implements PersonalDataProvider {

  private final PersonalDataProvider provider;

  private ExemptingProvider(PersonalDataProvider provider) {
    this.provider = provider;
  }

  /** Returns {@code provider} with its erasure, rectification and export in their scopes. */
  public static PersonalDataProvider wrap(PersonalDataProvider provider) {
    Preconditions.notNull(provider, "provider");
    return provider instanceof ExemptingProvider ? provider : new ExemptingProvider(provider);
  }

  /** Returns the provider this one wraps, for code that reads more of it than its descriptor. */
  public PersonalDataProvider wrapped() {
    return provider;
  }

  @Override
  public ProviderDescriptor describe() {
    return provider.describe();
  }

  /** Exports in a {@link PurposeScope#subjectAccess()} scope. */
  @Override
  public void export(SubjectId subject, DataSink sink) {
    try (PurposeScope scope = PurposeScope.subjectAccess()) {
      provider.export(subject, sink);
    }
  }

  /** Erases in a {@link PurposeScope#erasure()} scope. */
  @Override
  public void erase(SubjectId subject, ErasureContext context) {
    try (PurposeScope scope = PurposeScope.erasure()) {
      provider.erase(subject, context);
    }
  }

  /** Erases in a {@link PurposeScope#erasure()} scope, with the wrapped provider's batch erasure. */
  @Override
  public void eraseAll(List<? extends ErasureContext> contexts) {
    try (PurposeScope scope = PurposeScope.erasure()) {
      provider.eraseAll(contexts);
    }
  }

  @Override
  public List<Relation> related(SubjectId subject) {
    return provider.related(subject);
  }

  @Override
  public Map<SubjectId, List<Relation>> relatedAll(Collection<SubjectId> subjects) {
    return provider.relatedAll(subjects);
  }

  @Override
  public List<ContactPoint> contactPoints(SubjectId subject) {
    return provider.contactPoints(subject);
  }

  @Override
  public Map<SubjectId, List<ContactPoint>> contactPointsAll(Collection<SubjectId> subjects) {
    return provider.contactPointsAll(subjects);
  }

  /** Rectifies in a {@link PurposeScope#rectification()} scope. */
  @Override
  public void rectify(SubjectId subject, String record, String field, Object value) {
    try (PurposeScope scope = PurposeScope.rectification()) {
      provider.rectify(subject, record, field, value);
    }
  }

  @Override
  public List<SubjectId> subjectsWithData(DataCategory category, Instant from, Instant until,
      @Nullable SubjectId after, int limit) {
    return provider.subjectsWithData(category, from, until, after, limit);
  }
}
