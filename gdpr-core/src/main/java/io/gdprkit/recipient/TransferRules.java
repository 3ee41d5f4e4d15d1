package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Which countries data may go to without a safeguard: the EEA and the countries with a Commission adequacy
 * decision (Art. 45), as data with the date it is valid for.
 *
 * <p>The shipped list ({@link #defaults()}, from {@code io/gdprkit/recipient/transfer-rules.properties}) is valid
 * for {@link #validOn()}; decisions are adopted, reviewed and annulled, so a host checks that date against the
 * Commission's list and overrides what changed, with {@link #withAdequacy}, {@link #withoutAdequacy} or its own
 * file in the same format through {@link #load}. Immutable and thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().transferRules(TransferRules.defaults().withoutAdequacy(CountryCode.of("US")))
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TransferRules {

  private static final String RESOURCE = "/io/gdprkit/recipient/transfer-rules.properties";
  private static final TransferRules DEFAULTS = loadDefaults();

  private final Set<CountryCode> eea;
  private final Map<CountryCode, Adequacy> adequacy;
  private final LocalDate validOn;

  private TransferRules(Set<CountryCode> eea, Map<CountryCode, Adequacy> adequacy, LocalDate validOn) {
    this.eea = Set.copyOf(eea);
    this.adequacy = Map.copyOf(adequacy);
    this.validOn = validOn;
    for (CountryCode country : this.adequacy.keySet()) {
      Preconditions.check(!this.eea.contains(country), "adequacy", "must not name an EEA country");
    }
  }

  /** Returns the EEA and adequacy lists shipped with gdpr-kit, valid on {@link #validOn()}. */
  public static TransferRules defaults() {
    return DEFAULTS;
  }

  /**
   * Returns rules of the host's own choosing.
   *
   * @param eea the countries treated as inside the EEA
   * @param adequacy the adequacy decisions by country; no EEA country
   * @param validOn the date the lists are known to be right for
   */
  public static TransferRules of(Set<CountryCode> eea, Map<CountryCode, Adequacy> adequacy, LocalDate validOn) {
    Preconditions.notNull(eea, "eea");
    Preconditions.notNull(adequacy, "adequacy");
    return new TransferRules(eea, adequacy, Preconditions.notNull(validOn, "validOn"));
  }

  /**
   * Reads rules in the format of the shipped file: {@code valid-on=YYYY-MM-DD}, {@code eea=AT,BE,...} and one
   * {@code adequacy.XX=full} or {@code adequacy.XX=partial: who is covered} per country.
   *
   * @throws InvalidInputException if a key is missing or a value is malformed
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static TransferRules load(InputStream in) {
    Preconditions.notNull(in, "in");
    Properties properties = new Properties();
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("transfer rules could not be read", e);
    }
    LocalDate validOn;
    try {
      validOn = LocalDate.parse(required(properties, "valid-on"));
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("valid-on", "must be a date as YYYY-MM-DD");
    }
    Set<CountryCode> eea = Arrays.stream(required(properties, "eea").split(","))
        .map(code -> CountryCode.of(code.strip()))
        .collect(Collectors.toSet());
    Map<CountryCode, Adequacy> adequacy = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith("adequacy.")) {
        continue;
      }
      String value = properties.getProperty(key).strip();
      Adequacy decision;
      if (value.equals("full")) {
        decision = Adequacy.full();
      } else if (value.startsWith("partial:")) {
        decision = Adequacy.partial(value.substring("partial:".length()).strip());
      } else {
        throw InvalidInputException.of(key, "must be 'full' or 'partial: <who is covered>'");
      }
      adequacy.put(CountryCode.of(key.substring("adequacy.".length())), decision);
    }
    return new TransferRules(eea, adequacy, validOn);
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    Preconditions.check(value != null && !value.isBlank(), key, "must be given");
    return value.strip();
  }

  private static TransferRules loadDefaults() {
    try (InputStream in = TransferRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the gdpr-core jar");
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a copy with an adequacy decision for {@code country}, replacing any it had, valid on {@code validOn}. */
  public TransferRules withAdequacy(CountryCode country, Adequacy decision, LocalDate asOf) {
    Preconditions.notNull(country, "country");
    Preconditions.notNull(decision, "decision");
    Map<CountryCode, Adequacy> changed = new HashMap<>(adequacy);
    changed.put(country, decision);
    return new TransferRules(eea, changed, Preconditions.notNull(asOf, "asOf"));
  }

  /** Returns a copy without an adequacy decision for {@code country}, valid on {@code asOf}. */
  public TransferRules withoutAdequacy(CountryCode country, LocalDate asOf) {
    Preconditions.notNull(country, "country");
    Map<CountryCode, Adequacy> changed = new HashMap<>(adequacy);
    changed.remove(country);
    return new TransferRules(eea, changed, Preconditions.notNull(asOf, "asOf"));
  }

  /**
   * Returns what a transfer to the recipient rests on.
   *
   * @throws TransferRefusedException if it rests on nothing: outside the EEA, no adequacy decision covering it,
   *     no documented safeguard
   */
  public TransferBasis assess(Recipient recipient) {
    Preconditions.notNull(recipient, "recipient");
    if (eea.contains(recipient.country())) {
      return TransferBasis.WITHIN_EEA;
    }
    Adequacy decision = adequacy.get(recipient.country());
    if (decision != null && !decision.isPartial()) {
      return TransferBasis.ADEQUACY_DECISION;
    }
    if (decision != null && recipient.safeguard() == Safeguard.ADEQUACY_SCOPE) {
      return TransferBasis.ADEQUACY_DECISION;
    }
    if (recipient.safeguard() != Safeguard.NONE && recipient.safeguard() != Safeguard.ADEQUACY_SCOPE) {
      return TransferBasis.SAFEGUARD;
    }
    throw TransferRefusedException.of(recipient, decision != null);
  }

  /** Returns whether the country is treated as inside the EEA. */
  public boolean isInEea(CountryCode country) {
    return eea.contains(Preconditions.notNull(country, "country"));
  }

  /** Returns the country's adequacy decision, if it has one. */
  public Optional<Adequacy> adequacy(CountryCode country) {
    return Optional.ofNullable(adequacy.get(Preconditions.notNull(country, "country")));
  }

  /** Returns the EEA countries. */
  public Set<CountryCode> eea() {
    return eea;
  }

  /** Returns the adequacy decisions by country, sorted by code. */
  public Map<CountryCode, Adequacy> adequacyDecisions() {
    Map<CountryCode, Adequacy> sorted = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    sorted.putAll(adequacy);
    return java.util.Collections.unmodifiableMap(sorted);
  }

  /** Returns the date the lists are known to be right for. */
  public LocalDate validOn() {
    return validOn;
  }
}
