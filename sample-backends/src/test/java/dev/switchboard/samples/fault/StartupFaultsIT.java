package dev.switchboard.samples.fault;

import static dev.switchboard.samples.HttpJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.samples.HttpJson;
import dev.switchboard.samples.SampleBackendsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The fault environment variables act from the first request; the admin endpoint can be switched off. */
class StartupFaultsIT {

    @Test
    void faultVariablesApplyFromStartUp() {
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleBackendsApplication.class,
                "--role=vector-api", "--server.port=0", "--FAULT_ERROR_RATE=1", "--FAULT_ERROR_STATUS=502",
                "--FAULT_UNHEALTHY=true", "--FAULT_ADMIN_ENABLED=false")) {
            var http = new HttpJson(((WebServerApplicationContext) context).getWebServer().getPort());
            assertProblem(http.get("/api/v1/stats"), 502);
            assertThat(http.get("/health").statusCode()).isEqualTo(503);
            assertProblem(http.get("/admin/faults"), 404);
        }
    }
}
