package io.gdprkit.jpa.annotation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.source.Origin;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the {@code String} attribute that names where a record's data came from: the form, import file, API client,
 * third party or staff user of {@link #value() one kind of origin}.
 *
 * <p>A controller that did not collect the data from the subject must name the source (Art. 14(2)(f)) and tell it on
 * access (Art. 15(1)(g)); the provider answers {@link io.gdprkit.jpa.provider.JpaPersonalDataProvider#origins} from
 * these attributes, for the host to record with {@code gdpr.sources().tag(subject, origin)}; and a record whose
 * origin is set and is an import, a third party or a staff user's entry holds no data the subject provided, so the
 * export marks its items so and Art. 20 portability leaves them out.
 *
 * <p>Usage example: <pre>{@code @SourceTagged(Origin.Type.IMPORT_FILE) private String importedFrom;}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface SourceTagged {

  /** The kind of origin the attribute names. */
  Origin.Type value();
}
