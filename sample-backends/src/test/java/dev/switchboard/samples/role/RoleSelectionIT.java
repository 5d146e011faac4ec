package dev.switchboard.samples.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.samples.HttpJson;
import dev.switchboard.samples.SampleBackendsApplication;
import dev.switchboard.samples.etl.JobRepository;
import dev.switchboard.samples.vector.VectorSearchService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The role comes from {@code --role} as well as from a profile, and exactly one role must be chosen. */
class RoleSelectionIT {

    @Test
    void roleArgumentActivatesOnlyThatRolesBeans() {
        try (ConfigurableApplicationContext context = start("--role=analytics-api")) {
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("analytics-api");
            assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("analytics-api");
            assertThat(context.getBeansOfType(VectorSearchService.class)).isEmpty();
            assertThat(context.getBeansOfType(JobRepository.class)).isEmpty();
            var http = new HttpJson(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(http.getOk("/api/v1/analyze/summary?values=1,2,3").path("mean").asDouble()).isEqualTo(2.0);
            assertThat(http.get("/api/v1/search?query=vector").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void roleProperty() {
        try (ConfigurableApplicationContext context = start("--switchboard.sample.role=etl-api")) {
            assertThat(context.getBeansOfType(JobRepository.class)).hasSize(1);
            assertThat(context.getBeansOfType(VectorSearchService.class)).isEmpty();
        }
    }

    @Test
    void noRoleTwoRolesOrAnUnknownRoleRefuseToStart() {
        assertThatThrownBy(() -> start()).hasMessageContaining("none was chosen")
                .hasMessageContaining("[vector-api, analytics-api, etl-api]");
        assertThatThrownBy(() -> start("--role=etl-api", "--spring.profiles.active=vector-api"))
                .hasMessageContaining("several were");
        assertThatThrownBy(() -> start("--role=graph-api")).hasMessageContaining("Unknown sample backend role 'graph-api'");
    }

    @Test
    void aQueueUrlThatIsNotAUrlStopsTheStart() {
        assertThatThrownBy(() -> start("--role=etl-api", "--QUEUE_URL=localhost:8082"))
                .hasStackTraceContaining("queueUrl").hasStackTraceContaining("must be empty or an http(s) URL");
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        return SpringApplication.run(SampleBackendsApplication.class, all);
    }
}
