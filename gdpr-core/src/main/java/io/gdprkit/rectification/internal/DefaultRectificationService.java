package io.gdprkit.rectification.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.rectification.RectificationRefusedException;
import io.gdprkit.rectification.RectificationService;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the provider and field, then lets the provider write.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultRectificationService implements RectificationService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRectificationService.class);

  private final ProviderRegistry providers;

  public DefaultRectificationService(ProviderRegistry providers) {
    this.providers = providers;
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
    }
    LOG.debug("field {} of provider {} rectified", field, provider);
  }
}
