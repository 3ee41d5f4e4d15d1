package io.gdprkit.consent;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.UUID;

/** The checks every {@link ConsentChanged} record shares. */
final class ConsentChanges {

  private ConsentChanges() {
  }

  /** Fails on a missing field of a consent-change event. */
  static void requireFields(SubjectId subject, String purpose, UUID eventId, Actor recordedBy, Instant occurredAt) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(purpose, "purpose");
    Preconditions.notNull(eventId, "eventId");
    Preconditions.notNull(recordedBy, "recordedBy");
    Preconditions.notNull(occurredAt, "occurredAt");
  }
}
