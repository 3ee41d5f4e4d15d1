package io.gdprkit.examples.crm.contact;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.decision.Decision;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.source.SourceTag;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the contact card shows: the contact, its purposes with their consent and decision, history, sources. */
public record ContactCard(
    Contact contact,
    List<PurposeRow> purposes,
    List<ConsentEvent> history,
    List<SourceTag> sources,
    boolean profiling,
    boolean tracking,
    List<Relation> relations,
    boolean restricted,
    boolean objectsToDirectMarketing,
    List<io.gdprkit.recipient.Disclosure> disclosures) {

  /** One purpose: the consent where it rests on consent, and what {@code decide} says now. */
  public record PurposeRow(Purpose purpose, @Nullable ConsentState consent, Decision decision) {}

  /** A contact related to this one, and how. */
  public record Relation(String label, Contact other) {}
}
