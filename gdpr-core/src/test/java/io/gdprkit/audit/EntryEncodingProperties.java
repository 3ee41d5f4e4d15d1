package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The canonical encoding of an entry is its stored form: decoding gives back the very entry that was encoded, and
 * decoding anything else is a typed error, never an exception from array indexing, so no two byte strings decode to
 * the same entry.
 */
class EntryEncodingProperties {

  private static final AuditHash HASH = AuditHash.ofHex("ab".repeat(32));

  @Property(tries = 500)
  void decodesEveryEntryToItself(@ForAll("entries") AuditEntry entry) {
    byte[] bytes = EntryHashing.canonicalBytes(entry);

    AuditEntry decoded = EntryHashing.decode(bytes, entry.hash());

    assertThat(decoded).isEqualTo(entry);
    assertThat(EntryHashing.positionOf(bytes)).isEqualTo(entry.position());
    assertThat(EntryHashing.previousHashOf(bytes)).isEqualTo(entry.previousHash());
    assertThat(EntryHashing.hashes(bytes, EntryHashing.hash(entry.position(), entry.at(), entry.record(),
        entry.previousHash()))).isTrue();
  }

  @Property(tries = 300)
  void rejectsEveryTruncation(@ForAll("entries") AuditEntry entry, @ForAll double cut) {
    byte[] bytes = EntryHashing.canonicalBytes(entry);
    byte[] truncated = Arrays.copyOf(bytes, (int) (Math.abs(cut) % 1 * bytes.length));

    assertThatThrownBy(() -> EntryHashing.decode(truncated, HASH)).isInstanceOf(InvalidInputException.class);
  }

  @Property(tries = 1_000)
  void decodesAChangedByteOnlyToAnEntryThatEncodesToThoseBytes(@ForAll("entries") AuditEntry entry,
      @ForAll double where, @ForAll byte value) {
    byte[] bytes = EntryHashing.canonicalBytes(entry);
    bytes[(int) (Math.abs(where) % 1 * bytes.length)] = value;

    assertDecodesStrictly(bytes);
  }

  @Property(tries = 1_000)
  void decodesArbitraryBytesOnlyToAnEntryThatEncodesToThem(@ForAll @Size(max = 200) byte[] tail) {
    byte[] bytes = new byte[tail.length + 1];
    bytes[0] = 2;
    System.arraycopy(tail, 0, bytes, 1, tail.length);

    assertDecodesStrictly(bytes);
  }

  @Example
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

  @Example
  void rejectsDetailsOutOfKeyOrder() {
    byte[] bytes = EntryHashing.canonicalBytes(entry(Map.of("a", "x", "b", "x")));
    int a = indexOf(bytes, new byte[] {'a', 0, 0, 0, 1, 'x', 0, 0, 0, 1, 'b'});
    bytes[a] = 'b';
    bytes[a + 10] = 'a';

    assertThatThrownBy(() -> EntryHashing.decode(bytes, HASH)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key order");
  }

  @Example
  void refusesARecordWithALoneSurrogateThatUtf8CouldNotCarry() {
    assertThatThrownBy(() -> entry(Map.of("state", "granted\uD800"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("detail value").hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> entry(Map.of("\uDC00key", "x"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("detail key");
    assertThat(entry(Map.of("state", "granted \uD834\uDD1E")).record().details()).containsKey("state");
  }

  @Example
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

  @Provide
  Arbitrary<AuditEntry> entries() {
    Arbitrary<String> identifiers = Arbitraries.strings().alpha().numeric().withChars("._:@/+-").ofMinLength(1)
        .ofMaxLength(20).filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    Arbitrary<Actor> actors = Combinators.combine(Arbitraries.of(Actor.Type.class), identifiers)
        .as((type, id) -> type == Actor.Type.SUBJECT ? Actor.subject() : new Actor(type, id));
    Arbitrary<String> texts = text(false).filter(s -> !s.isBlank());
    Arbitrary<Map<String, String>> details = Arbitraries.maps(texts.map(s -> s.length() > 100 ? s.substring(0, 100)
        : s).filter(s -> !s.isBlank() && !Character.isLowSurrogate(s.charAt(s.length() - 1))), text(true)).ofMaxSize(8);
    Arbitrary<AuditRecord> records = Combinators.combine(Arbitraries.of(AuditKind.class), identifiers.map(TenantId::of),
        texts.injectNull(0.3), actors, texts.injectNull(0.3), details).as(AuditRecord::new);
    Arbitrary<Instant> times = Combinators.combine(
        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    Arbitrary<AuditHash> hashes = Arbitraries.bytes().array(byte[].class).ofSize(AuditHash.BYTES).map(AuditHash::of);
    return Combinators.combine(Arbitraries.longs().greaterOrEqual(0), times, records, hashes, hashes)
        .as(AuditEntry::new);
  }

  /** Well-formed text of up to 40 code points from all of Unicode, surrogate pairs included; controls if asked. */
  private static Arbitrary<String> text(boolean controls) {
    return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .filter(cp -> controls || !Character.isISOControl(cp))
        .list().ofMaxSize(40)
        .map(cps -> cps.stream().map(Character::toString).collect(Collectors.joining()));
  }
}
