package io.gdprkit.authorisation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AuthorisationRaceTests {

  private static final Actor DPO = Actor.staff("dpo");

  private final GdprKit gdpr = GdprKit.builder().build();

  @Test
  @Timeout(60)
  void noCheckThatStartsAfterARevocationReturnedPasses() throws Exception {
    int rounds = 200;
    for (int round = 0; round < rounds; round++) {
      StaffUser nurse = StaffUser.of("nurse-" + round);
      Authorisation grant = gdpr.authorisations().grant(nurse, DataCategory.HEALTH, DPO);
      AtomicBoolean revoked = new AtomicBoolean();
      CountDownLatch start = new CountDownLatch(1);

      CompletableFuture<List<boolean[]>> checker = CompletableFuture.supplyAsync(() -> {
        List<boolean[]> checks = new ArrayList<>();
        await(start);
        for (int i = 0; i < 2_000 && !(checks.size() > 0 && checks.get(checks.size() - 1)[0]); i++) {
          boolean revokedBefore = revoked.get();
          boolean passed;
          try {
            gdpr.authorisations().require(nurse, DataCategory.HEALTH);
            passed = true;
          } catch (NotAuthorisedException refused) {
            passed = false;
          }
          checks.add(new boolean[] {revokedBefore, passed});
        }
        return checks;
      });
      start.countDown();
      gdpr.authorisations().revoke(grant.id(), DPO);
      revoked.set(true);
      List<boolean[]> checks = checker.get(30, TimeUnit.SECONDS);

      assertThat(checks).as("round %d: checks started after the revocation returned that passed", round)
          .noneMatch(check -> check[0] && check[1]);
      int refusals = (int) checks.stream().filter(check -> !check[1]).count();
      long audited = gdpr.audit().entries(TenantId.DEFAULT, 0, 100_000).stream()
          .filter(entry -> entry.record().kind() == AuditKind.ACCESS_REFUSED
              && entry.record().actor().equals(Actor.staff(nurse.id())))
          .count();
      assertThat(audited).as("round %d: every refusal audited", round).isEqualTo(refusals);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
