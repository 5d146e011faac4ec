package dev.switchboard.samples.etl;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on a small local thread pool with a bounded backlog: the mode without a queue. A full backlog refuses
 * new jobs instead of growing without limit. Jobs still waiting when the service stops are lost, which is what
 * the queue mode exists to avoid.
 */
public final class InProcessDispatcher implements JobDispatcher, AutoCloseable {

    private final JobRunner runner;
    private final ThreadPoolExecutor executor;

    public InProcessDispatcher(JobRunner runner, int workers, int backlog) {
        this.runner = runner;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(backlog), task -> {
                    Thread thread = new Thread(task, "etl-worker-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public EtlJob dispatch(EtlJob job, EtlJobRequest request) {
        try {
            executor.execute(() -> runner.run(job.id(), request));
        } catch (RejectedExecutionException ex) {
            throw new DispatchException("The ETL backlog is full (" + executor.getQueue().size() + " jobs waiting)", ex);
        }
        return job;
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
