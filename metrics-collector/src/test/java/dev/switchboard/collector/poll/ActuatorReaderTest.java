package dev.switchboard.collector.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ActuatorReaderTest {

    private final ActuatorReader reader = new ActuatorReader(new HealthProbe(Duration.ofSeconds(1),
            Clock.systemUTC()), true, 1);

    @Test
    void computesRatesAndP95FromTheChangeSinceThePreviousReading() {
        ActuatorFigures first = reader.figures("svc/1", PrometheusText.parse(exposition(100, 10, 50, 90, 100)), 0);
        assertThat(first.requestRate()).isNull();
        assertThat(first.heapUsedBytes()).isEqualTo(3_000_000L);
        assertThat(first.cpuUsage()).isEqualTo(0.25);

        // 10 s later: 200 more requests, 20 of them 5xx; of the 200, 100 took <= 5 ms and 190
        // (95 %) <= 50 ms, all <= 1 s.
        ActuatorFigures second = reader.figures("svc/1", PrometheusText.parse(exposition(300, 30, 150, 280, 300)),
                Duration.ofSeconds(10).toNanos());
        assertThat(second.requestRate()).as(second.toString()).isCloseTo(20.0, within(1e-9));
        assertThat(second.errorRate()).isCloseTo(0.1, within(1e-9));
        assertThat(second.p95Millis()).isCloseTo(50.0, within(1e-9));
        // In the next window only 180 of 200 (90 %) finish within 50 ms: the p95 moves to the 1 s bucket.
        ActuatorFigures third = reader.figures("svc/1", PrometheusText.parse(exposition(500, 30, 250, 460, 500)),
                Duration.ofSeconds(20).toNanos());
        assertThat(third.p95Millis()).isCloseTo(1000.0, within(1e-9));
        assertThat(third.errorRate()).isZero();
    }

    @Test
    void nearestBucketHoldingTheQuantile() {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        buckets.put(0.005, 50.0);
        buckets.put(0.05, 96.0);
        buckets.put(Double.POSITIVE_INFINITY, 100.0);
        assertThat(ActuatorReader.percentileMillis(buckets, 0.95)).isCloseTo(50.0, within(1e-9));
        assertThat(ActuatorReader.percentileMillis(buckets, 0.99)).isNull();
        assertThat(ActuatorReader.percentileMillis(new TreeMap<>(), 0.95)).isNull();
    }

    private static String exposition(int requests, int errors, int le5ms, int le50ms, int le1s) {
        int ok = requests - errors;
        return """
                # HELP http_server_requests_seconds
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/a"} %d
                http_server_requests_seconds_count{method="GET",outcome="SERVER_ERROR",status="503",uri="/a"} %d
                http_server_requests_seconds_bucket{le="0.005",method="GET",status="200",uri="/a"} %d
                http_server_requests_seconds_bucket{le="0.05",method="GET",status="200",uri="/a"} %d
                http_server_requests_seconds_bucket{le="1.0",method="GET",status="200",uri="/a"} %d
                http_server_requests_seconds_bucket{le="+Inf",method="GET",status="200",uri="/a"} %d
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1000000.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2000000.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9000000.0
                process_cpu_usage 0.25
                """.formatted(ok, errors, le5ms, le50ms, le1s, le1s);
    }
}
