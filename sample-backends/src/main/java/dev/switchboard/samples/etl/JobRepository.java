package dev.switchboard.samples.etl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The jobs this instance knows, in memory and in submission order. Bounded: beyond {@code capacity} the oldest
 * finished jobs are forgotten; when every job is still unfinished a new one is refused rather than dropping work.
 */
public final class JobRepository {

    private final int capacity;
    private final Map<UUID, EtlJob> jobs = new LinkedHashMap<>();

    public JobRepository(int capacity) {
        this.capacity = capacity;
    }

    /** Stores a new job, evicting the oldest finished one if full; false when full of unfinished jobs. */
    public synchronized boolean add(EtlJob job) {
        if (jobs.size() >= capacity && !evictOldestFinished()) {
            return false;
        }
        jobs.put(job.id(), job);
        return true;
    }

    /** Stores a job submitted elsewhere (a queue message from another instance), unless already known. */
    public synchronized EtlJob adopt(EtlJob job) {
        EtlJob known = jobs.get(job.id());
        if (known != null) {
            return known;
        }
        if (jobs.size() >= capacity) {
            evictOldestFinished();
        }
        jobs.put(job.id(), job);
        return job;
    }

    public synchronized Optional<EtlJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Applies {@code change} to the job if it is still known; returns the new value. */
    public synchronized Optional<EtlJob> update(UUID id, UnaryOperator<EtlJob> change) {
        return Optional.ofNullable(jobs.computeIfPresent(id, (ignored, job) -> change.apply(job)));
    }

    public synchronized void remove(UUID id) {
        jobs.remove(id);
    }

    /** Newest first, optionally only those in {@code status}, at most {@code limit}. */
    public synchronized List<EtlJob> list(@Nullable JobStatus status, int limit) {
        List<EtlJob> all = new ArrayList<>(jobs.values());
        List<EtlJob> result = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1; i >= 0 && result.size() < limit; i--) {
            if (status == null || all.get(i).status() == status) {
                result.add(all.get(i));
            }
        }
        return result;
    }

    private boolean evictOldestFinished() {
        Iterator<EtlJob> iterator = jobs.values().iterator();
        while (iterator.hasNext()) {
            if (iterator.next().status().finished()) {
                iterator.remove();
                return true;
            }
        }
        return false;
    }
}
