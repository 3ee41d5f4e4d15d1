package io.gdprkit;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.consent.ConsentService;
import io.gdprkit.consent.IpPolicy;
import io.gdprkit.consent.internal.DefaultConsentService;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.decision.Decision;
import io.gdprkit.decision.DecisionService;
import io.gdprkit.decision.Guard;
import io.gdprkit.decision.internal.DefaultDecisionService;
import io.gdprkit.export.ExportService;
import io.gdprkit.export.internal.DefaultExportService;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.preference.PreferenceService;
import io.gdprkit.preference.Topic;
import io.gdprkit.preference.internal.DefaultPreferenceService;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.source.SourceService;
import io.gdprkit.source.internal.DefaultSourceService;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point of gdpr-kit: built once, it hands out the services.
 *
 * <p>With nothing configured, {@link #builder()}{@code .build()} gives a working kit on in-memory stores,
 * the system clock and a random key ring. Every service is thread-safe; so is the kit.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit gdpr = GdprKit.builder()
 *     .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
 *     .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
 *     .build();
 * gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v3").build());
 * gdpr.guard().require(alice, "newsletter");
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class GdprKit {

  private final Clock clock;
  private final KeyRing keys;
  private final PurposeRegistry purposes;
  private final ConsentService consents;
  private final DefaultDecisionService decisions;
  private final PreferenceService preferences;
  private final SourceService sources;
  private final ProviderRegistry personalData;
  private final ExportService exports;

  private GdprKit(Builder builder) {
    this.clock = builder.clock != null ? builder.clock : Clock.systemUTC();
    this.keys = builder.keys != null ? builder.keys : KeyRing.generate();
    this.purposes = PurposeRegistry.of(builder.purposes);
    List<PersonalDataProvider> providers = new ArrayList<>(builder.providers);
    if (builder.discoverProviders) {
      ServiceLoader.load(PersonalDataProvider.class, Thread.currentThread().getContextClassLoader())
          .forEach(providers::add);
    }
    this.personalData = ProviderRegistry.of(providers);
    ConsentStore consentStore = builder.consentStore != null ? builder.consentStore : ConsentStore.inMemory();
    SourceStore sourceStore = builder.sourceStore != null ? builder.sourceStore : SourceStore.inMemory();
    Map<ProcessingSwitch, Boolean> switchDefaults = Map.copyOf(builder.switchDefaults);
    DefaultConsentService consentService = new DefaultConsentService(consentStore, sourceStore, purposes, clock, keys,
        new DefaultConsentService.Settings(
            builder.ipPolicy != null ? builder.ipPolicy : IpPolicy.TRUNCATE,
            builder.confirmationValidity != null ? builder.confirmationValidity : Builder.DEFAULT_CONFIRMATION_VALIDITY,
            switchDefaults));
    this.consents = consentService;
    this.decisions = new DefaultDecisionService(consentStore, purposes, clock, consentService::switchDefault);
    this.sources = new DefaultSourceService(sourceStore, clock);
    this.preferences = new DefaultPreferenceService(consentService, purposes, builder.topics, keys, clock,
        builder.unsubscribeValidity);
    this.exports = new DefaultExportService(personalData, consents, sources, purposes, clock);
  }

  /** Returns a builder; nothing needs configuring for an in-memory kit. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the consent ledger: grants, withdrawals, double opt-in, switches, bulk updates. */
  public ConsentService consents() {
    return consents;
  }

  /** Returns the decision service, the hot path. */
  public DecisionService decisions() {
    return decisions;
  }

  /**
   * Decides whether the subject's data may be processed for the purpose now; same as
   * {@code decisions().decide(subject, purpose)}.
   */
  public Decision decide(SubjectId subject, String purpose) {
    return decisions.decide(subject, purpose);
  }

  /** Returns the guard that throws {@link io.gdprkit.decision.ProcessingNotPermittedException} on a denial. */
  public Guard guard() {
    return decisions;
  }

  /** Returns subscription topics and unsubscribe tokens. */
  public PreferenceService preferences() {
    return preferences;
  }

  /** Returns where subjects' data came from (Art. 14). */
  public SourceService sources() {
    return sources;
  }

  /** Returns the registered personal-data providers. */
  public ProviderRegistry personalData() {
    return personalData;
  }

  /** Returns access (Art. 15) and portability (Art. 20) exports of a subject's data. */
  public ExportService exports() {
    return exports;
  }

  /** Returns the declared purposes. */
  public PurposeRegistry purposes() {
    return purposes;
  }

  /** Returns the key ring that signs tokens; rotate keys on it while the kit runs. */
  public KeyRing keys() {
    return keys;
  }

  /** Returns the clock every service reads time from. */
  public Clock clock() {
    return clock;
  }

  /**
   * Configures a {@link GdprKit}. Each method checks its argument at once; single-valued settings throw
   * {@link IllegalStateException} when set twice. Not thread-safe.
   *
   * @since 0.1
   */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {

    /** How long a double opt-in token verifies unless changed. */
    public static final Duration DEFAULT_CONFIRMATION_VALIDITY = Duration.ofDays(7);

    private final List<Purpose> purposes = new ArrayList<>();
    private final List<Topic> topics = new ArrayList<>();
    private final List<PersonalDataProvider> providers = new ArrayList<>();
    private boolean discoverProviders;
    private final Map<ProcessingSwitch, Boolean> switchDefaults = new EnumMap<>(ProcessingSwitch.class);
    private @Nullable Clock clock;
    private @Nullable KeyRing keys;
    private @Nullable ConsentStore consentStore;
    private @Nullable SourceStore sourceStore;
    private @Nullable IpPolicy ipPolicy;
    private @Nullable Duration confirmationValidity;
    private @Nullable Duration unsubscribeValidity;

    private Builder() {}

    /** Declares a purpose; repeatable, ids must be unique. */
    public Builder purpose(Purpose purpose) {
      purposes.add(Preconditions.notNull(purpose, "purpose"));
      return this;
    }

    /** Declares several purposes. */
    public Builder purposes(Collection<Purpose> all) {
      Preconditions.notNull(all, "purposes").forEach(this::purpose);
      return this;
    }

    /** Registers a store of the host's personal data; repeatable, provider ids must be unique. */
    public Builder personalData(PersonalDataProvider provider) {
      providers.add(Preconditions.notNull(provider, "provider"));
      return this;
    }

    /**
     * Also registers every provider listed under {@code META-INF/services/io.gdprkit.data.spi.PersonalDataProvider}
     * on the thread's context class loader.
     */
    public Builder discoverPersonalData() {
      if (discoverProviders) {
        throw new IllegalStateException("discoverPersonalData() was already called");
      }
      discoverProviders = true;
      return this;
    }

    /** Declares a subscription topic; its purpose must be declared and based on consent. */
    public Builder topic(Topic topic) {
      topics.add(Preconditions.notNull(topic, "topic"));
      return this;
    }

    /** Sets the clock every service reads time from; {@link Clock#systemUTC()} by default. */
    public Builder clock(Clock value) {
      requireUnset(clock, "clock");
      this.clock = Preconditions.notNull(value, "clock");
      return this;
    }

    /** Sets the key ring for tokens and keyed hashes; a random in-memory ring by default. */
    public Builder keyRing(KeyRing value) {
      requireUnset(keys, "keyRing");
      this.keys = Preconditions.notNull(value, "keyRing");
      return this;
    }

    /** Sets the consent store; {@link ConsentStore#inMemory()} by default. */
    public Builder consentStore(ConsentStore value) {
      requireUnset(consentStore, "consentStore");
      this.consentStore = Preconditions.notNull(value, "consentStore");
      return this;
    }

    /** Sets the source-tag store; {@link SourceStore#inMemory()} by default. */
    public Builder sourceStore(SourceStore value) {
      requireUnset(sourceStore, "sourceStore");
      this.sourceStore = Preconditions.notNull(value, "sourceStore");
      return this;
    }

    /** Sets what is kept of IP addresses in consent proofs; {@link IpPolicy#TRUNCATE} by default. */
    public Builder ipPolicy(IpPolicy value) {
      requireUnset(ipPolicy, "ipPolicy");
      this.ipPolicy = Preconditions.notNull(value, "ipPolicy");
      return this;
    }

    /** Sets how long double opt-in tokens verify; {@link #DEFAULT_CONFIRMATION_VALIDITY} by default. */
    public Builder confirmationTokenValidity(Duration value) {
      requireUnset(confirmationValidity, "confirmationTokenValidity");
      Preconditions.check(Preconditions.notNull(value, "confirmationTokenValidity").compareTo(Duration.ofMinutes(1)) >= 0,
          "confirmationTokenValidity", "must be at least one minute");
      this.confirmationValidity = value;
      return this;
    }

    /** Makes unsubscribe tokens expire; by default they verify as long as their key is in the ring. */
    public Builder unsubscribeTokenValidity(Duration value) {
      requireUnset(unsubscribeValidity, "unsubscribeTokenValidity");
      Preconditions.check(Preconditions.notNull(value, "unsubscribeTokenValidity").compareTo(Duration.ofDays(1)) >= 0,
          "unsubscribeTokenValidity", "must be at least one day");
      this.unsubscribeValidity = value;
      return this;
    }

    /**
     * Sets a switch's state for subjects that never set it; every switch is off by default
     * (privacy by default, Art. 25(2)).
     */
    public Builder switchDefault(ProcessingSwitch processingSwitch, boolean on) {
      Preconditions.notNull(processingSwitch, "processingSwitch");
      if (switchDefaults.putIfAbsent(processingSwitch, on) != null) {
        throw new IllegalStateException("switchDefault(" + processingSwitch + ") was already set");
      }
      return this;
    }

    /**
     * Builds the kit.
     *
     * @throws InvalidInputException if purposes or topics are declared twice or topics share a purpose
     * @throws io.gdprkit.purpose.UnknownPurposeException if a topic names an undeclared purpose
     * @throws io.gdprkit.purpose.LegalBasisMismatchException if a topic's purpose is not based on consent
     */
    public GdprKit build() {
      return new GdprKit(this);
    }

    private static void requireUnset(@Nullable Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set");
      }
    }
  }
}
