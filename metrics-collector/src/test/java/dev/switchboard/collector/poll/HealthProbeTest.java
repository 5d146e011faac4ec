package dev.switchboard.collector.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.collector.target.Target;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    @Test
    void readsTheReportedStatusOfSpringAndPythonHealthBodies() {
        assertThat(HealthProbe.reportedStatus("{\"status\":\"UP\",\"components\":{}}")).isEqualTo("UP");
        assertThat(HealthProbe.reportedStatus("{\"status\": \"ok\"}")).isEqualTo("OK");
        assertThat(HealthProbe.reportedStatus("{\"status\":\"OUT_OF_SERVICE\"}")).isEqualTo("OUT_OF_SERVICE");
        assertThat(HealthProbe.reportedStatus("{\"status\":\"out of service\"}")).isEqualTo("OUT_OF_SERVICE");
        assertThat(HealthProbe.reportedStatus("healthy")).isNull();
        assertThat(HealthProbe.reportedStatus("")).isNull();
    }

    @Test
    void aClosedPortIsDownWithAReadableError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Target target = new Target("etl-api", "x", URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + port + "/health"), Target.Origin.STATIC);

        Sample sample = new HealthProbe(Duration.ofSeconds(2), Clock.systemUTC()).probe(target);

        assertThat(sample.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(sample.httpStatus()).isNull();
        assertThat(sample.error()).startsWith("ConnectException").contains(": ");
    }
}
