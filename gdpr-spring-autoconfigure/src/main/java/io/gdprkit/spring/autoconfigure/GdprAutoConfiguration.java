package io.gdprkit.spring.autoconfigure;

import io.gdprkit.GdprKit;
import io.gdprkit.purpose.Purpose;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The kit itself, as one {@link GdprKit} bean assembled from the {@code gdpr.*} properties and the host's
 * {@link GdprKitCustomizer} beans; a host that defines its own {@code GdprKit} bean replaces it.
 *
 * <p>Usage example: <pre>{@code @Autowired GdprKit gdpr; gdpr.decide(SubjectId.of("c-42"), "newsletter");}</pre>
 *
 * @since 0.2
 */
@AutoConfiguration
@EnableConfigurationProperties(GdprProperties.class)
public class GdprAutoConfiguration {

  /** The kit, built from the properties and every customizer in order. */
  @Bean
  @ConditionalOnMissingBean
  public GdprKit gdprKit(GdprProperties properties, ObjectProvider<GdprKitCustomizer> customizers) {
    GdprKit.Builder builder = GdprKit.builder();
    for (Map.Entry<String, GdprProperties.PurposeProperties> entry : properties.getPurposes().entrySet()) {
      GdprProperties.PurposeProperties declared = entry.getValue();
      Purpose purpose = Purpose.of(entry.getKey(), declared.getBasis(), declared.getDescription());
      builder.purpose(declared.isDirectMarketing() ? purpose.asDirectMarketing() : purpose);
    }
    if (properties.isAllowGeneratedKeys()) {
      builder.allowGeneratedKeys();
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }
}
