package io.gdprkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.breach.AffectedSubjects;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.BreachService;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.processing.Contact;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessingRecordService;
import io.gdprkit.processing.RegisterFormat;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.RecipientService;
import io.gdprkit.recipient.UnknownRecipientException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The processing, breach and recipient registers of two tenants of one kit, through the facade. */
class TenantRegistersTests {

  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Actor DPO = Actor.staff("dpo");
  private static final Instant MARCH_FIRST = Instant.parse("2026-03-01T00:00:00Z");
  private static final ExposureWindow MARCH = ExposureWindow.of(MARCH_FIRST, Instant.parse("2026-04-01T00:00:00Z"));
  private static final Set<DataCategory> CONTACT = Set.of(DataCategory.CONTACT_DETAILS);

  private final TestClock clock = TestClock.at("2026-04-10T00:00:00Z");
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "contacts", "CRM contacts",
      List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
  /** The entries the notifier was handed, as a recipient's endpoint would see them. */
  private final List<Recipient> told = new CopyOnWriteArrayList<>();
  private final GdprKit gdpr = GdprKit.builder()
      .clock(clock)
      .personalData(contacts)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter"))
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices")
          .withDataCategories(DataCategory.CONTACT_DETAILS))
      .recipientNotifier((recipient, notification) -> told.add(recipient))
      .build();

  private List<AuditRecord> registerChanges(TenantId tenant) {
    return gdpr.audit().entries(tenant, 0, 1_000).stream().map(AuditEntry::record)
        .filter(r -> r.kind() == AuditKind.REGISTER_CHANGED).toList();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ProcessingActivity activity(String id, String name, String purpose) {
    return ProcessingActivity.builder(id, name).purposes(purpose).subjectCategories("Customers")
        .dataCategories(DataCategory.CONTACT_DETAILS).build();
  }

  @Nested
  class ProcessingRecords {

    @Test
    void keepsEachTenantsControllerActivitiesCheckAndExportApart() {
      ProcessingRecordService acme = gdpr.processingRecords().forTenant(ACME);
      ProcessingRecordService globex = gdpr.processingRecords().forTenant(GLOBEX);
      acme.controller(ControllerDetails.of(Contact.of("Acme GmbH", "Berlin")), DPO);
      acme.save(activity("mailing", "Acme mailing", "newsletter"), DPO);
      acme.save(activity("invoicing", "Acme invoicing", "billing"), DPO);

      boolean created = globex.save(activity("mailing", "Globex mailing", "newsletter"), DPO);
      ByteArrayOutputStream acmeExport = new ByteArrayOutputStream();
      acme.export(RegisterFormat.MARKDOWN, acmeExport);
      ByteArrayOutputStream globexExport = new ByteArrayOutputStream();
      globex.export(RegisterFormat.CSV, globexExport);
      ByteArrayOutputStream globexJson = new ByteArrayOutputStream();
      globex.export(RegisterFormat.JSON, globexJson);

      assertThat(created).isTrue();
      assertThat(acme.tenant()).isEqualTo(ACME);
      assertThat(gdpr.processingRecords().tenant()).isEqualTo(TenantId.DEFAULT);
      assertThat(acme.activities()).extracting(ProcessingActivity::name)
          .containsExactly("Acme invoicing", "Acme mailing");
      assertThat(globex.activities()).extracting(ProcessingActivity::name).containsExactly("Globex mailing");
      assertThat(gdpr.processingRecords().activities()).isEmpty();
      assertThat(globex.controller()).isEmpty();
      assertThat(acme.check().isComplete()).isTrue();
      assertThat(globex.check().controllerNamed()).isFalse();
      assertThat(globex.check().purposesWithoutActivity()).containsExactly("billing");
      assertThat(acmeExport.toString(StandardCharsets.UTF_8))
          .contains("for tenant `acme`", "Acme GmbH", "Acme mailing").doesNotContain("Globex");
      assertThat(globexExport.toString(StandardCharsets.UTF_8)).contains("Globex mailing").doesNotContain("Acme");
      assertThat(globexJson.toString(StandardCharsets.UTF_8)).contains("\"tenant\":\"globex\"", "Globex mailing")
          .doesNotContain("Acme");
    }

    @Test
    void auditsEachChangeToItsTenantsChain() {
      ProcessingRecordService acme = gdpr.processingRecords().forTenant(ACME);
      ProcessingRecordService globex = gdpr.processingRecords().forTenant(GLOBEX);
      acme.save(activity("mailing", "Acme mailing", "newsletter"), DPO);
      globex.save(activity("mailing", "Globex mailing", "newsletter"), DPO);

      globex.remove("mailing", DPO);

      assertThat(acme.find("mailing")).isPresent();
      assertThat(registerChanges(ACME)).extracting(r -> r.tenant(), r -> r.details().get("change"))
          .containsExactly(tuple(ACME, "ACTIVITY_CREATED"));
      assertThat(registerChanges(GLOBEX)).extracting(r -> r.details().get("change"))
          .containsExactly("ACTIVITY_CREATED", "ACTIVITY_REMOVED");
      assertThat(registerChanges(TenantId.DEFAULT)).isEmpty();
    }
  }

  @Nested
  class Breaches {

    @Test
    void keepsEachTenantsBreachesDeadlinesAndChainApart() {
      BreachService acme = gdpr.breaches().forTenant(ACME);
      BreachService globex = gdpr.breaches().forTenant(GLOBEX);
      Instant awareAt = clock.instant().minus(Duration.ofHours(60));
      acme.record(BreachId.of("INC-1"), BreachDetails.of("Lost laptop"), awareAt, DPO);
      globex.record(BreachId.of("INC-1"), BreachDetails.of("Misdirected e-mail"), awareAt, DPO);

      globex.notifyAuthority(BreachId.of("INC-1"), clock.instant(), null, DPO);

      assertThat(acme.awaitingNotification(Duration.ofHours(24))).extracting(b -> b.details().description())
          .containsExactly("Lost laptop");
      assertThat(globex.awaitingNotification(Duration.ofHours(24))).isEmpty();
      assertThat(globex.breaches()).extracting(Breach::authorityStatus)
          .containsExactly(Breach.AuthorityStatus.NOTIFIED);
      assertThat(gdpr.breaches().breaches()).isEmpty();
      assertThatThrownBy(() -> gdpr.breaches().notifyAuthority(BreachId.of("INC-1"), clock.instant(), null, DPO))
          .isInstanceOf(UnknownBreachException.class);
      assertThat(registerChanges(ACME)).extracting(r -> r.details().get("breach")).containsExactly("INC-1");
      assertThat(registerChanges(GLOBEX)).hasSize(2).allMatch(r -> r.tenant().equals(GLOBEX));
      assertThat(registerChanges(TenantId.DEFAULT)).isEmpty();
    }

    @Test
    void racingRecordsOfOneIdInTwoTenantsBothLandEachInItsOwnChain() throws Exception {
      Instant awareAt = clock.instant().minus(Duration.ofHours(1));
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Breach>> racers = List.of(ACME, GLOBEX).stream()
          .map(tenant -> CompletableFuture.supplyAsync(() -> {
            awaitQuietly(start);
            BreachDetails details = BreachDetails.of("Breach of " + tenant);
            return gdpr.breaches().forTenant(tenant).record(BreachId.of("INC-7"), details, awareAt, DPO);
          })).toList();

      start.countDown();
      List<Breach> recorded = new ArrayList<>();
      for (CompletableFuture<Breach> racer : racers) {
        recorded.add(racer.get(30, TimeUnit.SECONDS));
      }

      assertThat(recorded).extracting(b -> b.details().description())
          .containsExactly("Breach of acme", "Breach of globex");
      assertThat(gdpr.breaches().forTenant(ACME).find(BreachId.of("INC-7"))).contains(recorded.get(0));
      assertThat(gdpr.breaches().forTenant(GLOBEX).find(BreachId.of("INC-7"))).contains(recorded.get(1));
      assertThat(registerChanges(ACME)).hasSize(1);
      assertThat(registerChanges(GLOBEX)).hasSize(1);
    }

    @Test
    void derivesAffectedSubjectsOnlyFromTheBreachsTenant() {
      // The provider answers for every tenant: tenants ordered before globex, and one after it.
      contacts.put(SubjectId.of(ACME, "alice"), "c-1", Map.of("email", "alice@acme.example"), MARCH_FIRST);
      contacts.put(SubjectId.of(GLOBEX, "bob"), "c-2", Map.of("email", "bob@globex.example"), MARCH_FIRST);
      contacts.put(SubjectId.of("carol"), "c-3", Map.of("email", "carol@example.com"), MARCH_FIRST);
      contacts.put(SubjectId.of(GLOBEX, "dave"), "c-4", Map.of("email", "dave@globex.example"), MARCH_FIRST);
      contacts.put(SubjectId.of(TenantId.of("zeta"), "erin"), "c-5", Map.of("email", "erin@zeta.example"),
          MARCH_FIRST);
      BreachService globex = gdpr.breaches().forTenant(GLOBEX);
      Breach breach = globex.record(BreachDetails.of("Contacts export leaked").withDataCategories(
          DataCategory.CONTACT_DETAILS).withExposure(MARCH), clock.instant().minus(Duration.ofHours(1)), DPO);
      List<SubjectId> streamed = new ArrayList<>();

      AffectedSubjects found = globex.affectedSubjects(breach.id(), streamed::add);

      assertThat(streamed).containsExactly(SubjectId.of(GLOBEX, "bob"), SubjectId.of(GLOBEX, "dave"));
      assertThat(found.subjects()).isEqualTo(2);
      assertThat(gdpr.audit().entries(GLOBEX, 0, 100)).extracting(e -> e.record().kind())
          .contains(AuditKind.ACCESSED);
      assertThat(gdpr.audit().entries(TenantId.DEFAULT, 0, 100)).extracting(e -> e.record().kind())
          .doesNotContain(AuditKind.ACCESSED, AuditKind.REGISTER_CHANGED);
    }
  }

  @Nested
  class Recipients {

    private final Recipient acmeMailer = Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co",
        "dpo@mail.example", CountryCode.of("DE"));
    private final Recipient globexMailer = Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Inc",
        "privacy@mail.example", CountryCode.of("AT"));
    private final Recipient globexBank = Recipient.of("bank", RecipientKind.THIRD_PARTY, "Bank",
        "privacy@bank.example", CountryCode.of("AT"));

    @Test
    void keepsEachTenantsRegisterAndChainApart() {
      RecipientService acme = gdpr.recipients().forTenant(ACME);
      RecipientService globex = gdpr.recipients().forTenant(GLOBEX);
      acme.register(acmeMailer, DPO);

      globex.register(globexMailer, DPO);
      globex.retire("mailer", "contract ended", DPO);

      assertThat(acme.recipients()).containsExactly(acmeMailer);
      assertThat(globex.recipient("mailer")).hasValueSatisfying(r -> assertThat(r.isRetired()).isTrue());
      assertThat(gdpr.recipients().recipients()).isEmpty();
      assertThatThrownBy(() -> acme.retire("bank", "never registered here", DPO))
          .isInstanceOf(UnknownRecipientException.class);
      assertThat(registerChanges(ACME)).extracting(r -> r.details().get("change")).containsExactly("added");
      assertThat(registerChanges(GLOBEX)).extracting(r -> r.details().get("change"))
          .containsExactly("added", "retired");
      assertThat(registerChanges(TenantId.DEFAULT)).isEmpty();
    }

    @Test
    void disclosesToTheRecipientOfTheSubjectsTenantAndRefusesOneOnlyAnotherTenantHas() {
      SubjectId alice = SubjectId.of(ACME, "alice");
      contacts.put(alice, "c-1", Map.of("email", "alice@acme.example"), MARCH_FIRST);
      gdpr.recipients().forTenant(ACME).register(acmeMailer, DPO);
      gdpr.recipients().forTenant(GLOBEX).register(globexMailer, DPO);
      gdpr.recipients().forTenant(GLOBEX).register(globexBank, DPO);

      // Any view discloses in the subject's tenant: the default view here, for a subject of acme.
      Disclosure disclosure = gdpr.recipients().disclose(alice, "mailer", "billing", CONTACT, DPO);
      gdpr.rectification().rectify(alice, "contacts", "c-1", "email", "alice@new.acme.example");

      assertThat(disclosure.tenant()).isEqualTo(ACME);
      assertThat(disclosure.to()).isEqualTo(CountryCode.of("DE"));
      assertThat(gdpr.recipients().recipientsOf(alice)).containsExactly(acmeMailer);
      assertThat(told).containsExactly(acmeMailer);
      assertThat(gdpr.recipients().notifications(alice)).extracting(Notification::recipient)
          .containsExactly("mailer");
      assertThatThrownBy(() -> gdpr.recipients().forTenant(GLOBEX).disclose(alice, "bank", "billing", CONTACT, DPO))
          .isInstanceOf(UnknownRecipientException.class);
      assertThat(gdpr.recipients().disclosures(alice)).containsExactly(disclosure);
    }
  }
}
