package io.gdprkit.export;

import static io.gdprkit.export.ExportServiceTests.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.GdprKit;
import io.gdprkit.HostCodeException;
import io.gdprkit.data.DataItem;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.request.RequestFulfilmentException;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.RequestState;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A delivered export is committed only when complete; one that fails midway is aborted, never closed normally. */
class ExportDeliveryTests {

  private final SubjectId alice = SubjectId.of("contact-42");
  private final Actor staff = Actor.staff("dpo");
  private final RecordingSink sink = new RecordingSink();
  private final IdentityVerifier trusting = new IdentityVerifier() {
    @Override
    public void begin(SubjectRequest request) {}

    @Override
    public void check(SubjectRequest request, String token) {}
  };

  @Test
  void abortsTheSinkAndNeverClosesItWhenAProviderFailsMidway() {
    // Issue 9
    GdprKit gdpr = builder().personalData(provider("flaky", (subject, out) -> {
      out.accept(new DataItem(subject, "flaky", "r-1", "note", DataCategory.CONTACT_DETAILS, "alice@example.com",
          true, null));
      throw new IllegalStateException("lost connection while reading alice@example.com");
    })).exportDelivery((subject, kind) -> sink).build();
    SubjectRequest request = startedAccessRequest(gdpr);

    Throwable thrown = catchThrowable(() -> gdpr.requests().complete(request.id(), staff));

    assertThat(thrown).isInstanceOf(RequestFulfilmentException.class);
    assertThat(sink.events).containsExactly("abort");
    assertThat(sink.failure).isInstanceOf(ExportFailedException.class);
    assertThat(sink.failure.getMessage()).contains("'flaky'").doesNotContain("alice@example.com");
    assertThat(sink.stream.closed).as("stream closed normally").isFalse();
    assertThat(gdpr.requests().find(request.id()).orElseThrow().state()).isEqualTo(RequestState.IN_PROGRESS);
  }

  @Test
  void commitsTheSinkOnceWhenTheWholeDocumentWasWritten() {
    GdprKit gdpr = builder().personalData(provider("notes", (subject, out) -> out.accept(new DataItem(subject,
        "notes", "r-1", "note", DataCategory.CONTACT_DETAILS, "hello", true, null))))
        .exportDelivery((subject, kind) -> sink).build();
    SubjectRequest request = startedAccessRequest(gdpr);

    gdpr.requests().complete(request.id(), staff);

    assertThat(sink.events).containsExactly("commit");
    assertThat(sink.stream.closed).isTrue();
    assertThat(sink.stream.toString(StandardCharsets.UTF_8)).contains("\"hello\"").endsWith("}");
  }

  @Test
  void abortsWhenTheSinkCannotCommitAndKeepsTheRequestInProgress() {
    // Issue 9
    sink.failCommit = true;
    GdprKit gdpr = builder().exportDelivery((subject, kind) -> sink).build();
    SubjectRequest request = startedAccessRequest(gdpr);

    Throwable thrown = catchThrowable(() -> gdpr.requests().complete(request.id(), staff));

    assertThat(thrown).isInstanceOf(RequestFulfilmentException.class);
    assertThat(sink.events).containsExactly("commit", "abort");
    assertThat(sink.failure).isInstanceOf(HostCodeException.class)
        .hasMessageNotContaining("disk full at /home/alice");
    assertThat(gdpr.requests().find(request.id()).orElseThrow().state()).isEqualTo(RequestState.IN_PROGRESS);
  }

  @Test
  void closesOnCommitAndHandsTheStreamToTheAbortHandlerUnclosed() throws IOException {
    RecordingStream out = new RecordingStream();
    List<Throwable> aborted = new ArrayList<>();
    ExportDelivery.Sink committed = ExportDelivery.Sink.of(out, aborted::add);

    committed.commit();

    assertThat(out.closed).isTrue();
    RecordingStream other = new RecordingStream();
    ExportDelivery.Sink failed = ExportDelivery.Sink.of(other, aborted::add);
    IllegalStateException failure = new IllegalStateException("export failed");
    failed.abort(failure);
    assertThat(other.closed).isFalse();
    assertThat(aborted).containsExactly(failure);
  }

  private GdprKit.Builder builder() {
    return GdprKit.builder().identityVerifier(trusting);
  }

  private SubjectRequest startedAccessRequest(GdprKit gdpr) {
    SubjectRequest request = gdpr.requests().receive(alice, RequestKind.ACCESS, Actor.subject());
    gdpr.requests().startVerification(request.id());
    gdpr.requests().verify(request.id(), "checked in person");
    return gdpr.requests().start(request.id(), staff);
  }

  private static final class RecordingStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  private static final class RecordingSink implements ExportDelivery.Sink {
    final RecordingStream stream = new RecordingStream();
    final List<String> events = new ArrayList<>();
    @Nullable Throwable failure;
    boolean failCommit;

    @Override
    public RecordingStream out() {
      return stream;
    }

    @Override
    public void commit() throws IOException {
      events.add("commit");
      if (failCommit) {
        throw new IOException("disk full at /home/alice");
      }
      stream.close();
    }

    @Override
    public void abort(Throwable cause) {
      events.add("abort");
      failure = cause;
    }
  }
}
