package dev.switchboard.samples.etl;

import dev.switchboard.samples.etl.EtlEngine.EtlFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job and records each step (running, then succeeded or failed) in the repository, and its duration in
 * the timer {@code switchboard.etl.jobs} tagged with the {@code outcome}.
 */
public final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository repository;
    private final EtlEngine engine;
    private final Clock clock;
    private final Timer succeeded;
    private final Timer failed;
    private final Tracer tracer;

    public JobRunner(JobRepository repository, EtlEngine engine, Clock clock, MeterRegistry meters, Tracer tracer) {
        this.repository = repository;
        this.engine = engine;
        this.clock = clock;
        this.tracer = tracer;
        this.succeeded = timer(meters, "succeeded");
        this.failed = timer(meters, "failed");
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder("switchboard.etl.jobs").description("ETL jobs run by this instance, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    /**
     * Runs the job unless it already finished (a queue may deliver the same job twice); a job whose data cannot be
     * processed ends FAILED with the reason. Returns the job as it ended, empty if the repository forgot it.
     */
    public Optional<EtlJob> run(UUID id, EtlJobRequest request) {
        Optional<EtlJob> current = repository.find(id);
        if (current.isEmpty() || current.get().status().finished()) {
            return current;
        }
        Span span = tracer.currentSpan();
        String traceId = span == null ? null : span.context().traceId();
        repository.update(id, job -> job.running(clock.instant(), traceId));
        long start = System.nanoTime();
        try {
            var result = engine.run(request);
            succeeded.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            log.info("ETL job {} succeeded: {} records in, {} rows out", id, result.inputRecords(), result.rows().size());
            return repository.update(id, job -> job.succeeded(result, clock.instant()));
        } catch (EtlFailure ex) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            log.info("ETL job {} failed: {}", id, ex.getMessage());
            return repository.update(id, job -> job.failed(String.valueOf(ex.getMessage()), clock.instant()));
        }
    }
}
