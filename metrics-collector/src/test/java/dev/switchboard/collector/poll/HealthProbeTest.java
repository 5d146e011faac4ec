package dev.switchboard.collector.poll;

import static org.assertj.core.api.Assertions.assertThat;

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
}
