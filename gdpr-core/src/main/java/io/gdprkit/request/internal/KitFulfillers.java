package io.gdprkit.request.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.export.ExportDelivery;
import io.gdprkit.export.ExportKind;
import io.gdprkit.internal.Hashing;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.request.Fulfilment;
import io.gdprkit.request.RequestFulfiller;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.SubjectId;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The fulfillers the kit registers by default, each reporting what it did for the request's evidence: the erasure
 * job and its counts, the SHA-256 and length of the export delivered, the restriction applied.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class KitFulfillers {

  private KitFulfillers() {}

  /** Delivers one export; the export service's {@code deliver}. */
  @FunctionalInterface
  public interface Exporter {

    /** Writes an export of {@code kind} to a sink {@code delivery} opens, and commits it only when whole. */
    void deliver(ExportDelivery delivery, SubjectId subject, ExportKind kind);
  }

  /** Returns a fulfiller that erases the subject and reports the job. */
  public static RequestFulfiller erasure(Function<SubjectId, ErasureReport> erase) {
    Preconditions.notNull(erase, "erase");
    return RequestFulfiller.reporting(request -> {
      ErasureReport report = erase.apply(request.subject());
      long retained = report.providers().stream().mapToLong(provider -> provider.retained().size()).sum();
      return new Fulfilment.Erased(report.job(), report.recordsDeleted(), report.fieldsAnonymised(), retained);
    });
  }

  /** Returns a fulfiller that restricts the subject's processing (Art. 18). */
  public static RequestFulfiller restriction(Consumer<SubjectRequest> restrict) {
    Preconditions.notNull(restrict, "restrict");
    return RequestFulfiller.reporting(request -> {
      restrict.accept(request);
      return Fulfilment.performed("processing restricted (Art. 18)", null);
    });
  }

  /** Returns a fulfiller that delivers an export of {@code kind} and reports the document's SHA-256 and length. */
  public static RequestFulfiller export(ExportKind kind, ExportDelivery delivery, Exporter exporter) {
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(delivery, "delivery");
    Preconditions.notNull(exporter, "exporter");
    return RequestFulfiller.reporting(request -> {
      Digesting digesting = new Digesting(delivery);
      exporter.deliver(digesting, request.subject(), kind);
      return digesting.fulfilment(kind);
    });
  }

  /** A delivery that passes everything through and digests the bytes of the one export it opens. */
  private static final class Digesting implements ExportDelivery {

    private final ExportDelivery delivery;
    private final MessageDigest digest = Hashing.sha256();
    private long bytes;
    private boolean committed;

    Digesting(ExportDelivery delivery) {
      this.delivery = delivery;
    }

    @Override
    public Sink open(SubjectId subject, ExportKind kind) throws IOException {
      // What the host's delivery returns is checked here as the export service would check it.
      Sink sink = Preconditions.notNull(delivery.open(subject, kind), "sink");
      OutputStream counted = new FilterOutputStream(Preconditions.notNull(sink.out(), "sink.out()")) {
        @Override
        public void write(int b) throws IOException {
          out.write(b);
          digest.update((byte) b);
          bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          digest.update(b, off, len);
          bytes += len;
        }
      };
      return new Sink() {
        @Override
        public OutputStream out() {
          return counted;
        }

        @Override
        public void commit() throws IOException {
          sink.commit();
          committed = true;
        }

        @Override
        public void abort(Throwable failure) {
          sink.abort(failure);
        }
      };
    }

    Fulfilment fulfilment(ExportKind kind) {
      Preconditions.check(committed, "export", "must be committed before the request is completed");
      return new Fulfilment.Exported(kind, HexFormat.of().formatHex(digest.digest()), bytes);
    }
  }
}
