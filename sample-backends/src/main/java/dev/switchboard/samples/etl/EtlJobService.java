package dev.switchboard.samples.etl;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Accepts jobs, stores them and hands them to the dispatcher; answers what the repository knows. */
public final class EtlJobService {

    private final JobRepository repository;
    private final JobDispatcher dispatcher;
    private final Clock clock;

    public EtlJobService(JobRepository repository, JobDispatcher dispatcher, Clock clock) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Stores the job, then dispatches it. The job is stored first so that a worker that picks it up at once finds
     * it; if the dispatch fails the job is removed again, so a refused request leaves nothing behind.
     *
     * @throws JobDispatcher.DispatchException when the job cannot be accepted now
     */
    public EtlJob submit(EtlJobRequest request) {
        EtlJob job = EtlJob.queued(UUID.randomUUID(), request, dispatcher.name(), clock.instant());
        if (!repository.add(job)) {
            throw new JobDispatcher.DispatchException("Too many unfinished jobs are held; retry when some have finished");
        }
        try {
            EtlJob dispatched = dispatcher.dispatch(job, request);
            return repository.update(job.id(), current -> current.messageId() == null && dispatched.messageId() != null
                    ? current.withMessageId(dispatched.messageId()) : current).orElse(dispatched);
        } catch (RuntimeException ex) {
            repository.remove(job.id());
            throw ex;
        }
    }

    public Optional<EtlJob> find(UUID id) {
        return repository.find(id);
    }

    public List<EtlJob> list(@Nullable JobStatus status, int limit) {
        return repository.list(status, limit);
    }
}
