package io.gdprkit.jpa.annotation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the attribute that dates an entity's record: retention periods run from it (Art. 5(1)(e), 17(3)(b): an
 * invoice is kept ten years after its date), and the export gives it as the time the data was collected.
 *
 * <p>The attribute is an {@code Instant}, {@code LocalDate} (the start of the day in UTC), {@code LocalDateTime}
 * (read in UTC), {@code OffsetDateTime} or {@code ZonedDateTime}. An entity with a
 * {@link PersonalData#retention() retention} must have one; without it, a record counts as made at the time of the
 * erasure.
 *
 * <p>Usage example: <pre>{@code @RecordDate private LocalDate issuedOn;}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface RecordDate {}
