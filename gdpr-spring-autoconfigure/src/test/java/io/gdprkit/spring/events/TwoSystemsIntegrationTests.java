package io.gdprkit.spring.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.outbox.EventOutboxRelay;
import io.gdprkit.jpa.outbox.OutboxEvent;
import io.gdprkit.spring.events.internal.AmqpMessages;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionNameStrategy;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * A CRM and a marketing-automation application, each with its own database, follow each other through the real
 * RabbitMQ of this machine: an opt-out, an objection or an erasure in one is honoured by the other's {@code decide}
 * within seconds, and duplicates, a dropped broker connection, a broker restart with events in flight and one
 * application down for a while change nothing and lose nothing (issue 12). The restart stops and starts the
 * machine's RabbitMQ with {@code rabbitmqctl}, for a few seconds, and is skipped where that cannot run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoSystemsIntegrationTests {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String MARKER = "two-systems-" + RUN;
  private static final String EXCHANGE = "gdpr-kit.two-systems." + RUN;
  private static final String NEWSLETTER = "newsletter";
  private static final Duration WITHIN = Duration.ofSeconds(10);
  /** How long a consumer may take to come back after its connection dropped: Spring AMQP retries every 5 s. */
  private static final Duration RECOVERY = Duration.ofSeconds(30);

  private static ConfigurableApplicationContext crm;
  private static ConfigurableApplicationContext marketing;
  private static CachingConnectionFactory testConnection;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(JpaTestApplication.class)
  static class App {

    @Bean
    ConnectionNameStrategy connectionNames(@Value("${gdpr.events.source}") String source) {
      return factory -> "gdpr-kit-" + source;
    }

    @Bean
    Relayed relayed() {
      return new Relayed();
    }
  }

  /** The outbox events this application relayed, as its Spring application events told them. */
  static final class Relayed {
    final List<OutboxEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(OutboxEvent event) {
      events.add(event);
    }
  }

  @BeforeAll
  static void startBoth() {
    TestBroker.requireReachable();
    testConnection = new CachingConnectionFactory(TestBroker.HOST, TestBroker.PORT);
    testConnection.setConnectionNameStrategy(f -> "gdpr-kit-test-" + MARKER);
    crm = start("crm");
    marketing = start("marketing");
  }

  @AfterAll
  static void stopBoth() {
    for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {crm, marketing}) {
      if (context != null) {
        context.close();
      }
    }
    if (testConnection != null) {
      RabbitAdmin admin = new RabbitAdmin(testConnection);
      for (String app : List.of("crm", "marketing")) {
        admin.deleteQueue(queue(app));
        admin.deleteQueue(queue(app) + ".dlq");
      }
      admin.deleteExchange(EXCHANGE);
      admin.deleteExchange(EXCHANGE + ".dlx");
      testConnection.destroy();
    }
  }

  @Test
  @Order(1)
  void honoursAnOptOutInTheOtherSystemWithinSeconds() {
    SubjectId alice = subscribedInBoth("alice");

    kit(crm).consents().withdraw(alice, NEWSLETTER);

    long millis = awaitMillis(() -> reason(marketing, alice) == DecisionReason.CONSENT_WITHDRAWN);
    LoggerFactory.getLogger(TwoSystemsIntegrationTests.class).warn("opt-out honoured by the other system in {} ms",
        millis);
    awaitMillis(() -> outboxEmpty(crm) && outboxEmpty(marketing));
    assertThat(reason(crm, alice)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @Order(2)
  void honoursAnErasureAndAnObjectionMadeInTheOtherSystem() {
    SubjectId bob = subscribedInBoth("bob");
    SubjectId frank = subscribedInBoth("frank");

    kit(marketing).erasure().erase(bob);
    kit(crm).restrictions().objectToDirectMarketing(frank, Actor.subject());

    awaitMillis(() -> kit(crm).erasure().wasErased(bob));
    awaitMillis(() -> reason(marketing, frank) == DecisionReason.OBJECTED);
    assertThat(kit(crm).decide(bob, NEWSLETTER).allowed()).isFalse();
  }

  @Test
  @Order(3)
  void changesNothingWhenAnEventArrivesAgainAfterTheSubjectConsentedAnew() {
    SubjectId grace = subscribedInBoth("grace");
    kit(crm).consents().withdraw(grace, NEWSLETTER);
    awaitMillis(() -> reason(marketing, grace) == DecisionReason.CONSENT_WITHDRAWN);
    // the relay tells Spring listeners after the broker confirmed, which may be after the other side applied it
    awaitMillis(() -> relayedWithdrawal(grace).isPresent());
    OutboxEvent withdrawal = relayedWithdrawal(grace).orElseThrow();
    grant(marketing, grace);

    RabbitTemplate broker = new RabbitTemplate(testConnection);
    Message again = AmqpMessages.toMessage(withdrawal, source("crm"));
    broker.send(EXCHANGE, "subject.ConsentWithdrawn", again);
    broker.send(EXCHANGE, "subject.ConsentWithdrawn", again);
    SubjectId henry = subscribedInBoth("henry");
    kit(crm).consents().withdraw(henry, NEWSLETTER); // after the duplicates in the queue's order
    awaitMillis(() -> reason(marketing, henry) == DecisionReason.CONSENT_WITHDRAWN);

    assertThat(reason(marketing, grace)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(inbox(marketing, withdrawal.id())).isEqualTo(List.of("APPLIED"));
  }

  @Test
  @Order(4)
  void losesNothingWhenTheBrokerDropsTheConnections() throws InterruptedException {
    SubjectId carol = subscribedInBoth("carol");
    SubjectId ivan = subscribedInBoth("ivan");

    int closed = TestBroker.closeConnections(MARKER);
    if (closed < 0) { // no rabbitmqctl here: drop them from the client's side instead
      for (ConfigurableApplicationContext context : List.of(crm, marketing)) {
        context.getBean(CachingConnectionFactory.class).resetConnection();
      }
    }
    kit(marketing).consents().withdraw(carol, NEWSLETTER);
    kit(crm).consents().withdraw(ivan, NEWSLETTER);

    awaitMillis(() -> reason(crm, carol) == DecisionReason.CONSENT_WITHDRAWN, RECOVERY);
    awaitMillis(() -> reason(marketing, ivan) == DecisionReason.CONSENT_WITHDRAWN, RECOVERY);
    assertThat(closed).as("connections closed by rabbitmqctl, or -1 when reset by the client").isNotZero();
  }

  @Test
  @Order(5)
  void catchesUpAfterBeingDownWhileTheOtherSystemChanged() {
    SubjectId dave = subscribedInBoth("dave");
    SubjectId erin = subscribedInBoth("erin");
    SubjectId judy = subscribedInBoth("judy");
    marketing.close();

    kit(crm).consents().withdraw(dave, NEWSLETTER);
    kit(crm).erasure().erase(erin);
    kit(crm).restrictions().objectToDirectMarketing(judy, Actor.subject());
    awaitMillis(() -> outboxEmpty(crm)); // confirmed by the broker, waiting in marketing's durable queue
    marketing = start("marketing");

    awaitMillis(() -> reason(marketing, dave) == DecisionReason.CONSENT_WITHDRAWN);
    awaitMillis(() -> kit(marketing).erasure().wasErased(erin));
    awaitMillis(() -> reason(marketing, judy) == DecisionReason.OBJECTED);
  }

  @Test
  @Order(6)
  void deadLettersAnEventItCanNeverApply() {
    Message broken = MessageBuilder.withBody("{\"subject\":".getBytes(StandardCharsets.UTF_8))
        .setContentType(MessageProperties.CONTENT_TYPE_JSON)
        .setMessageId(UUID.randomUUID().toString())
        .setType("ConsentWithdrawn")
        .setAppId(source("crm"))
        .setHeader(AmqpMessages.TENANT, "default")
        .build();

    new RabbitTemplate(testConnection).send(EXCHANGE, "subject.ConsentWithdrawn", broken);

    RabbitAdmin admin = new RabbitAdmin(testConnection);
    awaitMillis(() -> {
      var info = admin.getQueueInfo(queue("marketing") + ".dlq");
      return info != null && info.getMessageCount() == 1;
    });
  }

  @Test
  @Order(7)
  void settlesWithoutSendingEventsBackAndForth() throws InterruptedException {
    awaitMillis(() -> outboxEmpty(crm) && outboxEmpty(marketing));
    Thread.sleep(1_000);
    long crmInbox = inboxSize(crm);
    long marketingInbox = inboxSize(marketing);

    Thread.sleep(1_000);

    assertThat(outboxEmpty(crm) && outboxEmpty(marketing)).isTrue();
    assertThat(inboxSize(crm)).isEqualTo(crmInbox);
    assertThat(inboxSize(marketing)).isEqualTo(marketingInbox);
  }

  @Test
  @Order(8)
  void keepsEventsInTheOutboxWhileTheBrokerDoesNotConfirmThem() throws InterruptedException {
    ConfigurableApplicationContext shop = start("shop", "spring.rabbitmq.port", "1"); // nothing listens there
    try {
      SubjectId kate = SubjectId.of("kate-" + RUN);
      grant(shop, kate);

      kit(shop).consents().withdraw(kate, NEWSLETTER);
      Thread.sleep(1_000); // ten polls of the relay

      assertThat(shop.getBean(EventOutboxRelay.class).backlog(Duration.ZERO).waiting()).isEqualTo(2);
      assertThat(relayed(shop)).isEmpty();
    } finally {
      shop.close();
    }
  }

  @Test
  @Order(9)
  @ExtendWith(OutputCaptureExtension.class)
  void losesAndDuplicatesNothingWhenTheBrokerRestartsWithEventsInFlight(CapturedOutput output) throws Exception {
    TestBroker.requireControl();
    SubjectId liam = subscribedInBoth("liam");
    SubjectId mia = subscribedInBoth("mia");
    awaitMillis(() -> outboxEmpty(crm) && outboxEmpty(marketing));
    long deadLettered = deadLettered("marketing");

    long down = System.nanoTime();
    try {
      TestBroker.stopApp();
      kit(crm).consents().withdraw(liam, NEWSLETTER);
      kit(crm).erasure().erase(mia);
      awaitMillis(() -> output.getAll().contains("gdpr-kit outbox: RabbitMQ at " + TestBroker.HOST + ":"
          + TestBroker.PORT + " is unreachable"), RECOVERY); // the scheduled relay tried, and said so
      assertThat(backlog(crm)).as("in flight: waiting in the CRM's outbox").isGreaterThanOrEqualTo(2);
      assertThat(reason(marketing, liam)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    } finally {
      TestBroker.startApp(); // whatever happened above: the broker is shared
    }
    long back = System.nanoTime();

    long millis = awaitMillis(() -> reason(marketing, liam) == DecisionReason.CONSENT_WITHDRAWN
        && kit(marketing).erasure().wasErased(mia), RECOVERY);
    LoggerFactory.getLogger(TwoSystemsIntegrationTests.class).warn("broker down for {} ms; the opt-out and the erasure"
        + " honoured by the other system {} ms after it was back", (back - down) / 1_000_000, millis);
    awaitMillis(() -> outboxEmpty(crm) && outboxEmpty(marketing), RECOVERY);
    awaitMillis(() -> output.getAll().contains("is reachable again after"), RECOVERY);

    OutboxEvent withdrawal = relayedOnce("ConsentWithdrawn", liam);
    OutboxEvent erasure = relayedOnce("SubjectErased", mia);
    assertThat(inbox(marketing, withdrawal.id())).isEqualTo(List.of("APPLIED"));
    assertThat(inbox(marketing, erasure.id())).isEqualTo(List.of("APPLIED"));
    assertThat(kit(marketing).consents().history(liam, NEWSLETTER)).extracting(e -> e.type().name())
        .containsExactly("GRANTED", "WITHDRAWN");
    assertThat(deadLettered("marketing")).isEqualTo(deadLettered);
    String log = output.getAll();
    assertThat(log).doesNotContain("HostCodeException").doesNotContain("appending audit entries");
    assertThat(count(log, "is unreachable")).as("one WARN per application that had events waiting").isBetween(1L, 2L);
    assertThat(count(log, "is reachable again after")).isEqualTo(count(log, "is unreachable"));
  }

  private static long count(String log, String phrase) {
    return log.split(java.util.regex.Pattern.quote(phrase), -1).length - 1;
  }

  /** Returns the one event of {@code type} about {@code subject} that the CRM relayed, failing if it relayed two. */
  private static OutboxEvent relayedOnce(String type, SubjectId subject) {
    List<OutboxEvent> relayed = relayed(crm).stream()
        .filter(e -> e.type().equals(type) && e.aggregateId().equals(pseudonym(subject))).toList();
    assertThat(relayed).as("%s relayed once", type).hasSize(1);
    return relayed.get(0);
  }

  private static long backlog(ConfigurableApplicationContext app) {
    return app.getBean(EventOutboxRelay.class).backlog(Duration.ZERO).waiting();
  }

  private static long deadLettered(String app) {
    var info = new RabbitAdmin(testConnection).getQueueInfo(queue(app) + ".dlq");
    return info == null ? 0 : info.getMessageCount();
  }

  private static ConfigurableApplicationContext start(String app) {
    return start(app, "spring.rabbitmq.port", Integer.toString(TestBroker.PORT));
  }

  private static ConfigurableApplicationContext start(String app, String property, String value) {
    Map<String, Object> properties = new java.util.HashMap<>(Map.of(
        "test.database", app + "_" + RUN.replace('-', '_'),
        "gdpr.events.source", source(app),
        "gdpr.events.amqp.exchange", EXCHANGE,
        "gdpr.jpa.enabled", "false",
        "gdpr.purposes.newsletter.basis", "CONSENT",
        "gdpr.purposes.newsletter.description", "Monthly newsletter",
        "gdpr.purposes.newsletter.direct-marketing", "true",
        "spring.rabbitmq.host", TestBroker.HOST,
        "spring.main.banner-mode", "off",
        "logging.level.root", "WARN"));
    // the scheduled relay's outage messages, and a short backoff so that it says soon that the broker is back
    properties.put("logging.level.io.gdprkit.spring.schedule", "INFO");
    properties.put("gdpr.schedule.outbox.max-backoff", "2s");
    // Test keys only; the pseudonym key is the one both systems share, set by JpaTestApplication.
    String key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    properties.putAll(Map.of("gdpr.keys.token[0].id", "t1", "gdpr.keys.token[0].secret", key,
        "gdpr.keys.signing.id", "s1", "gdpr.keys.signing.key", key,
        "gdpr.keys.key-encryption[0].id", "kek1", "gdpr.keys.key-encryption[0].key", key));
    properties.put(property, value);
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(properties).run();
  }

  private static String source(String app) {
    return MARKER + "-" + app;
  }

  private static String queue(String app) {
    return EXCHANGE + "." + source(app);
  }

  private static GdprKit kit(ConfigurableApplicationContext app) {
    return app.getBean(GdprKit.class);
  }

  private static List<OutboxEvent> relayed(ConfigurableApplicationContext app) {
    return app.getBean(Relayed.class).events;
  }

  private static java.util.Optional<OutboxEvent> relayedWithdrawal(SubjectId subject) {
    return relayed(crm).stream()
        .filter(e -> e.type().equals("ConsentWithdrawn") && e.aggregateId().equals(pseudonym(subject)))
        .findFirst();
  }

  private static String pseudonym(SubjectId subject) {
    return io.gdprkit.audit.AuditPseudonyms.of(JpaTestApplication.SHARED_PSEUDONYM_KEY, subject);
  }

  private static SubjectId subscribedInBoth(String name) {
    SubjectId subject = SubjectId.of(name + "-" + RUN);
    grant(crm, subject);
    grant(marketing, subject);
    return subject;
  }

  private static void grant(ConfigurableApplicationContext app, SubjectId subject) {
    kit(app).consents().grant(subject, NEWSLETTER, ConsentProof.webForm("signup", "v1").build());
  }

  private static DecisionReason reason(ConfigurableApplicationContext app, SubjectId subject) {
    return kit(app).decide(subject, NEWSLETTER).reason();
  }

  private static boolean outboxEmpty(ConfigurableApplicationContext app) {
    return app.getBean(EventOutboxRelay.class).backlog(Duration.ZERO).waiting() == 0;
  }

  private static List<String> inbox(ConfigurableApplicationContext app, UUID id) {
    JpaTransactions transactions = app.getBean(JpaTransactions.class);
    return transactions.inTransaction(() -> transactions.entityManager()
        .createNativeQuery("select outcome from gdpr_event_inbox where event_id = ?", String.class)
        .setParameter(1, id.toString()).getResultList());
  }

  private static long inboxSize(ConfigurableApplicationContext app) {
    JpaTransactions transactions = app.getBean(JpaTransactions.class);
    return transactions.inTransaction(() -> ((Number) transactions.entityManager()
        .createNativeQuery("select count(*) from gdpr_event_inbox").getSingleResult()).longValue());
  }

  /** Waits until {@code condition} holds and returns how long that took; fails after {@link #WITHIN}. */
  private static long awaitMillis(BooleanSupplier condition) {
    return awaitMillis(condition, WITHIN);
  }

  private static long awaitMillis(BooleanSupplier condition, Duration within) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > within.toNanos()) {
        throw new AssertionError("not within " + within);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
