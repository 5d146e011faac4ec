package dev.switchboard.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A non-JVM backend's whole life in the registry, over raw HTTP: register, read back, renew, deregister.
 * Runs with the local profile, whose response cache is invalidated by each change, so reads are immediate.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class NonJvmRegistrationIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private EurekaRestClient eureka;

    @BeforeEach
    void connect() {
        eureka = new EurekaRestClient("http://localhost:" + port + "/eureka");
    }

    @Test
    void registersRenewsAndDeregistersOverRest() throws Exception {
        String app = "PY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String instanceId = "127.0.0.1:" + app.toLowerCase() + ":9000";

        assertThat(eureka.register(app, instanceId, 9000, 30).statusCode()).isEqualTo(204);

        HttpResponse<String> read = eureka.application(app);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode instance = json.readTree(read.body()).path("application").path("instance").get(0);
        assertThat(instance.path("instanceId").asString()).isEqualTo(instanceId);
        assertThat(instance.path("status").asString()).isEqualTo("UP");
        assertThat(instance.path("port").path("$").asInt()).isEqualTo(9000);
        assertThat(instance.path("healthCheckUrl").asString()).isEqualTo("http://127.0.0.1:9000/health");

        assertThat(eureka.renew(app, instanceId).statusCode()).isEqualTo(200);
        assertThat(eureka.deregister(app, instanceId).statusCode()).isEqualTo(200);
        assertThat(eureka.application(app).statusCode()).isEqualTo(404);
        assertThat(eureka.renew(app, instanceId).statusCode())
                .as("a renewal after deregistration tells the backend to register again")
                .isEqualTo(404);
    }
}
