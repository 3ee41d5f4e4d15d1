package io.gdprkit.receipt;

import static io.gdprkit.receipt.ReceiptFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.receipt.ConsentReceipt.Notice;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Art. 7(1) and ISO/IEC TS 27560 6.3.4.1-2: a double opt-in's CONFIRMED receipt keeps the evidence of the "
    + "form the request showed")
class DoubleOptInReceiptTests {

  private final ReceiptFixture fixture = new ReceiptFixture();

  private PendingConsent request() {
    return fixture.gdpr.consents().requestConfirmation(ALICE, "newsletter", ConsentProof.webForm("signup-form", "v3")
        .ip("203.0.113.7").noticeText("Get our monthly newsletter.").locale(Locale.GERMANY).build());
  }

  @Test
  @DisplayName("the CONFIRMED receipt names the PENDING event's form, notice hash, notice version and language")
  void carriesTheFormEvidenceOfTheRequest() {
    PendingConsent pending = request();
    fixture.clock.advance(Duration.ofMinutes(5));
    ConsentEvent confirmed = fixture.gdpr.consents().confirm(pending.token());

    ConsentReceipt pendingReceipt = fixture.gdpr.receipts().issue(pending.event()).receipt();
    ConsentReceipt confirmedReceipt = fixture.gdpr.receipts().issue(confirmed).receipt();

    Notice shown = pendingReceipt.iso27560().notice();
    assertThat(shown.noticeId()).isEqualTo("signup-form");
    assertThat(shown.sha256()).isNotNull();
    assertThat(confirmedReceipt.iso27560().notice()).isEqualTo(shown);
    assertThat(confirmedReceipt.language()).isEqualTo("de");
    assertThat(confirmedReceipt.iso27560().event().eventType()).isEqualTo("CONFIRMED");
    assertThat(confirmedReceipt.collectionMethod()).isEqualTo("EMAIL_DOUBLE_OPT_IN");
  }

  @Test
  @DisplayName("the click's own network evidence stays the click's; the request's IP address is not copied")
  void keepsTheClicksOwnNetworkEvidence() {
    PendingConsent pending = request();

    ConsentEvent confirmed = fixture.gdpr.consents().confirm(pending.token(),
        ConsentProof.emailConfirmation().ip("198.51.100.4").userAgent("Mail client").build());

    assertThat(confirmed.proof().ip().value().value(io.gdprkit.subject.PersonalDataAccess.unredacted()))
        .startsWith("198.51.100.");
    assertThat(confirmed.proof().userAgent()).isEqualTo("Mail client");
    assertThat(confirmed.proof().formId()).isEqualTo("signup-form");
    assertThat(confirmed.proof().formVersion()).isEqualTo("v3");
  }
}
