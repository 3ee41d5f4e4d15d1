package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Receives a subject's data items one at a time, as a provider reads them.
 *
 * <p>Providers call {@link #accept} while they iterate their store (a cursor, a stream of rows), so exports
 * run in constant memory. A sink may throw {@link io.gdprkit.GdprException}; the provider lets it through.
 *
 * <p>Usage example: <pre>{@code provider.export(alice, item -> writer.write(item));}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface DataSink {

  /** Takes one item. */
  void accept(DataItem item);
}
