package io.gdprkit.spring.schedule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What one periodic job of the kit has done on this instance: counts and times only, never a subject.
 *
 * <p>Why: a retention sweep over a large database runs for a long time; an operator, or the actuator endpoint, sees
 * that it advances (Art. 5(2): the controller can show that storage limitation is applied).
 *
 * <p>Usage example: <pre>{@code schedules.progress("retention").ifPresent(p -> log.info("{} so far", p.processedInRun()));}</pre>
 *
 * @param job the job's name: {@code retention}, {@code erasure}, {@code disclosures}, {@code audit} or
 *     {@code outbox}
 * @param running whether a run is under way now
 * @param runs how many runs ended since start-up
 * @param batchesInRun how many batches the current run (or the last one, when none runs) has done
 * @param processedInRun how many items the current (or last) run has processed
 * @param processedTotal how many items every run since start-up has processed
 * @param lastStarted when the current (or last) run started, or {@code null} before the first
 * @param lastFinished when the last run ended, or {@code null} before the first ended
 * @param lastFailure the type of the exception that ended the last run, or {@code null} if it ended well
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record GdprJobProgress(String job, boolean running, long runs, long batchesInRun, long processedInRun,
    long processedTotal, @Nullable Instant lastStarted, @Nullable Instant lastFinished,
    @Nullable String lastFailure) {}
