package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Erasure throughput: 100,000 subjects, each with a contact record (keyed hash, set null, IP mask, two contact
 * points for the suppression list), two visit records (deleted) and an invoice (kept under a legal obligation)
 * in three in-memory providers, plus one consent event; each erased in full with the report kept.
 *
 * <p>One invocation erases all 100,000 subjects; the score is microseconds per subject, so subjects/s is
 * {@code 1e6 / score}. Every iteration starts from freshly filled providers.
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar ErasureBenchmark -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ErasureBenchmark {

  static final int SUBJECTS = 100_000;
  static final Instant CREATED = Instant.parse("2025-06-01T00:00:00Z");

  /** A kit with three providers holding 100,000 subjects. */
  @State(Scope.Benchmark)
  public static class Filled {
    GdprKit gdpr;
    SubjectId[] subjects;

    @Setup(Level.Iteration)
    public void fill() {
      InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of("contacts",
          "Contacts", List.of(
              FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.keyedHash()),
              FieldDescriptor.of("phone", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()),
              FieldDescriptor.of("last-ip", DataCategory.ONLINE_IDENTIFIERS, ErasureStrategy.maskIp()))));
      InMemoryPersonalDataProvider visits = new InMemoryPersonalDataProvider(ProviderDescriptor.of("visits",
          "Visits", List.of(FieldDescriptor.of("page", DataCategory.BEHAVIOURAL, ErasureStrategy.deleteRecord()))));
      InMemoryPersonalDataProvider invoices = new InMemoryPersonalDataProvider(ProviderDescriptor.of("invoices",
          "Invoices", List.of(
              FieldDescriptor.of("amount", DataCategory.FINANCIAL, ErasureStrategy.retain("tax law", Period.ofYears(10))),
              FieldDescriptor.of("billing-email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
      gdpr = GdprKit.builder()
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News"))
          .personalData(contacts).personalData(visits).personalData(invoices)
          .build();
      subjects = new SubjectId[SUBJECTS];
      ConsentProof proof = ConsentProof.webForm("signup", "v1").build();
      for (int i = 0; i < SUBJECTS; i++) {
        SubjectId subject = SubjectId.of("contact-" + i);
        subjects[i] = subject;
        String email = "person" + i + "@example.com";
        contacts.put(subject, "c-" + i, Map.of("email", email, "phone", "+4930" + i, "last-ip", "203.0.113." + (i % 250)),
            CREATED);
        contacts.contactPoint(subject, ContactPoint.email(email));
        contacts.contactPoint(subject, ContactPoint.phone("+4930" + i));
        visits.put(subject, "v-" + i + "-1", Map.of("page", "/pricing"), CREATED);
        visits.put(subject, "v-" + i + "-2", Map.of("page", "/contact"), CREATED);
        invoices.put(subject, "i-" + i, Map.of("amount", 99.0 + i, "billing-email", email), CREATED);
        gdpr.consents().grant(subject, "newsletter", proof);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(SUBJECTS)
  public void eraseAll(Filled filled, Blackhole blackhole) {
    for (SubjectId subject : filled.subjects) {
      blackhole.consume(filled.gdpr.erasure().erase(subject));
    }
  }
}
