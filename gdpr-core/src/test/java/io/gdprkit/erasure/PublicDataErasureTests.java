package io.gdprkit.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.NotificationReason;
import io.gdprkit.recipient.NotificationStatus;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.UnknownRecipientException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Art. 17(2): when data the controller made public is erased, the controllers known to process it are asked to erase
 * links to, copies and replications of it, once, and the erasure report says whom it asked and when. Issue 10.
 */
class PublicDataErasureTests {

  private static final CountryCode DE = CountryCode.of("DE");
  private static final Set<DataCategory> CONTACT = Set.of(DataCategory.CONTACT_DETAILS);
  private static final String WHERE = "public member directory";

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final SubjectId bob = SubjectId.of("contact-43");
  private final Actor editor = Actor.staff("editor-3");
  private final List<Notification> delivered = new CopyOnWriteArrayList<>();
  private final Set<String> down = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "contacts", "Contacts", List.of(
          FieldDescriptor.of("name", DataCategory.CONTACT_DETAILS, ErasureStrategy.replace("erased")),
          FieldDescriptor.of("last-ip", DataCategory.ONLINE_IDENTIFIERS, ErasureStrategy.maskIp()))));

  private GdprKit.Builder builder() {
    return GdprKit.builder().clock(clock).allowGeneratedKeys()
        .purpose(Purpose.of("member-directory", LegalBasis.CONSENT, "Listing in the public member directory")
            .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.ONLINE_IDENTIFIERS))
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter")
            .withDataCategories(DataCategory.CONTACT_DETAILS))
        .personalData(contacts)
        .recipientNotifier((recipient, notification) -> {
          if (down.contains(recipient.id())) {
            throw new IllegalStateException("endpoint unreachable");
          }
          delivered.add(notification);
        });
  }

  private GdprKit kit() {
    return registered(builder().build());
  }

  private static GdprKit registered(GdprKit gdpr) {
    Actor dpo = Actor.staff("dpo");
    gdpr.recipients().register(Recipient.of("people-finder", RecipientKind.THIRD_PARTY, "People Finder Ltd",
        "privacy@finder.example", DE), dpo);
    gdpr.recipients().register(Recipient.of("partner", RecipientKind.JOINT_CONTROLLER, "Partner Club",
        "dpo@partner.example", DE), dpo);
    gdpr.recipients().register(Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example", DE),
        dpo);
    return gdpr;
  }

  private void aliceData() {
    contacts.put(alice, "c-1", Map.of("name", "Alice Example", "last-ip", "203.0.113.7"), clock.instant());
    contacts.put(bob, "c-2", Map.of("name", "Bob Example"), clock.instant());
  }

  private List<Notification> requests() {
    return delivered.stream().filter(n -> n.reason() == NotificationReason.ERASURE_REQUESTED).toList();
  }

  private static List<AuditRecord> audited(GdprKit gdpr, AuditKind kind) {
    return gdpr.audit().entries(TenantId.DEFAULT, 0, 10_000).stream().map(e -> e.record())
        .filter(r -> r.kind() == kind).toList();
  }

  @Test
  @DisplayName("Art. 17(2): erasing data made public asks each controller processing it to erase links and copies; the report says whom and when")
  void asksEachControllerThatProcessesDataMadePublicAndReportsIt() {
    GdprKit gdpr = kit();
    aliceData();
    Publication publication = gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE,
        Set.of("people-finder", "partner"), editor);
    clock.advance(java.time.Duration.ofDays(40));

    ErasureReport report = gdpr.erasure().erase(alice);

    assertThat(report.controllersInformed()).extracting(InformedController::controller)
        .containsExactly("partner", "people-finder");
    assertThat(report.controllersInformed()).allSatisfy(told -> {
      assertThat(told.at()).isEqualTo(clock.instant());
      assertThat(told.where()).isEqualTo(WHERE);
      assertThat(told.purpose()).isEqualTo("member-directory");
      assertThat(told.categories()).isEqualTo(CONTACT);
      assertThat(told.request()).isEqualTo("erase any links to, copies or replications of the personal data");
    });
    assertThat(requests()).extracting(Notification::recipient).containsExactly("partner", "people-finder");
    assertThat(requests()).extracting(Notification::id)
        .containsExactlyElementsOf(report.controllersInformed().stream().map(InformedController::notice).toList());
    assertThat(requests()).allSatisfy(n -> {
      assertThat(n.subject()).as("the controller needs the id to find its copy").isEqualTo(alice);
      assertThat(n.details()).containsEntry("article", "17(2)").containsEntry("where", WHERE)
          .containsEntry("request", InformedController.REQUEST).containsEntry("categories", "contact-details");
    });
    assertThat(gdpr.erasure().publications(alice)).isEmpty();
    assertThat(gdpr.recipients().notifications(alice)).as("the erased subject's id is forgotten once told").isEmpty();
    assertThat(audited(gdpr, AuditKind.DISCLOSED)).singleElement().satisfies(r -> {
      assertThat(r.details()).containsEntry("publication", publication.id().toString())
          .containsEntry("controllers", "partner,people-finder");
      assertThat(r.subjectPseudonym()).isNotNull();
    });
    assertThat(audited(gdpr, AuditKind.RECIPIENT_NOTIFIED)).extracting(r -> r.details().get("reason"))
        .containsExactly("ERASURE_REQUESTED", "ERASURE_REQUESTED");
  }

  @Test
  @DisplayName("Art. 17(2): data not made public tells no controller, and one subject's publication is not another's")
  void tellsNoControllerWhenNothingWasMadePublic() {
    GdprKit gdpr = kit();
    aliceData();
    gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE, Set.of("people-finder"), editor);

    ErasureReport report = gdpr.erasure().erase(bob);

    assertThat(report.controllersInformed()).isEmpty();
    assertThat(delivered).isEmpty();
    assertThat(gdpr.erasure().publications(alice)).hasSize(1);
  }

  @Test
  @DisplayName("Art. 17(2): only controllers are asked; a processor or an unregistered recipient is refused and nothing recorded")
  void refusesAnythingButARegisteredControllerAndRecordsNothing() {
    GdprKit gdpr = kit();

    assertThatThrownBy(() -> gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE,
        Set.of("partner", "mailer"), editor)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("controllers");
          assertThat(e).hasMessageContaining("'mailer' is a PROCESSOR");
        });
    assertThatThrownBy(() -> gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE,
        Set.of("search-engine"), editor)).isInstanceOf(UnknownRecipientException.class);
    assertThatThrownBy(() -> gdpr.erasure().madePublic(alice, "member-directory",
        Set.of(DataCategory.FINANCIAL), WHERE, Set.of("partner"), editor))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("member-directory");

    assertThat(gdpr.erasure().publications(alice)).isEmpty();
    assertThat(audited(gdpr, AuditKind.DISCLOSED)).isEmpty();
  }

  @Test
  @DisplayName("Art. 17(2) with 17(1)(b): withdrawing the consent the data was published under asks the controllers; another purpose's does not")
  void asksTheControllersWhenTheConsentThePublicationRestsOnIsWithdrawn() {
    GdprKit gdpr = kit();
    aliceData();
    gdpr.consents().grant(alice, "member-directory", ConsentProof.webForm("profile", "v2").build());
    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v2").build());
    gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE, Set.of("partner"), editor);
    gdpr.consents().withdraw(alice, "newsletter");
    gdpr.consents().withdraw(alice, "member-directory");

    ErasureReport newsletter = gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("newsletter"));
    ErasureReport directory = gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("member-directory"));

    assertThat(newsletter.controllersInformed()).isEmpty();
    assertThat(directory.controllersInformed()).extracting(InformedController::controller).containsExactly("partner");
    assertThat(requests()).singleElement().satisfies(n -> {
      assertThat(n.details()).containsEntry("scope", "CONSENT_WITHDRAWN:member-directory");
      assertThat(n.subject()).isEqualTo(alice);
    });
  }

  @Test
  @DisplayName("Art. 17(2): erasing some categories asks about those only and keeps the record of the rest")
  void asksAboutTheErasedCategoriesOnly() {
    GdprKit gdpr = kit();
    aliceData();
    gdpr.erasure().madePublic(alice, "member-directory", Set.of(DataCategory.CONTACT_DETAILS,
        DataCategory.ONLINE_IDENTIFIERS), WHERE, Set.of("partner"), editor);

    ErasureReport report = gdpr.erasure().erase(alice, ErasureScope.categories(DataCategory.ONLINE_IDENTIFIERS));

    assertThat(report.controllersInformed()).singleElement()
        .satisfies(c -> assertThat(c.categories()).containsExactly(DataCategory.ONLINE_IDENTIFIERS));
    assertThat(gdpr.erasure().publications(alice)).singleElement()
        .satisfies(p -> assertThat(p.categories()).containsExactly(DataCategory.CONTACT_DETAILS));
  }

  @Test
  @DisplayName("Art. 17(2): a request a controller's endpoint refused keeps the subject's id until a retry delivers it")
  void keepsAnUndeliveredRequestUntilARetryDeliversIt() {
    GdprKit gdpr = kit();
    aliceData();
    gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE, Set.of("people-finder"), editor);
    down.add("people-finder");

    ErasureReport report = gdpr.erasure().erase(alice);

    assertThat(report.controllersInformed()).hasSize(1);
    assertThat(gdpr.recipients().undeliveredNotifications(10)).singleElement().satisfies(n -> {
      assertThat(n.id()).isEqualTo(report.controllersInformed().get(0).notice());
      assertThat(n.status()).isEqualTo(NotificationStatus.FAILED);
      assertThat(n.subject()).isEqualTo(alice);
    });
    down.clear();
    assertThat(gdpr.recipients().retryNotifications(10)).isEqualTo(1);
    assertThat(requests()).singleElement().satisfies(n -> assertThat(n.subject()).isEqualTo(alice));
    assertThat(gdpr.recipients().notifications(alice)).isEmpty();
  }

  @Test
  @DisplayName("Art. 17(2): a subject being or already erased cannot be recorded as published")
  void refusesARecordAboutAnErasedSubject() {
    GdprKit gdpr = kit();
    gdpr.erasure().erase(alice);

    assertThatThrownBy(() -> gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE, Set.of(), editor))
        .isInstanceOf(ErasedSubjectException.class);
  }

  @Test
  @DisplayName("Art. 17(2): a job resumed after a crash between its steps asks no controller twice")
  void aJobResumedAfterACrashBetweenStepsAsksNoControllerTwice() {
    AtomicBoolean crash = new AtomicBoolean(true);
    GdprKit gdpr = registered(builder().onErasure((subject, scope) -> {
      if (crash.getAndSet(false)) {
        throw new IllegalStateException("cache down");
      }
    }).build());
    aliceData();
    gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE, Set.of("people-finder", "partner"), editor);
    assertThatThrownBy(() -> gdpr.erasure().erase(alice)).isInstanceOf(ErasureIncompleteException.class);

    List<ErasureReport> resumed = gdpr.erasure().resumePending();

    assertThat(resumed).singleElement().satisfies(r -> assertThat(r.controllersInformed()).hasSize(2));
    assertThat(requests()).extracting(Notification::recipient).containsExactly("partner", "people-finder");
  }

  @Test
  @DisplayName("Art. 17(2): a job resumed after its finishing unit of work failed midway asks no controller twice")
  void aJobResumedAfterItsFinishingUnitFailedAsksNoControllerTwice() {
    AtomicBoolean crash = new AtomicBoolean(true);
    GdprKit gdpr = registered(builder().eventPublisher((GdprEvent event) -> {
      // the host's transactional outbox fails on the erasure event, after the Art. 17(2) requests went out
      if (event instanceof SubjectErased && crash.getAndSet(false)) {
        throw io.gdprkit.GdprStoreException.of("append outbox", new IOException("reset"));
      }
    }).build());
    aliceData();
    gdpr.erasure().madePublic(alice, "member-directory", CONTACT, WHERE, Set.of("people-finder", "partner"), editor);
    assertThatThrownBy(() -> gdpr.erasure().erase(alice)).isInstanceOf(io.gdprkit.GdprStoreException.class);
    assertThat(requests()).as("delivered before the unit failed").hasSize(2);
    assertThat(gdpr.erasure().publications(alice)).as("the unit's removal was rolled back").hasSize(1);

    List<ErasureReport> resumed = gdpr.erasure().resumePending();

    assertThat(resumed).singleElement().satisfies(r -> assertThat(r.controllersInformed()).hasSize(2));
    assertThat(requests()).extracting(Notification::recipient).containsExactly("partner", "people-finder");
    assertThat(requests()).extracting(Notification::id)
        .containsExactlyElementsOf(resumed.get(0).controllersInformed().stream().map(InformedController::notice)
            .toList());
    assertThat(gdpr.erasure().publications(alice)).isEmpty();
  }
}
