package io.gdprkit.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AffectedSubjectsTests {

  private static final Actor DPO = Actor.staff("dpo");
  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");
  private static final ExposureWindow MARCH = ExposureWindow.of(FROM, UNTIL);

  private static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "CRM contacts", List.of(
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()),
      FieldDescriptor.of("iban", DataCategory.FINANCIAL, ErasureStrategy.setNull())));
  private static final ProviderDescriptor ORDERS = ProviderDescriptor.of("orders", "Shop orders", List.of(
      FieldDescriptor.of("address", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull())));

  private final TestClock clock = TestClock.at("2026-04-10T00:00:00Z");

  @Test
  void streamsTheDistinctSubjectsOfEveryProviderAndCategoryInSubjectOrder() {
    InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);
    InMemoryPersonalDataProvider orders = new InMemoryPersonalDataProvider(ORDERS);
    contacts.put(subject("carol"), "c", Map.of("email", "carol@example.com", "iban", "DE00"), FROM);
    contacts.put(subject("alice"), "c", Map.of("iban", "DE01"), FROM.plusSeconds(5));
    contacts.put(subject("zoe"), "c", Map.of("email", "zoe@example.com"), UNTIL);
    orders.put(subject("bob"), "o", Map.of("address", "Main St 1"), FROM.plusSeconds(60));
    orders.put(subject("carol"), "o", Map.of("address", "Side St 2"), FROM.plusSeconds(60));
    GdprKit gdpr = GdprKit.builder().personalData(contacts).personalData(orders).clock(clock).build();
    List<SubjectId> streamed = new ArrayList<>();

    AffectedSubjects found = gdpr.breaches().affectedSubjects(
        List.of(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL), MARCH, streamed::add);

    assertThat(streamed).containsExactly(subject("alice"), subject("bob"), subject("carol"));
    assertThat(found.subjects()).isEqualTo(3);
    assertThat(found.answered()).containsExactly("contacts", "orders");
    assertThat(found.unanswered()).isEmpty();
    assertThat(found.isComplete()).isTrue();
  }

  @Test
  void derivesABreachsSubjectsFromItsCategoriesAndExposureWindow() {
    InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);
    contacts.put(subject("alice"), "c", Map.of("iban", "DE01"), FROM);
    contacts.put(subject("bob"), "c", Map.of("email", "bob@example.com"), FROM);
    GdprKit gdpr = GdprKit.builder().personalData(contacts).clock(clock).build();
    Breach withoutWindow = gdpr.breaches().record(BreachDetails.of("Payment export leaked")
        .withDataCategories(DataCategory.FINANCIAL), clock.instant().minus(Duration.ofHours(1)), DPO);
    assertThatThrownBy(() -> gdpr.breaches().affectedSubjects(withoutWindow.id(), s -> {}))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("breach exposure must be recorded");
    gdpr.breaches().amend(withoutWindow.id(), d -> d.withExposure(MARCH), DPO);
    List<SubjectId> streamed = new ArrayList<>();

    AffectedSubjects found = gdpr.breaches().affectedSubjects(withoutWindow.id(), streamed::add);

    assertThat(streamed).containsExactly(subject("alice"));
    assertThat(found.subjects()).isEqualTo(1);
    assertThatThrownBy(() -> gdpr.breaches().affectedSubjects(BreachId.of("nope"), s -> {}))
        .isInstanceOf(UnknownBreachException.class);
    assertThatThrownBy(() -> gdpr.breaches().affectedSubjects(List.of(), MARCH, s -> {}))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void namesProvidersThatCannotAnswerAndSkipsThoseWithoutTheCategory() {
    InMemoryPersonalDataProvider orders = new InMemoryPersonalDataProvider(ORDERS);
    orders.put(subject("bob"), "o", Map.of("address", "Main St 1"), FROM);
    PersonalDataProvider legacy = new Unanswering(ProviderDescriptor.of("legacy", "Old CRM", List.of(
        FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
    PersonalDataProvider locations = new Unanswering(ProviderDescriptor.of("locations", "GPS", List.of(
        FieldDescriptor.of("gps", DataCategory.LOCATION, ErasureStrategy.setNull()))));
    GdprKit gdpr = GdprKit.builder().personalData(legacy).personalData(orders).personalData(locations)
        .clock(clock).build();
    List<SubjectId> streamed = new ArrayList<>();

    AffectedSubjects found = gdpr.breaches().affectedSubjects(List.of(DataCategory.CONTACT_DETAILS), MARCH,
        streamed::add);

    assertThat(streamed).containsExactly(subject("bob"));
    assertThat(found.answered()).containsExactly("orders");
    assertThat(found.unanswered()).containsExactly("legacy");
    assertThat(found.isComplete()).isFalse();
  }

  @Test
  void readsEachProviderPageByPageInsteadOfAllAtOnce() {
    Generated generated = new Generated(1000);
    GdprKit gdpr = GdprKit.builder().personalData(generated).clock(clock).build();
    AtomicInteger streamed = new AtomicInteger();
    List<Integer> callsWhenStreamed = new ArrayList<>();

    AffectedSubjects found = gdpr.breaches().affectedSubjects(List.of(DataCategory.CONTACT_DETAILS), MARCH,
        subject -> {
          if (streamed.incrementAndGet() % 100 == 0) {
            callsWhenStreamed.add(generated.calls.get());
          }
        });

    assertThat(found.subjects()).isEqualTo(1000);
    assertThat(generated.largestLimit).isLessThanOrEqualTo(256);
    assertThat(generated.calls.get()).isGreaterThanOrEqualTo(4);
    assertThat(callsWhenStreamed.get(0)).as("calls made when the first 100 subjects were streamed").isEqualTo(1);
  }

  @Test
  void failsWithATypedErrorWhenAProviderBreaksThePagingContract() {
    PersonalDataProvider unordered = new Unanswering(ORDERS) {
      @Override
      public List<SubjectId> subjectsWithData(DataCategory category, Instant from, Instant until,
          @Nullable SubjectId after, int limit) {
        return after == null ? List.of(subject("b"), subject("a")) : List.of();
      }
    };
    GdprKit gdpr = GdprKit.builder().personalData(unordered).clock(clock).build();

    assertThatThrownBy(() -> gdpr.breaches().affectedSubjects(List.of(DataCategory.CONTACT_DETAILS), MARCH, s -> {}))
        .isInstanceOfSatisfying(AffectedSubjectsException.class, e -> assertThat(e.provider()).isEqualTo("orders"))
        .hasMessageContaining("out of order");
  }

  private static SubjectId subject(String id) {
    return SubjectId.of(id);
  }

  /** A provider that implements only what every provider must. */
  private static class Unanswering implements PersonalDataProvider {

    private final ProviderDescriptor descriptor;

    Unanswering(ProviderDescriptor descriptor) {
      this.descriptor = descriptor;
    }

    @Override
    public ProviderDescriptor describe() {
      return descriptor;
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {}

    @Override
    public void erase(SubjectId subject, ErasureContext context) {}
  }

  /** Answers from generated subject ids without storing them, and counts the calls. */
  private static final class Generated extends Unanswering {

    private final List<SubjectId> all;
    final AtomicInteger calls = new AtomicInteger();
    volatile int largestLimit;

    Generated(int subjects) {
      super(ORDERS);
      this.all = IntStream.range(0, subjects).mapToObj(i -> subject("s-%05d".formatted(i))).toList();
    }

    @Override
    public List<SubjectId> subjectsWithData(DataCategory category, Instant from, Instant until,
        @Nullable SubjectId after, int limit) {
      calls.incrementAndGet();
      largestLimit = Math.max(largestLimit, limit);
      return all.stream().filter(s -> after == null || s.compareTo(after) > 0).limit(limit).toList();
    }
  }
}
