package dev.switchboard.samples.etl;

/** Where a job is in its life: waiting, being worked on, or finished one way or the other. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
