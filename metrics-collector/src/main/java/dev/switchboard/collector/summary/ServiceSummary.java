package dev.switchboard.collector.summary;

import dev.switchboard.collector.history.LastChange;
import dev.switchboard.collector.state.ServiceStatus;
import org.jspecify.annotations.Nullable;

/**
 * One service in {@code GET /api/v1/metrics/summary}.
 *
 * @param service service name
 * @param status verdict from its instances now
 * @param instancesUp instances UP now
 * @param instancesTotal instances known now
 * @param availability1h percentage of polls that found an instance UP over the last hour
 * @param availability24h same over the last 24 hours
 * @param responseTime percentiles of answered polls over the last hour
 * @param lastStatusChange latest UP→DOWN or DOWN→UP change of any instance
 */
public record ServiceSummary(String service, ServiceStatus status, int instancesUp, int instancesTotal,
                             @Nullable Double availability1h, @Nullable Double availability24h,
                             ResponseTime responseTime, @Nullable LastChange lastStatusChange) {

    /**
     * Response-time percentiles in milliseconds; {@code null} without answered polls.
     *
     * @param samples answered polls counted
     * @param p50Millis median
     * @param p95Millis 95th percentile
     * @param p99Millis 99th percentile
     */
    public record ResponseTime(int samples, @Nullable Double p50Millis, @Nullable Double p95Millis,
                               @Nullable Double p99Millis) {
    }
}
