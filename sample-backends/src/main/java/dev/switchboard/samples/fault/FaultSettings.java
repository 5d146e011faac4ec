package dev.switchboard.samples.fault;

/**
 * The faults an instance injects into its {@code /api/**} requests; also the body of {@code GET/PUT /admin/faults}.
 *
 * @param latencyMs delay added before each API request is handled, in milliseconds
 * @param errorRate share of API requests (0 to 1) answered with {@code errorStatus} instead of being handled
 * @param errorStatus the status of injected errors (500 to 599)
 * @param unhealthy report DOWN on {@code /health}, {@code /actuator/health} and the readiness probe
 */
public record FaultSettings(long latencyMs, double errorRate, int errorStatus, boolean unhealthy) {

    public static final int DEFAULT_ERROR_STATUS = 503;

    public static FaultSettings none() {
        return new FaultSettings(0, 0, DEFAULT_ERROR_STATUS, false);
    }

    /** Whether anything is injected at all, for the log line on each change. */
    public boolean active() {
        return latencyMs > 0 || errorRate > 0 || unhealthy;
    }
}
