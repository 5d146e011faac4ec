package dev.switchboard.samples.etl.queue;

import dev.switchboard.samples.etl.EtlJob;
import dev.switchboard.samples.etl.EtlJobRequest;
import dev.switchboard.samples.etl.JobDispatcher;

/** Publishes each job to the queue; a {@link QueueWorker} (here or on another instance) runs it. */
public final class QueueDispatcher implements JobDispatcher {

    private final QueueClient queue;
    private final String queueName;

    public QueueDispatcher(QueueClient queue, String queueName) {
        this.queue = queue;
        this.queueName = queueName;
    }

    @Override
    public EtlJob dispatch(EtlJob job, EtlJobRequest request) {
        try {
            String messageId = queue.publish(queueName, new JobMessage(job.id(), job.submittedAt(), request),
                    job.id().toString());
            return job.withMessageId(messageId);
        } catch (RuntimeException ex) {
            // An error status, an I/O failure after the retries, or the circuit breaker refusing: all mean "not now".
            throw new DispatchException("The message queue did not accept the job: " + QueueClient.describe(ex), ex);
        }
    }

    @Override
    public String name() {
        return "queue";
    }
}
