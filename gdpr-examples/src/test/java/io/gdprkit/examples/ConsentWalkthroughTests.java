package io.gdprkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsentWalkthroughTests {

  @Test
  void walksTheWholeConsentFlowAndNeverPrintsAFullIpAddress() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new ConsentWalkthrough(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("decide(alice, newsletter)   -> Decision[allowed=true, reason=CONSENT_GIVEN")
        .contains("decide(alice, lead-scoring) -> Decision[allowed=false, reason=PROFILING_OFF")
        .contains("after switching profiling on: Decision[allowed=true, reason=LEGAL_BASIS")
        .contains("pending; decide(bob, newsletter) -> CONSENT_PENDING")
        .contains("confirmed; decide(bob, newsletter) -> CONSENT_GIVEN")
        .contains("clicking the link again: ALREADY_USED")
        .contains("withdrawn: [newsletter]; decide(bob, newsletter) -> CONSENT_WITHDRAWN")
        .contains("decide(alice, newsletter) -> CONSENT_EXPIRED")
        .contains("expiries recorded by the sweep: 1")
        .contains("examined 1200, matched 1200, updated 1200, unchanged 0, batches 3, failed batches 0")
        .contains("ip kept as TRUNCATE (PersonalData[redacted])")
        .contains("decide(bob, postal-offers) -> OBJECTED")
        .contains("override refused: ABSOLUTE_FOR_DIRECT_MARKETING")
        .contains("while restricted, decide(bob, billing) -> RESTRICTED")
        .contains("after lifting, decide(bob, billing) -> LEGAL_BASIS")
        .contains("invoices  deleted 0 records, anonymised 1 fields, retained [amount (tax law (AO §147)")
        .contains("contact record now: name=erased, email=pseud:p1:")
        .contains("re-import refused: this e-mail address belongs to a person who was erased")
        .contains("sweep erased {inactive-leads=1}; dave's name now: erased")
        .doesNotContain("carol@example.com").doesNotContain("192.0.2.44")
        .doesNotContain("203.0.113.7").doesNotContain("198.51.100.23");
  }
}
