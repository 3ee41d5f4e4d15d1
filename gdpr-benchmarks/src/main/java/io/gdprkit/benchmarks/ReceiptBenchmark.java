package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.receipt.ConsentReceipt;
import io.gdprkit.receipt.ConsentReceipt.PiiController;
import io.gdprkit.receipt.ConsentReceipt.PostalAddress;
import io.gdprkit.receipt.ReceiptOptions;
import io.gdprkit.receipt.ReceiptVerifier;
import io.gdprkit.receipt.SignedReceipt;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issuing and verifying a signed consent receipt against the bare Ed25519 signature of the same bytes, which is
 * what a host signing its own JSON would pay at least.
 *
 * <p>{@code issue} looks the event up in the ledger, builds the Kantara and ISO fields, writes the JSON, signs
 * the JWS and appends one entry to the (in-memory) audit trail; {@code verify} checks the JWS strictly (canonical base64url, header, signature) and parses and re-writes
 * the payload. {@code rawSign} and {@code rawVerify} sign and verify the same JWS signing input with the same key
 * and nothing else, so the difference is the receipt's own cost. Expect Ed25519 to dominate both.
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar ReceiptBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReceiptBenchmark {

  /** A kit with receipts configured and one granted consent, its receipt and the bare signing input. */
  @State(Scope.Benchmark)
  public static class Receipts {
    GdprKit gdpr;
    ConsentEvent event;
    String jws;
    SigningKey key;
    VerificationKey verificationKey;
    byte[] signingInput;
    byte[] signature;

    @Setup(Level.Trial)
    public void setUp() {
      key = SigningKey.generate("receipts-bench");
      verificationKey = key.verificationKey();
      gdpr = GdprKit.builder()
          .signingKey(key)
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
              .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.BEHAVIOURAL))
          .receipts(ReceiptOptions.of(PiiController.of("Acme GmbH", "Privacy Team",
              PostalAddress.of("Main St 1", "10115", "Berlin", CountryCode.of("DE")), "privacy@acme.example",
              "+49 30 1234"), "DE", URI.create("https://acme.example/privacy"),
              WithdrawalMethod.of(WithdrawalMethod.Means.WEB_FORM, URI.create("https://acme.example/preferences"))))
          .build();
      event = gdpr.consents().grant(SubjectId.of("contact-42"), "newsletter",
          ConsentProof.webForm("signup", "v3").noticeText("Our monthly newsletter.").locale(Locale.GERMANY).build());
      jws = gdpr.receipts().issue(event).jws();
      signingInput = jws.substring(0, jws.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
      signature = key.sign(signingInput);
    }
  }

  @Benchmark
  public SignedReceipt issue(Receipts receipts) {
    return receipts.gdpr.receipts().issue(receipts.event);
  }

  @Benchmark
  public byte[] rawSign(Receipts receipts) {
    return receipts.key.sign(receipts.signingInput);
  }

  @Benchmark
  public ConsentReceipt verify(Receipts receipts) {
    return ReceiptVerifier.verify(receipts.jws, receipts.verificationKey);
  }

  @Benchmark
  public boolean rawVerify(Receipts receipts) {
    return receipts.verificationKey.verify(receipts.signingInput, receipts.signature);
  }
}
