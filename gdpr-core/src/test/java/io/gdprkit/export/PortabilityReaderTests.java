package io.gdprkit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.data.DataItem;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortabilityReaderTests {

  private static final String HEAD = "{\"metadata\":{\"formatVersion\":1,\"kind\":\"PORTABILITY\","
      + "\"subject\":{\"tenant\":\"acme\",\"id\":\"contact-42\"}},\"providers\":[{\"id\":\"contacts\","
      + "\"categories\":[{\"id\":\"contact-details\",\"description\":\"Name, e-mail address, phone number, postal address\","
      + "\"sensitivity\":\"NORMAL\"}],\"items\":[";

  private static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsItemsWhateverTheOrderOfTheirAttributesAndSkipsUnknownOnes() {
    String document = HEAD + "{\"later\":{\"x\":[1]},\"valueType\":\"long\",\"value\":5,\"collectedAt\":null,"
        + "\"providedBySubject\":true,\"category\":\"contact-details\",\"field\":\"visits\",\"record\":\"c-42\"}]}],"
        + "\"consents\":[{\"ignored\":true}]}";
    List<DataItem> read = new ArrayList<>();

    long count = PortabilityReader.read(json(document), read::add);

    assertThat(count).isEqualTo(1);
    assertThat(read).containsExactly(new DataItem(SubjectId.of(TenantId.of("acme"), "contact-42"), "contacts", "c-42",
        "visits", DataCategory.CONTACT_DETAILS, 5L, true, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json alice@example.com",
      "{\"metadata\":{\"formatVersion\":1,",
      "[]",
      "{\"metadata\":{\"formatVersion\":2,\"subject\":{\"tenant\":\"t\",\"id\":\"s\"}},\"providers\":[]}",
      "{\"providers\":[],\"metadata\":{\"formatVersion\":1,\"subject\":{\"tenant\":\"t\",\"id\":\"s\"}}}",
      "{\"metadata\":{\"formatVersion\":1,\"subject\":{\"tenant\":\"t\",\"id\":\"s\"}}}",
      "{\"metadata\":{\"formatVersion\":1,\"subject\":{\"tenant\":\"t\",\"id\":\"alice@example.com x\"}},\"providers\":[]}",
  })
  void refusesWhatIsNotAnExportWithoutQuotingIt(String document) {
    assertThatThrownBy(() -> PortabilityReader.read(json(document), item -> {}))
        .isInstanceOf(PortabilityReadException.class)
        .hasMessageStartingWith("portability document is malformed")
        .hasMessageNotContaining("alice@example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"record\":\"r\",\"field\":\"f\",\"category\":\"undeclared\",\"value\":\"alice@example.com\"}",
      "{\"record\":\"r\",\"field\":\"f\",\"category\":\"contact-details\",\"value\":[\"alice@example.com\"]}",
      "{\"record\":\"r\",\"field\":\"f\",\"category\":\"contact-details\",\"value\":\"alice@example.com\","
          + "\"valueType\":\"long\"}",
      "{\"record\":\"r\",\"field\":\"f\",\"category\":\"contact-details\",\"value\":1,\"valueType\":\"uuid\"}",
      "{\"field\":\"f\",\"category\":\"contact-details\",\"value\":\"alice@example.com\"}",
      "{\"record\":\"r\",\"field\":\"f\",\"category\":\"contact-details\",\"collectedAt\":\"alice@example.com\"}",
  })
  void refusesAMalformedItemWithoutQuotingIt(String item) {
    assertThatThrownBy(() -> PortabilityReader.read(json(HEAD + item + "]}]}"), read -> {}))
        .isInstanceOf(PortabilityReadException.class)
        .hasMessageStartingWith("portability document is malformed")
        .hasMessageNotContaining("alice@example.com");
  }

  @Test
  void reportsAFailingInputByTheClassOfItsFailure() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("cannot read alice@example.com");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return read();
      }
    };

    assertThatThrownBy(() -> PortabilityReader.read(failing, item -> {}))
        .isInstanceOf(PortabilityReadException.class)
        .hasMessage("portability document could not be read: the input threw java.io.IOException")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void rejectsNullArgumentsNamingThem() {
    assertThatThrownBy(() -> PortabilityReader.read(null, item -> {}))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("in");
    assertThatThrownBy(() -> PortabilityReader.read(json("{}"), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("sink");
  }
}
