package dev.switchboard.collector.poll;

/** What one poll, or the latest poll, says about a target. */
public enum HealthStatus {
    /** The health endpoint answered 2xx and did not report itself down. */
    UP,
    /** No answer, a timeout, a non-2xx status, or a body that reports DOWN / OUT_OF_SERVICE. */
    DOWN,
    /** Not polled yet, or the endpoint answered 2xx with status UNKNOWN. */
    UNKNOWN
}
