package io.gdprkit.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainCheckTests {

  private final TamperableAuditStore store = new TamperableAuditStore();
  private final GdprActuatorHttpIntegrationTests.SettableClock clock =
      new GdprActuatorHttpIntegrationTests.SettableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final GdprKit kit = GdprKit.builder().allowGeneratedKeys().auditStore(store).clock(clock)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")).build();
  private final AuditChainCheck check = new AuditChainCheck(kit, Duration.ofMinutes(1));

  @Test
  void verifiesTheWholeChainAgainOnlyOnceTheIntervalPassed() {
    kit.consents().grant(SubjectId.of("alice"), "newsletter", ConsentProof.webForm("signup", "v1").build());
    kit.audit().drainAll();
    boolean before = check.verify(TenantId.DEFAULT).intact();
    store.editTimeOf(TenantId.DEFAULT, 0);

    boolean withinInterval = check.verify(TenantId.DEFAULT).intact();
    clock.advance(Duration.ofMinutes(1));
    boolean afterInterval = check.verify(TenantId.DEFAULT).intact();

    assertThat(before).isTrue();
    assertThat(withinInterval).isTrue();
    assertThat(afterInterval).isFalse();
  }
}
