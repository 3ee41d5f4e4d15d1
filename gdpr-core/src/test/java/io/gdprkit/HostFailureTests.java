package io.gdprkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.ErasureIncompleteException;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What host code throws (a provider, a listener) reaches the caller as a typed gdpr-kit error whose message names
 * where it failed and the class of what was thrown, never the host's own message, which may hold personal data.
 */
class HostFailureTests {

  private static final String SECRET = "alice@example.com";
  private static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "Contacts", List.of(
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull())));

  private final SubjectId alice = SubjectId.of("contact-42");

  @Test
  void anErasureListenerThatThrowsLeavesAPendingJobAndATypedErrorWithoutItsMessage() {
    // Issue 9
    GdprKit gdpr = GdprKit.builder().personalData(new InMemoryPersonalDataProvider(CONTACTS))
        .onErasure((subject, scope) -> {
          throw new IllegalStateException("search index refused " + SECRET);
        }).build();

    Throwable thrown = catchThrowable(() -> gdpr.erasure().erase(alice));

    assertThat(thrown).isInstanceOf(ErasureIncompleteException.class)
        .hasMessageContaining("erasure listener").hasMessageContaining("java.lang.IllegalStateException")
        .hasMessageNotContaining(SECRET).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(((ErasureIncompleteException) thrown).provider()).isNull();
  }

  @Test
  void aProviderThatThrowsWhilePreparingAnErasureGivesATypedErrorWithoutItsMessage() {
    // Issue 9
    GdprKit gdpr = GdprKit.builder().personalData(new FailingProvider() {
      @Override
      public List<ContactPoint> contactPoints(SubjectId subject) {
        throw new IllegalStateException("no row for " + SECRET);
      }
    }).build();

    Throwable thrown = catchThrowable(() -> gdpr.erasure().erase(alice));

    assertThat(thrown).isInstanceOf(ErasureIncompleteException.class).hasMessageContaining("'failing'")
        .hasMessageNotContaining(SECRET);
    assertThat(((ErasureIncompleteException) thrown).provider()).isEqualTo("failing");
  }

  @Test
  void aProviderThatThrowsWhileListingRelationsGivesATypedErrorWithoutItsMessage() {
    // Issue 9
    GdprKit gdpr = GdprKit.builder().personalData(new FailingProvider() {
      @Override
      public List<Relation> related(SubjectId subject) {
        throw new IllegalArgumentException("bad key " + SECRET);
      }
    }).build();

    Throwable thrown = catchThrowable(() -> gdpr.erasure().erase(alice));

    assertThat(thrown).isInstanceOf(ErasureIncompleteException.class).hasMessageNotContaining(SECRET);
  }

  @Test
  void aProviderThatFailsToRectifyGivesATypedErrorWithoutItsMessage() {
    // Issue 9
    GdprKit gdpr = GdprKit.builder().personalData(new FailingProvider() {
      @Override
      public void rectify(SubjectId subject, String record, String field, Object value) {
        throw new IllegalStateException("constraint violated by " + value);
      }
    }).build();

    Throwable thrown = catchThrowable(() -> gdpr.rectification().rectify(alice, "failing", "c-42", "email", SECRET));

    assertThat(thrown).isInstanceOf(HostCodeException.class).hasMessageContaining("'failing'")
        .hasMessageContaining("java.lang.IllegalStateException").hasMessageNotContaining(SECRET);
  }

  @Test
  void anEventPublisherThatThrowsRollsTheOperationBackWithATypedErrorWithoutItsMessage() {
    // Issue 9: a host's outbox is written in the unit of work; its failure leaves nothing behind
    GdprKit gdpr = GdprKit.builder().eventPublisher(event -> {
      throw new IllegalStateException("outbox refused " + SECRET);
    }).build();

    Throwable thrown = catchThrowable(() -> gdpr.restrictions().restrict(alice, "accuracy contested",
        Actor.staff("dpo")));

    assertThat(thrown).isInstanceOf(GdprStoreException.class).hasMessageContaining("restrict processing")
        .hasMessageContaining("java.lang.IllegalStateException").hasMessageNotContaining(SECRET);
    assertThat(gdpr.restrictions().isRestricted(alice)).isFalse();
    assertThat(gdpr.restrictions().history(alice)).isEmpty();
    assertThat(gdpr.audit().size(alice.tenant())).isZero();
  }

  @Test
  void aListenerThatThrowsAfterTheCommitLeavesTheRectificationDone() {
    // Issue 9: listeners run after the commit; what they throw is logged by class name and reaches no caller
    InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);
    contacts.put(alice, "c-42", Map.of("email", "old@example.com"), Instant.EPOCH);
    GdprKit gdpr = GdprKit.builder().personalData(contacts).onEvent(event -> {
      throw new IllegalStateException("cache refused " + SECRET);
    }).build();

    gdpr.rectification().rectify(alice, "contacts", "c-42", "email", "new@example.com");

    assertThat(gdpr.audit().entries(alice.tenant(), 0, 10)).extracting(e -> e.record().kind())
        .containsExactly(io.gdprkit.audit.AuditKind.UPDATED);
  }

  @Test
  void aProviderThatFailsToListAffectedSubjectsGivesATypedErrorWithoutItsMessage() {
    // Issue 9
    GdprKit gdpr = GdprKit.builder().personalData(new FailingProvider() {
      @Override
      public List<SubjectId> subjectsWithData(DataCategory category, Instant from, Instant until,
          @Nullable SubjectId after, int limit) {
        throw new IllegalStateException("index broken near " + SECRET);
      }
    }).build();

    Throwable thrown = catchThrowable(() -> gdpr.breaches().affectedSubjects(List.of(DataCategory.CONTACT_DETAILS),
        ExposureWindow.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")), s -> { }));

    assertThat(thrown).isInstanceOf(HostCodeException.class).hasMessageContaining("'failing'")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void anIdentityVerifierThatThrowsGivesATypedErrorWithoutItsMessage() {
    // Issue 9
    GdprKit gdpr = GdprKit.builder().identityVerifier(new IdentityVerifier() {
      @Override
      public void begin(SubjectRequest request) {
        throw new IllegalStateException("mail relay refused " + SECRET);
      }

      @Override
      public void check(SubjectRequest request, String token) {}
    }).build();
    SubjectRequest request = gdpr.requests().receive(alice, RequestKind.ACCESS, Actor.subject());

    Throwable thrown = catchThrowable(() -> gdpr.requests().startVerification(request.id()));

    assertThat(thrown).isInstanceOf(HostCodeException.class).hasMessageContaining("identity verifier")
        .hasMessageNotContaining(SECRET);
  }

  /** A provider that holds nothing; each test overrides the method that fails. */
  private abstract static class FailingProvider implements PersonalDataProvider {
    @Override
    public ProviderDescriptor describe() {
      return ProviderDescriptor.of("failing", "Fails", List.of(
          FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull())));
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {}

    @Override
    public void erase(SubjectId subject, ErasureContext context) {}
  }
}
