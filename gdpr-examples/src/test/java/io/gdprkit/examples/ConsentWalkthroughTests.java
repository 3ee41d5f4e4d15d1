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
        .doesNotContain("203.0.113.7").doesNotContain("198.51.100.23");
  }
}
