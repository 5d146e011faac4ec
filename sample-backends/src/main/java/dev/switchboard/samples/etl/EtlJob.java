package dev.switchboard.samples.etl;

import dev.switchboard.samples.etl.EtlEngine.EtlResult;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job as clients see it. Immutable: every state change produces a new value, which the repository swaps in.
 *
 * @param dispatch how the job reaches a worker: {@code in-process} or {@code queue}
 * @param messageId the queue message carrying the job, when dispatched through the queue
 * @param attempts how many times a worker started it (a queue redelivery after a crash raises it)
 * @param traceId the trace the job last ran in: through the queue, the submitting request's trace, carried by the
 *        message's {@code traceparent}
 */
public record EtlJob(UUID id, @Nullable String name, JobStatus status, String dispatch, int recordCount,
        Instant submittedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, int attempts,
        @Nullable String messageId, @Nullable EtlResult result, @Nullable String error, @Nullable String traceId) {

    public static EtlJob queued(UUID id, EtlJobRequest request, String dispatch, Instant now) {
        return new EtlJob(id, request.name(), JobStatus.QUEUED, dispatch, request.records().size(), now, null, null, 0,
                null, null, null, null);
    }

    public EtlJob withMessageId(String messageId) {
        return new EtlJob(id, name, status, dispatch, recordCount, submittedAt, startedAt, finishedAt, attempts,
                messageId, result, error, traceId);
    }

    EtlJob running(Instant now, @Nullable String runTraceId) {
        return new EtlJob(id, name, JobStatus.RUNNING, dispatch, recordCount, submittedAt, now, null, attempts + 1,
                messageId, null, null, runTraceId);
    }

    EtlJob succeeded(EtlResult result, Instant now) {
        return new EtlJob(id, name, JobStatus.SUCCEEDED, dispatch, recordCount, submittedAt, startedAt, now, attempts,
                messageId, result, null, traceId);
    }

    EtlJob failed(String error, Instant now) {
        return new EtlJob(id, name, JobStatus.FAILED, dispatch, recordCount, submittedAt, startedAt, now, attempts,
                messageId, null, error, traceId);
    }
}
