package dev.switchboard.samples.etl.queue;

import dev.switchboard.samples.etl.EtlEngine;
import dev.switchboard.samples.etl.EtlJob;
import dev.switchboard.samples.etl.JobRepository;
import dev.switchboard.samples.etl.JobRunner;
import dev.switchboard.samples.etl.queue.QueueClient.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes ETL jobs from the queue with long polls, runs each, then acks it. The ack comes only after the job's
 * outcome is recorded, so a crash mid-job means redelivery, never a lost job; a redelivered job that already
 * finished is acked without running again. A message that is not a job is left unacked, so that the queue's
 * dead-letter policy keeps it for inspection instead of this worker silently dropping it.
 */
public final class QueueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final QueueClient queue;
    private final String queueName;
    private final Duration pollWait;
    private final int consumers;
    private final JobRepository repository;
    private final JobRunner runner;
    private final EtlEngine engine;
    private final JsonMapper json;
    private final MessageTracing tracing;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public QueueWorker(QueueClient queue, String queueName, Duration pollWait, int consumers, JobRepository repository,
            JobRunner runner, EtlEngine engine, JsonMapper json, MessageTracing tracing) {
        this.queue = queue;
        this.queueName = queueName;
        this.pollWait = pollWait;
        this.consumers = consumers;
        this.repository = repository;
        this.runner = runner;
        this.engine = engine;
        this.json = json;
        this.tracing = tracing;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 1; i <= consumers; i++) {
            Thread thread = new Thread(this::consumeLoop, "etl-queue-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        log.info("Consuming ETL jobs from queue '{}' with {} worker(s)", queueName, consumers);
    }

    private void consumeLoop() {
        Duration backoff = Duration.ZERO;
        boolean failing = false;
        while (running) {
            try {
                Optional<Delivery> delivery = queue.consume(queueName, pollWait);
                if (failing) {
                    log.info("Queue '{}' answers again", queueName);
                    failing = false;
                }
                backoff = Duration.ZERO;
                delivery.ifPresent(this::handle);
            } catch (RuntimeException ex) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("Cannot consume from queue '{}' ({}); retrying with backoff", queueName, QueueClient.describe(ex));
                    failing = true;
                }
                backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                if (!pause(backoff)) {
                    return;
                }
            }
        }
    }

    /** Runs one delivered job and acks it; package-visible so that a test can hand it a delivery directly. */
    void handle(Delivery delivery) {
        JobMessage message;
        try {
            message = json.treeToValue(delivery.payload(), JobMessage.class);
        } catch (JacksonException | IllegalArgumentException ex) {
            log.warn("Message {} on queue '{}' is not an ETL job ({}); leaving it for redelivery and dead-lettering",
                    delivery.messageId(), queueName, ex.getMessage());
            return;
        }
        if (message.jobId() == null || message.request() == null || engine.check(message.request()) != null) {
            log.warn("Message {} on queue '{}' is not a runnable ETL job; leaving it for dead-lettering", delivery.messageId(),
                    queueName);
            return;
        }
        // A job published by another etl-api instance (or before a restart) is adopted, so its status is visible here.
        repository.adopt(EtlJob.queued(message.jobId(), message.request(), "queue", message.submittedAt())
                .withMessageId(delivery.messageId()));
        // The job runs in the trace it was submitted in: the message carries that context across the queue.
        tracing.inTraceOf(delivery.traceparent(), delivery.tracestate(), "etl-job",
                () -> runner.run(message.jobId(), message.request()));
        try {
            queue.ack(queueName, delivery.receiptHandle());
        } catch (RuntimeException ex) {
            // Typically 409: the visibility timeout passed and the message was delivered again. That delivery
            // finds the job finished and acks it without running it twice.
            log.warn("Ack of message {} for ETL job {} failed ({}); a redelivery will be acked without rerunning",
                    delivery.messageId(), message.jobId(), QueueClient.describe(ex));
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
