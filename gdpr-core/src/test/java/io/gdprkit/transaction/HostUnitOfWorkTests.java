package io.gdprkit.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kit's operations inside a host's unit of work of the in-memory runner: Issue 9. */
class HostUnitOfWorkTests {

  private static final TenantId TENANT = TenantId.DEFAULT;
  private final SubjectId alice = SubjectId.of("contact-42");
  private final SubjectId bob = SubjectId.of("contact-43");
  private final ConsentProof form = ConsentProof.webForm("signup", "v3").build();
  private final Purpose newsletter = Purpose.of("newsletter", LegalBasis.CONSENT, "News");
  private final GdprKit gdpr = GdprKit.builder().purpose(newsletter).build();

  @Test
  void rollsBackAHostUnitThatThrowsACheckedExceptionByStealthAndStartsTheNextUnitAfresh() {
    // Issue 9: only unchecked throwables rolled back; a stealth IOException kept the grant and left the unit open
    // on the thread, so every later unit there joined it and never rolled back
    assertThatThrownBy(() -> TransactionRunner.inMemory().useTransaction(() -> {
      gdpr.consents().grant(alice, "newsletter", form);
      HostUnitOfWorkTests.<RuntimeException>sneakyThrow(new IOException("the host's own write failed"));
    })).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> TransactionRunner.inMemory().useTransaction(() -> {
      gdpr.consents().grant(bob, "newsletter", form);
      throw new IllegalStateException("the host's own write failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.consents().history(bob)).isEmpty();
    assertThat(gdpr.audit().waiting(TENANT)).isZero();
  }

  @Test
  @Timeout(30)
  void drainsNoAuditRecordOfAHostUnitStillRunningOnAnotherThread() throws Exception {
    // Issue 9: a drain on another thread appended the grant's audit record to the chain while the host's unit was
    // open; the unit then rolled back, leaving an audit entry for a grant that never happened
    CountDownLatch granted = new CountDownLatch(1);
    CountDownLatch drained = new CountDownLatch(1);
    CompletableFuture<Void> host = CompletableFuture.runAsync(() -> TransactionRunner.inMemory().useTransaction(() -> {
      gdpr.consents().grant(alice, "newsletter", form);
      granted.countDown();
      await(drained);
      throw new IllegalStateException("the host's own write failed");
    }));
    await(granted);

    long appended = gdpr.audit().drain(TENANT);
    drained.countDown();

    assertThatThrownBy(() -> host.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(appended).isZero();
    assertThat(gdpr.audit().size(TENANT)).isZero();
    assertThat(gdpr.audit().waiting(TENANT)).isZero();
    assertThat(gdpr.consents().history(alice)).isEmpty();
  }

  @Test
  void appendsTheAuditRecordOfAHostUnitWhenItCommits() {
    TransactionRunner.inMemory().useTransaction(() -> {
      gdpr.consents().grant(alice, "newsletter", form);
      assertThat(gdpr.audit().size(TENANT)).as("appended before the host's unit committed").isZero();
    });

    assertThat(gdpr.audit().size(TENANT)).isEqualTo(1);
    assertThat(gdpr.audit().waiting(TENANT)).isZero();
    assertThat(gdpr.audit().verify(TENANT).intact()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other thread got as far in time").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }
}
