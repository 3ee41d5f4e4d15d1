package io.gdprkit.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorisationServiceTests {

  private static final StaffUser NURSE = StaffUser.of("nurse-7");
  private static final StaffUser SALES = StaffUser.of("sales-3");
  private static final Actor DPO = Actor.staff("dpo");
  private static final DataCategory RELIGION =
      DataCategory.of("religion", "Religious beliefs (Art. 9)", Sensitivity.SPECIAL_CATEGORY);

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
  private final GdprKit gdpr = GdprKit.builder().clock(clock).build();
  private final AuthorisationService register = gdpr.authorisations();

  @Test
  void letsAGrantedStaffUserProcessTheCategory() {
    register.grant(NURSE, DataCategory.HEALTH, DPO);

    register.require(NURSE, DataCategory.HEALTH);

    assertThat(register.isAuthorised(NURSE, DataCategory.HEALTH, clock.instant())).isTrue();
  }

  @Test
  void refusesAndAuditsAStaffUserWithoutAGrant() {
    register.grant(NURSE, DataCategory.HEALTH, DPO);

    assertThatThrownBy(() -> register.require(SALES, DataCategory.HEALTH))
        .isInstanceOfSatisfying(NotAuthorisedException.class, e -> {
          assertThat(e.staff()).isEqualTo(SALES);
          assertThat(e.category()).isEqualTo("health");
          assertThat(e.specialCategory()).isTrue();
        })
        .hasMessageContaining("sales-3").hasMessageContaining("explicit grant");
    AuditEntry refusal = last();
    assertThat(refusal.record().kind()).isEqualTo(AuditKind.ACCESS_REFUSED);
    assertThat(refusal.record().actor()).isEqualTo(Actor.staff("sales-3"));
    assertThat(refusal.record().details()).containsEntry("category", "health");
  }

  @Test
  void coversOrdinaryAndSensitiveCategoriesWithTheWildcardButNoSpecialCategory() {
    register.grantAllOrdinary(SALES, clock.instant(), null, DPO);

    register.require(SALES, DataCategory.CONTACT_DETAILS);
    register.require(SALES, DataCategory.FINANCIAL);

    assertThatThrownBy(() -> register.require(SALES, DataCategory.HEALTH)).isInstanceOf(NotAuthorisedException.class);
    assertThatThrownBy(() -> register.require(SALES, RELIGION)).isInstanceOf(NotAuthorisedException.class);
  }

  @Test
  void aGrantOfOneSpecialCategoryCoversNoOther() {
    register.grant(NURSE, DataCategory.HEALTH, DPO);

    assertThatThrownBy(() -> register.require(NURSE, RELIGION)).isInstanceOf(NotAuthorisedException.class);
    assertThatThrownBy(() -> register.require(NURSE, DataCategory.CONTACT_DETAILS))
        .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("every ordinary category");
  }

  @Test
  void appliesAGrantOnlyWithinItsValidity() {
    Instant from = clock.instant().plus(Duration.ofDays(1));
    Instant until = from.plus(Duration.ofDays(30));
    register.grant(NURSE, DataCategory.HEALTH, from, until, DPO);

    assertThatThrownBy(() -> register.require(NURSE, DataCategory.HEALTH)).isInstanceOf(NotAuthorisedException.class);
    clock.advance(Duration.ofDays(1));
    register.require(NURSE, DataCategory.HEALTH);
    clock.advance(Duration.ofDays(30));
    assertThatThrownBy(() -> register.require(NURSE, DataCategory.HEALTH)).isInstanceOf(NotAuthorisedException.class);
  }

  @Test
  void refusesAfterARevocationAndAuditsGrantAndRevocation() {
    Authorisation grant = register.grant(NURSE, DataCategory.HEALTH, DPO);
    clock.advance(Duration.ofHours(1));

    Authorisation revoked = register.revoke(grant.id(), DPO);

    assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
    assertThat(revoked.revokedBy()).isEqualTo(DPO);
    assertThatThrownBy(() -> register.require(NURSE, DataCategory.HEALTH)).isInstanceOf(NotAuthorisedException.class);
    List<AuditEntry> trail = gdpr.audit().entries(TenantId.DEFAULT, 0, 10);
    assertThat(trail).extracting(e -> e.record().kind()).containsExactly(AuditKind.REGISTER_CHANGED,
        AuditKind.REGISTER_CHANGED, AuditKind.ACCESS_REFUSED);
    assertThat(trail).extracting(e -> e.record().details().get("change")).containsExactly("granted", "revoked", null);
    assertThat(trail.get(1).record().details()).containsEntry("authorisation", grant.id().toString());
  }

  @Test
  void revokingTwiceChangesNothingTheSecondTime() {
    Authorisation grant = register.grant(NURSE, DataCategory.HEALTH, DPO);
    Authorisation first = register.revoke(grant.id(), DPO);
    clock.advance(Duration.ofHours(1));

    Authorisation second = register.revoke(grant.id(), Actor.staff("admin"));

    assertThat(second).isEqualTo(first);
    assertThat(gdpr.audit().size(TenantId.DEFAULT)).isEqualTo(2);
  }

  @Test
  void keepsAFutureRevocationUntilItsTime() {
    Authorisation grant = register.grant(NURSE, DataCategory.HEALTH, DPO);
    Instant endOfMonth = Instant.parse("2026-03-31T23:59:59Z");

    register.revoke(grant.id(), endOfMonth, DPO);

    register.require(NURSE, DataCategory.HEALTH);
    assertThat(register.isAuthorised(NURSE, DataCategory.HEALTH, endOfMonth)).isFalse();
  }

  @Test
  void answersWhoMayAccessACategoryAtAnyTime() {
    Instant start = clock.instant();
    Authorisation nurse = register.grant(NURSE, DataCategory.HEALTH, DPO);
    register.grantAllOrdinary(SALES, start, null, DPO);
    StaffUser doctor = StaffUser.of("doctor-1");
    register.grant(doctor, DataCategory.HEALTH, start.plus(Duration.ofDays(2)), null, DPO);
    clock.advance(Duration.ofDays(5));
    register.revoke(nurse.id(), DPO);

    assertThat(register.whoMayAccess(TenantId.DEFAULT, DataCategory.HEALTH, start)).containsExactly(NURSE);
    assertThat(register.whoMayAccess(TenantId.DEFAULT, DataCategory.HEALTH, start.plus(Duration.ofDays(3))))
        .containsExactly(doctor, NURSE);
    assertThat(register.whoMayAccess(TenantId.DEFAULT, DataCategory.HEALTH, clock.instant())).containsExactly(doctor);
    assertThat(register.whoMayAccess(TenantId.DEFAULT, DataCategory.CONTACT_DETAILS, start)).containsExactly(SALES);
    assertThat(register.whoMayAccess(TenantId.of("acme"), DataCategory.HEALTH, start)).isEmpty();
  }

  @Test
  void keepsTenantsApart() {
    StaffUser acmeNurse = StaffUser.of(TenantId.of("acme"), "nurse-7");
    register.grant(acmeNurse, DataCategory.HEALTH, DPO);

    assertThatThrownBy(() -> register.require(NURSE, DataCategory.HEALTH)).isInstanceOf(NotAuthorisedException.class);
    register.require(acmeNurse, DataCategory.HEALTH);
    // the pass for a special category is audited as an access, in the staff user's tenant
    assertThat(gdpr.audit().entries(TenantId.of("acme"), 0, 10)).extracting(e -> e.record().kind())
        .containsExactly(AuditKind.REGISTER_CHANGED, AuditKind.ACCESSED);
  }

  @Test
  void refusesBadInputAndWritesNothing() {
    Instant now = clock.instant();
    Authorisation grant = register.grant(NURSE, DataCategory.HEALTH, DPO);
    long audited = gdpr.audit().size(TenantId.DEFAULT);

    assertThatThrownBy(() -> register.grant(SALES, DataCategory.HEALTH, now, now, DPO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("validUntil");
    assertThatThrownBy(() -> register.grant(SALES, DataCategory.HEALTH, Actor.subject()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("grantedBy");
    assertThatThrownBy(() -> register.revoke(grant.id(), now.minusSeconds(1), DPO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("past");
    assertThatThrownBy(() -> register.revoke(grant.id(), Actor.subject()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("revokedBy");
    UUID unknown = UUID.randomUUID();
    assertThatThrownBy(() -> register.revoke(unknown, DPO))
        .isInstanceOfSatisfying(UnknownAuthorisationException.class, e -> assertThat(e.id()).isEqualTo(unknown));
    assertThatThrownBy(() -> StaffUser.of("no spaces")).isInstanceOf(InvalidInputException.class);

    assertThat(register.authorisations(SALES)).isEmpty();
    assertThat(register.authorisations(NURSE)).containsExactly(grant);
    assertThat(gdpr.audit().size(TenantId.DEFAULT)).isEqualTo(audited);
  }

  @Test
  void keepsTheRegisterInTheConfiguredStore() {
    AuthorisationStore store = AuthorisationStore.inMemory();
    GdprKit kit = GdprKit.builder().clock(clock).authorisationStore(store).build();

    Authorisation grant = kit.authorisations().grant(NURSE, DataCategory.HEALTH, DPO);

    assertThat(store.forStaff(NURSE)).containsExactly(grant);
    assertThatThrownBy(() -> GdprKit.builder().authorisationStore(store).authorisationStore(store))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("authorisationStore");
  }

  private AuditEntry last() {
    long size = gdpr.audit().size(TenantId.DEFAULT);
    return gdpr.audit().entries(TenantId.DEFAULT, size - 1, 1).get(0);
  }
}
