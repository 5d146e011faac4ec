package dev.switchboard.collector.poll;

import org.jspecify.annotations.Nullable;

/**
 * Key figures of a Spring service read from its {@code /actuator/prometheus}; a figure the service does not
 * export is {@code null}.
 *
 * @param requestRate HTTP requests per second since the previous reading
 * @param errorRate share (0..1) of those requests that answered 5xx
 * @param p95Millis 95th percentile of request latency, when the service publishes a histogram
 * @param heapUsedBytes JVM heap in use
 * @param cpuUsage recent CPU usage of the process (0..1 of the whole machine)
 */
public record ActuatorFigures(@Nullable Double requestRate, @Nullable Double errorRate, @Nullable Double p95Millis,
                              @Nullable Long heapUsedBytes, @Nullable Double cpuUsage) {
}
