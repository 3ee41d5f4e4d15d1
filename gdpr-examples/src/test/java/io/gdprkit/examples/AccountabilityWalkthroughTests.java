package io.gdprkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccountabilityWalkthroughTests {

  @Test
  void walksTheAccountabilityFlowAndNeverPrintsPersonalData() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new AccountabilityWalkthrough(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("check: complete=false, declared purposes with no activity [support]")
        .contains("first line: # Records of processing activities (Art. 30(1) GDPR)")
        .contains("principal named by pseudonym: true")
        .contains("one character changed: refused, BAD_SIGNATURE")
        .contains("disclosed alice's contact details to [Mail Co]")
        .contains("transfer refused: transfer to recipient analytics refused")
        .contains("with standard contractual clauses on file: disclosed to [Mail Co, Numbers LLC]")
        .contains("bob is restricted: disclosure refused (RESTRICTED)")
        .contains("refused and audited: staff user 'support-7' is not authorised to process data category 'health'")
        .contains("column value: gk1.")
        .contains("decrypted for alice: the number")
        .contains("awaiting notification within 24 h: 1 breach(es)")
        .contains("affected subjects derived from the category and window: 2")
        .contains("give the reasons for the delay (Art. 33(1))")
        .contains("recipients told: [Mail Co (ERASED), Numbers LLC (ERASED)]")
        .contains("was destroyed (crypto-shredded")
        .contains("verify(): VerificationResult[intact=true")
        .contains("1 keys, read back true")
        .contains("entry 0 (REGISTER_CHANGED) proven in the log with")
        .contains("the later checkpoint extends the earlier one")
        .contains("the same proof for another entry: rejected (MISMATCH)")
        .doesNotContain("+49 170").doesNotContain("203.0.113.7");
  }
}
