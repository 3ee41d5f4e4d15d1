package io.gdprkit.rectification.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import io.gdprkit.HostCodeException;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.rectification.RectificationListener;
import io.gdprkit.rectification.RectificationRefusedException;
import io.gdprkit.rectification.RectificationService;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the provider and field, lets the provider write, then tells the listeners.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultRectificationService implements RectificationService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRectificationService.class);

  private final ProviderRegistry providers;
  private final List<RectificationListener> listeners = new CopyOnWriteArrayList<>();
  private final List<RecordListener> recordListeners = new CopyOnWriteArrayList<>();

  /** Told of every rectification with the record's id as well; the facade audits through it. */
  @FunctionalInterface
  public interface RecordListener {
    /** Reacts to the rectification of {@code field} of {@code record} in {@code provider}; never the value. */
    void rectified(SubjectId subject, String provider, String record, String field);
  }

  public DefaultRectificationService(ProviderRegistry providers) {
    this.providers = providers;
  }

  /** Adds a listener told of every rectification; used by the facade to wire features together. */
  public void addListener(RectificationListener listener) {
    listeners.add(Preconditions.notNull(listener, "listener"));
  }

  /** Adds a listener told of every rectification with the record's id; used by the facade's audit wiring. */
  public void addRecordListener(RecordListener listener) {
    recordListeners.add(Preconditions.notNull(listener, "listener"));
  }

  @Override
  public void rectify(SubjectId subject, String provider, String record, String field, Object value) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notBlank(provider, "provider");
    Preconditions.notBlank(record, "record");
    Preconditions.notBlank(field, "field");
    Preconditions.notNull(value, "value");
    PersonalDataProvider target = providers.provider(provider)
        .orElseThrow(() -> RectificationRefusedException.unknownProvider(provider));
    ProviderDescriptor descriptor = providers.descriptor(provider).orElseThrow();
    if (descriptor.field(field).isEmpty()) {
      throw RectificationRefusedException.unknownField(provider, field);
    }
    try {
      target.rectify(subject, record, field, value);
    } catch (UnsupportedOperationException e) {
      throw RectificationRefusedException.notSupported(provider, e);
    } catch (GdprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw HostCodeException.of("personal-data provider " + Messages.quote(provider) + " in rectify", e);
    }
    LOG.debug("field {} of provider {} rectified", field, provider);
    for (RectificationListener listener : listeners) {
      try {
        listener.rectified(subject, provider, field);
      } catch (GdprException e) {
        throw e;
      } catch (RuntimeException e) {
        throw HostCodeException.of("a rectification listener", e);
      }
    }
    for (RecordListener listener : recordListeners) {
      listener.rectified(subject, provider, record, field);
    }
  }
}
