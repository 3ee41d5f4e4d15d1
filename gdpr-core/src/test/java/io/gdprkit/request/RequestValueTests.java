package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.ALICE;
import static io.gdprkit.request.RequestFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.InvalidInputException;
import io.gdprkit.request.spi.MailMessage;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValueTests {

  private static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant DUE = Instant.parse("2026-04-03T00:00:00Z");

  @Nested
  class Ids {

    @Test
    void readsBackWhatItWrites() {
      RequestId id = RequestId.random();

      RequestId parsed = RequestId.parse(id.toString());
      RequestId upperCase = RequestId.parse(id.toString().toUpperCase(Locale.ROOT));

      assertThat(parsed).isEqualTo(id);
      assertThat(upperCase).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "0ea75002fb994dd69be886c577fd1fbc", " "})
    void refusesTextThatIsNotACanonicalUuid(String text) {
      Throwable thrown = catchThrowable(() -> RequestId.parse(text));

      assertThat(thrown).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.field()).isEqualTo("request id"));
    }

    @Test
    void orderByTheirTextLikeADatabaseDoes() {
      RequestId low = RequestId.of(UUID.fromString("7fffffff-0000-4000-8000-000000000000"));
      RequestId high = RequestId.of(UUID.fromString("80000000-0000-4000-8000-000000000000"));

      List<RequestId> sorted = new ArrayList<>(List.of(high, low));
      sorted.sort(null);

      // UUID.compareTo compares signed longs and would put 8... before 7....
      assertThat(sorted).containsExactly(low, high);
    }
  }

  @Nested
  class States {

    @Test
    void moveOnlyForwardOrToRejected() {
      assertThat(RequestState.RECEIVED.canMoveTo(RequestState.IDENTITY_VERIFIED)).isTrue();
      assertThat(RequestState.RECEIVED.canMoveTo(RequestState.IN_PROGRESS)).isFalse();
      assertThat(RequestState.IDENTITY_VERIFIED.canMoveTo(RequestState.IN_PROGRESS)).isTrue();
      assertThat(RequestState.IDENTITY_VERIFIED.canMoveTo(RequestState.RECEIVED)).isFalse();
      assertThat(RequestState.IN_PROGRESS.canMoveTo(RequestState.COMPLETED)).isTrue();
      assertThat(RequestState.IN_PROGRESS.canMoveTo(RequestState.REJECTED)).isTrue();
      assertThat(RequestState.COMPLETED.canMoveTo(RequestState.REJECTED)).isFalse();
      assertThat(RequestState.REJECTED.canMoveTo(RequestState.RECEIVED)).isFalse();
    }

    @Test
    void areOpenUntilCompletedOrRejected() {
      assertThat(RequestState.values()).filteredOn(RequestState::isOpen)
          .containsExactly(RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS);
    }
  }

  @Nested
  class Requests {

    private final SubjectRequest received =
        SubjectRequest.received(RequestId.random(), ALICE, RequestKind.ACCESS, RECEIVED, DUE, Actor.subject());

    @Test
    void startAtVersionOneAndGainAVersionPerStep() {
      SubjectRequest verified = received.step(RequestState.IDENTITY_VERIFIED, RECEIVED.plusSeconds(60),
          Actor.subject(), null);

      assertThat(received.version()).isEqualTo(1);
      assertThat(verified.version()).isEqualTo(2);
      assertThat(verified.deadline()).isEqualTo(DUE);
    }

    @Test
    void refuseAStepThatSkipsAState() {
      Throwable thrown = catchThrowable(() -> received.step(RequestState.COMPLETED, RECEIVED, DPO, null));

      assertThat(thrown).isInstanceOf(InvalidInputException.class).hasMessageContaining("RECEIVED cannot move to");
    }

    @Test
    void refuseARejectionWithoutAReasonAndAnyStepAfterAFinalState() {
      SubjectRequest rejected = received.rejected("Unfounded.", RECEIVED, DPO);

      Throwable withoutReason = catchThrowable(() -> received.step(RequestState.REJECTED, RECEIVED, DPO, "x"));
      Throwable afterRejection = catchThrowable(() -> rejected.step(RequestState.REJECTED, RECEIVED, DPO, null));
      Throwable selfStepAfterRejection = catchThrowable(() -> rejected.extended(
          new SubjectRequest.Extension(DUE.plus(Duration.ofDays(30)), "Busy.", RECEIVED), DPO));

      assertThat(withoutReason).isInstanceOf(InvalidInputException.class);
      assertThat(afterRejection).isInstanceOf(InvalidInputException.class);
      assertThat(selfStepAfterRejection).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refuseTransitionsThatDoNotLeadToTheState() {
      Throwable wrongState = catchThrowable(() -> new SubjectRequest(received.id(), ALICE, RequestKind.ACCESS,
          RequestState.IN_PROGRESS, RECEIVED, DUE, null, null, received.transitions(), 1, null));
      Throwable noReceipt = catchThrowable(() -> new SubjectRequest(received.id(), ALICE, RequestKind.ACCESS,
          RequestState.RECEIVED, RECEIVED, DUE, null, null, List.of(), 1, null));
      Throwable rejectionWithoutRejectedState = catchThrowable(() -> new SubjectRequest(received.id(), ALICE,
          RequestKind.ACCESS, RequestState.RECEIVED, RECEIVED, DUE, null,
          new SubjectRequest.Rejection("No.", RECEIVED), received.transitions(), 1, null));
      Throwable dueBeforeReceipt = catchThrowable(() -> SubjectRequest.received(RequestId.random(), ALICE,
          RequestKind.ACCESS, RECEIVED, RECEIVED, DPO));

      assertThat(wrongState).isInstanceOf(InvalidInputException.class).hasMessageContaining("must end in");
      assertThat(noReceipt).isInstanceOf(InvalidInputException.class).hasMessageContaining("receipt");
      assertThat(rejectionWithoutRejectedState).isInstanceOf(InvalidInputException.class);
      assertThat(dueBeforeReceipt).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void countEveryWriteAsAVersionAndClearTheirClaimWithTheNextStep() {
      SubjectRequest.Claim claim = new SubjectRequest.Claim("node-a", RECEIVED.plusSeconds(300));

      SubjectRequest claimed = received.claimed(claim);
      SubjectRequest released = claimed.unclaimed();
      SubjectRequest stepped = claimed.step(RequestState.IDENTITY_VERIFIED, RECEIVED, Actor.subject(), null);

      assertThat(claimed).returns(2, SubjectRequest::version).returns(claim, SubjectRequest::claim)
          .returns(received.transitions(), SubjectRequest::transitions);
      assertThat(released).returns(3, SubjectRequest::version).returns(null, SubjectRequest::claim)
          .returns(received.transitions(), SubjectRequest::transitions);
      assertThat(stepped).returns(3, SubjectRequest::version).returns(null, SubjectRequest::claim);
      assertThat(claim.heldAt(RECEIVED.plusSeconds(299))).isTrue();
      assertThat(claim.heldAt(RECEIVED.plusSeconds(300))).isFalse();
    }

    @Test
    void refuseAVersionBelowTheirStepsAClaimOnAClosedRequestAndAnOwnerThatIsNoId() {
      SubjectRequest rejected = received.rejected("No.", RECEIVED, DPO);
      SubjectRequest.Claim claim = new SubjectRequest.Claim("node-a", RECEIVED.plusSeconds(300));

      Throwable versionBelowSteps = catchThrowable(() -> new SubjectRequest(rejected.id(), ALICE, RequestKind.ACCESS,
          rejected.state(), RECEIVED, DUE, null, rejected.rejection(), rejected.transitions(), 1, null));
      Throwable claimWhenClosed = catchThrowable(() -> rejected.claimed(claim));
      Throwable ownerNoId = catchThrowable(() -> new SubjectRequest.Claim("node a\n", RECEIVED));

      assertThat(versionBelowSteps).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.field()).isEqualTo("version"));
      assertThat(claimWhenClosed).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.field()).isEqualTo("claim"));
      assertThat(ownerNoId).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.field()).isEqualTo("claim owner"));
    }

    @Test
    void refuseAnExtensionThatDoesNotMoveTheDeadlineLater() {
      Throwable thrown = catchThrowable(() -> received.extended(new SubjectRequest.Extension(DUE, "Busy.", RECEIVED),
          DPO));

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void knowWhenTheyAreOverdue() {
      SubjectRequest completed = received.step(RequestState.IDENTITY_VERIFIED, RECEIVED, Actor.subject(), null)
          .step(RequestState.IN_PROGRESS, RECEIVED, DPO, null).step(RequestState.COMPLETED, RECEIVED, DPO, null);

      assertThat(received.isOverdueAt(DUE.minusNanos(1))).isFalse();
      assertThat(received.isOverdueAt(DUE)).isTrue();
      assertThat(completed.isOverdueAt(DUE.plus(Duration.ofDays(100)))).isFalse();
    }
  }

  @Nested
  class Kinds {

    @Test
    void nameTheArticleThatGrantsTheRight() {
      assertThat(RequestKind.values()).extracting(RequestKind::article)
          .containsExactly("Art. 15", "Art. 20", "Art. 17", "Art. 16", "Art. 18", "Art. 21");
    }
  }

  @Nested
  class Options {

    @Test
    void needALinkWithATokenPlaceholderAndAtLeastAMinute() {
      Throwable noPlaceholder = catchThrowable(() -> EmailVerificationOptions.defaults()
          .withLink("https://example.com/verify"));
      Throwable tooShort = catchThrowable(() -> EmailVerificationOptions.defaults()
          .withTokenValidity(Duration.ofSeconds(59)));

      assertThat(noPlaceholder).isInstanceOf(InvalidInputException.class).hasMessageContaining("{token}");
      assertThat(tooShort).isInstanceOf(InvalidInputException.class);
      assertThat(EmailVerificationOptions.defaults().tokenValidity()).isEqualTo(Duration.ofHours(48));
    }
  }

  @Test
  void describeAMailWithoutItsBodyOrAddress() {
    MailMessage mail = new MailMessage(PersonalData.of("alice@example.com"), "Confirm", "Your code: dsar1.secret");

    assertThat(mail.toString()).contains("Confirm").doesNotContain("alice@").doesNotContain("dsar1.secret");
  }
}
