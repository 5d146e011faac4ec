package dev.switchboard.samples.etl.queue;

import dev.switchboard.samples.etl.EtlJobRequest;
import java.time.Instant;
import java.util.UUID;

/** The queue message that carries a job: everything a worker on any etl-api instance needs to run it. */
public record JobMessage(UUID jobId, Instant submittedAt, EtlJobRequest request) {
}
