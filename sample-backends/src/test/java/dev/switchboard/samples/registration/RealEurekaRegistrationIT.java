package dev.switchboard.samples.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.samples.HttpJson;
import dev.switchboard.samples.JarProcess;
import dev.switchboard.samples.SampleBackendsApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Registration against the real registry: the packaged {@code service-discovery} jar, started as a process on a
 * free port with its local profile. The reactor builds that module before this one, so a full {@code ./mvnw verify}
 * runs this test; a build of this module alone skips it, saying so.
 */
class RealEurekaRegistrationIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void appearsInTheRegistryWhileRunningAndLeavesOnShutdown() throws Exception {
        Path jar = JarProcess.jarOf("service-discovery").orElse(null);
        Assumptions.assumeTrue(jar != null, "service-discovery jar not built (./mvnw -pl service-discovery package); "
                + "skipping the real-registry check, EurekaRegistrationIT covers the calls");
        try (JarProcess registry = JarProcess.start(jar, "service-discovery", "--spring.profiles.active=local")) {
            String eureka = registry.url("");
            int port;
            try (ConfigurableApplicationContext context = SpringApplication.run(SampleBackendsApplication.class,
                    "--role=analytics-api", "--server.port=0", "--EUREKA_REGISTER=true", "--EUREKA_URL=" + eureka + "/eureka/",
                    "--EUREKA_INSTANCE_HOSTNAME=127.0.0.1", "--EUREKA_RENEWAL_INTERVAL=1s")) {
                port = ((WebServerApplicationContext) context).getWebServer().getPort();
                JsonNode instance = await("registered").atMost(Duration.ofSeconds(30)).until(
                        () -> application(eureka), found -> found != null).path("instance").get(0);
                assertThat(instance.path("instanceId").asString()).isEqualTo("127.0.0.1:analytics-api:" + port);
                assertThat(instance.path("status").asString()).isEqualTo("UP");
                assertThat(instance.path("vipAddress").asString()).isEqualTo("analytics-api");
                assertThat(instance.path("port").path("$").asInt()).isEqualTo(port);
                assertThat(instance.path("healthCheckUrl").asString()).isEqualTo("http://127.0.0.1:" + port + "/health");
                assertThat(new HttpJson(port).get("/health").statusCode()).isEqualTo(200);

                // The unhealthy switch reaches the registry, which then hides the instance from UP-only lookups.
                new HttpJson(port).put("/admin/faults", "{\"unhealthy\": true}");
                await("status DOWN in the registry").atMost(Duration.ofSeconds(30)).until(
                        () -> application(eureka).path("instance").get(0).path("status").asString().equals("DOWN"));
                new HttpJson(port).delete("/admin/faults");
                await("status UP again").atMost(Duration.ofSeconds(30)).until(
                        () -> application(eureka).path("instance").get(0).path("status").asString().equals("UP"));
            }
            await("deregistered").atMost(Duration.ofSeconds(30)).until(() -> application(eureka) == null);
        }
    }

    private JsonNode application(String eureka) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(eureka + "/eureka/apps/ANALYTICS-API"))
                .header("Accept", "application/json").build(), BodyHandlers.ofString());
        return response.statusCode() == 200 ? HttpJson.json(response).path("application") : null;
    }
}
