package io.gdprkit.rectification.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import io.gdprkit.HostCodeException;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.rectification.SubjectRectified;
import io.gdprkit.transaction.UnitOfWork;
import java.time.Clock;
import io.gdprkit.rectification.RectificationRefusedException;
import io.gdprkit.rectification.RectificationService;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the provider and field, lets the provider write and publishes {@link SubjectRectified}, as one unit.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultRectificationService implements RectificationService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRectificationService.class);

  private final ProviderRegistry providers;
  private final Clock clock;
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher events;

  public DefaultRectificationService(ProviderRegistry providers, Clock clock, UnitOfWork unitOfWork,
      GdprEventPublisher events) {
    this.providers = providers;
    this.clock = Preconditions.notNull(clock, "clock");
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
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
    unitOfWork.use("rectify", () -> {
      try {
        target.rectify(subject, record, field, value);
      } catch (UnsupportedOperationException e) {
        throw RectificationRefusedException.notSupported(provider, e);
      } catch (GdprException e) {
        throw e;
      } catch (RuntimeException e) {
        throw HostCodeException.of("personal-data provider " + Messages.quote(provider) + " in rectify", e);
      }
      // the field's name only: the event is told to recipients (Art. 19), who read the new value from the source
      events.publish(new SubjectRectified(subject, provider, record, field, clock.instant()));
    });
    LOG.debug("field {} of provider {} rectified", field, provider);
  }
}
