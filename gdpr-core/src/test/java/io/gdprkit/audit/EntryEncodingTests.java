package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import io.gdprkit.SeededRandom;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.HashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical encoding of an entry is its stored form: decoding gives back the very entry that was encoded, and
 * decoding anything else is a typed error, never an exception from array indexing, so no two byte strings decode to
 * the same entry.
 */
@ExtendWith(SeededRandom.NamesTheSeed.class)
class EntryEncodingTests {

  private static final AuditHash HASH = AuditHash.ofHex("ab".repeat(32));

  static LongStream seeds300() {
    return SeededRandom.seeds(300);
  }

  static LongStream seeds500() {
    return SeededRandom.seeds(500);
  }

  static LongStream seeds1000() {
    return SeededRandom.seeds(1_000);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds500")
  void decodesEveryEntryToItself(long seed) {
    AuditEntry entry = entry(SeededRandom.of(seed));
    byte[] bytes = EntryHashing.canonicalBytes(entry);

    AuditEntry decoded = EntryHashing.decode(bytes, entry.hash());

    assertThat(decoded).isEqualTo(entry);
    assertThat(EntryHashing.positionOf(bytes)).isEqualTo(entry.position());
    assertThat(EntryHashing.previousHashOf(bytes)).isEqualTo(entry.previousHash());
    assertThat(EntryHashing.hashes(bytes, EntryHashing.hash(entry.position(), entry.at(), entry.record(),
        entry.previousHash()))).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  void rejectsEveryTruncation(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    byte[] bytes = EntryHashing.canonicalBytes(entry(random));
    byte[] truncated = Arrays.copyOf(bytes, random.intBetween(0, bytes.length - 1));

    assertThatThrownBy(() -> EntryHashing.decode(truncated, HASH)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds1000")
  void decodesAChangedByteOnlyToAnEntryThatEncodesToThoseBytes(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    byte[] bytes = EntryHashing.canonicalBytes(entry(random));
    bytes[random.intBetween(0, bytes.length - 1)] = random.anyByte();

    assertDecodesStrictly(bytes);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds1000")
  void decodesArbitraryBytesOnlyToAnEntryThatEncodesToThem(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    byte[] tail = random.bytes(random.intBetween(0, 200));
    byte[] bytes = new byte[tail.length + 1];
    bytes[0] = 2;
    System.arraycopy(tail, 0, bytes, 1, tail.length);

    assertDecodesStrictly(bytes);
  }

  @Test
  void rejectsTrailingBytesAnUnknownVersionAndMalformedUtf8() {
    AuditEntry entry = entry(Map.of("state", "granted"));
    byte[] bytes = EntryHashing.canonicalBytes(entry);
    byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
    byte[] version = bytes.clone();
    version[0] = 3;
    byte[] utf8 = bytes.clone();
    utf8[indexOf(utf8, "granted".getBytes())] = (byte) 0xC0;

    assertThatThrownBy(() -> EntryHashing.decode(trailing, HASH)).hasMessageContaining("trailing bytes");
    assertThatThrownBy(() -> EntryHashing.decode(version, HASH)).hasMessageContaining("unknown version");
    assertThatThrownBy(() -> EntryHashing.decode(utf8, HASH)).hasMessageContaining("UTF-8");
  }

  @Test
  void rejectsDetailsOutOfKeyOrder() {
    byte[] bytes = EntryHashing.canonicalBytes(entry(Map.of("a", "x", "b", "x")));
    int a = indexOf(bytes, new byte[] {'a', 0, 0, 0, 1, 'x', 0, 0, 0, 1, 'b'});
    bytes[a] = 'b';
    bytes[a + 10] = 'a';

    assertThatThrownBy(() -> EntryHashing.decode(bytes, HASH)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key order");
  }

  @Test
  void refusesARecordWithALoneSurrogateThatUtf8CouldNotCarry() {
    assertThatThrownBy(() -> entry(Map.of("state", "granted\uD800"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("detail value").hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> entry(Map.of("\uDC00key", "x"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("detail key");
    assertThat(entry(Map.of("state", "granted \uD834\uDD1E")).record().details()).containsKey("state");
  }

  @Test
  void anEncodedEntryRoundTripsAndIsEqualByContent() {
    AuditEntry entry = entry(Map.of("n", "1"));

    EncodedEntry encoded = EncodedEntry.of(entry);

    assertThat(encoded.toEntry()).isEqualTo(entry);
    assertThat(encoded).isEqualTo(new EncodedEntry(encoded.bytes().clone(), entry.hash()));
    assertThat(encoded.toString()).doesNotContain("k1:p");
  }

  private static void assertDecodesStrictly(byte[] bytes) {
    AuditEntry decoded;
    try {
      decoded = EntryHashing.decode(bytes, HASH);
    } catch (InvalidInputException e) {
      return;
    }
    assertThat(EntryHashing.canonicalBytes(decoded)).isEqualTo(bytes);
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    throw new AssertionError("pattern not in the encoding");
  }

  private static AuditEntry entry(Map<String, String> details) {
    AuditRecord record = new AuditRecord(AuditKind.ACCESSED, TenantId.DEFAULT, "k1:p1", Actor.staff("dpo"), "care",
        details);
    return new AuditEntry(7, Instant.parse("2026-12-02T06:00:00Z"), record, AuditEntry.GENESIS, HASH);
  }

  /** Returns an entry of any position, time, hashes and record: ids, texts from all of Unicode, details. */
  private static AuditEntry entry(SeededRandom random) {
    Actor.Type type = random.oneOf(Actor.Type.class);
    Actor actor = type == Actor.Type.SUBJECT ? Actor.subject() : new Actor(type, identifier(random));
    Map<String, String> details = new HashMap<>();
    int size = random.intBetween(0, 8);
    for (int i = 0; i < size; i++) {
      details.put(nonBlank(random), text(random, true));
    }
    AuditRecord record = new AuditRecord(random.oneOf(AuditKind.class), TenantId.of(identifier(random)),
        random.chance(0.3) ? null : nonBlank(random), actor, random.chance(0.3) ? null : nonBlank(random), details);
    Instant at = Instant.ofEpochSecond(random.longBetween(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
        random.intBetween(0, 999_999_999));
    return new AuditEntry(random.longBetween(0, Long.MAX_VALUE), at, record, AuditHash.of(random.bytes(AuditHash.BYTES)),
        AuditHash.of(random.bytes(AuditHash.BYTES)));
  }

  private static final String IDENTIFIER_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:@/+-";

  /** Returns an identifier of 1 to 20 characters that starts with a letter or digit. */
  private static String identifier(SeededRandom random) {
    StringBuilder id = new StringBuilder();
    id.append(IDENTIFIER_CHARS.charAt(random.intBetween(0, 61)));
    int length = random.intBetween(1, 20);
    while (id.length() < length) {
      id.append(IDENTIFIER_CHARS.charAt(random.intBetween(0, IDENTIFIER_CHARS.length() - 1)));
    }
    return id.toString();
  }

  private static String nonBlank(SeededRandom random) {
    String text = text(random, false);
    while (text.isBlank()) {
      text = text(random, false);
    }
    return text;
  }

  /**
   * Returns well-formed text of up to 40 code points from all of Unicode, surrogate pairs included, one in four of
   * them ASCII; controls if asked.
   */
  private static String text(SeededRandom random, boolean controls) {
    StringBuilder text = new StringBuilder();
    int length = random.intBetween(0, 40);
    for (int i = 0; i < length; i++) {
      int codePoint;
      do {
        codePoint = random.chance(0.25) ? random.intBetween(0, 0x7f) : random.intBetween(0, Character.MAX_CODE_POINT);
      } while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE
          || !controls && Character.isISOControl(codePoint));
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }
}
