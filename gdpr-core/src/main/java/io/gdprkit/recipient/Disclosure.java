package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the disclosure log: which subject's which data categories went to which recipient, when, under
 * which purpose, from where, and what the transfer rested on.
 *
 * <p>The subject is named twice: by id, so the subject can be told who received their data, and by keyed
 * pseudonym. Erasing the subject clears the id, after the recipients were told; the pseudonymous entry stays as
 * evidence of what was disclosed.
 *
 * <p>Usage example: <pre>{@code gdpr.recipients().disclosures(alice).forEach(d -> print(d.recipient(), d.purpose(), d.disclosedAt()));}</pre>
 *
 * @param id the entry's id
 * @param tenant the subject's tenant
 * @param subject the subject, or {@code null} once the subject was erased
 * @param subjectPseudonym the subject as a keyed pseudonym
 * @param recipient the recipient's id
 * @param purpose the purpose's id
 * @param categories the data categories disclosed, at least one
 * @param from the region of the store the data came from, or {@code null} if none was declared
 * @param to the recipient's country at the time
 * @param basis what the transfer rested on
 * @param disclosedBy who disclosed it
 * @param disclosedAt when, from the kit's clock
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Disclosure(UUID id, TenantId tenant, @Nullable SubjectId subject, String subjectPseudonym,
    String recipient, String purpose, Set<DataCategory> categories, @Nullable CountryCode from, CountryCode to,
    TransferBasis basis, Actor disclosedBy, Instant disclosedAt) {

  /** Validates the fields and copies the categories. */
  public Disclosure {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(subject == null || subject.tenant().equals(tenant), "subject", "must be of the tenant");
    Preconditions.text(subjectPseudonym, "subject pseudonym", 200);
    Preconditions.identifier(recipient, "recipient id", 64);
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(categories, "categories");
    Preconditions.check(!categories.isEmpty(), "categories", "must name at least one data category");
    categories = Set.copyOf(categories);
    Preconditions.notNull(to, "to");
    Preconditions.notNull(basis, "basis");
    Preconditions.notNull(disclosedBy, "disclosedBy");
    Preconditions.notNull(disclosedAt, "disclosedAt");
  }

  /** Returns a copy that names the subject by pseudonym only. */
  public Disclosure pseudonymised() {
    return new Disclosure(id, tenant, null, subjectPseudonym, recipient, purpose, categories, from, to, basis,
        disclosedBy, disclosedAt);
  }
}
