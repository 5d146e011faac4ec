package dev.switchboard.samples.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.samples.HttpJson;
import dev.switchboard.samples.SampleBackendsApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
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
    private Process registry;

    @AfterEach
    void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.destroy();
            registry.waitFor();
        }
    }

    @Test
    void appearsInTheRegistryWhileRunningAndLeavesOnShutdown() throws Exception {
        Path jar = discoveryJar().orElse(null);
        Assumptions.assumeTrue(jar != null, "service-discovery jar not built (./mvnw -pl service-discovery package); "
                + "skipping the real-registry check, EurekaRegistrationIT covers the calls");
        int eurekaPort = freePort();
        Path log = Files.createDirectories(Path.of("target")).resolve("real-eureka.log");
        registry = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + eurekaPort,
                "--spring.profiles.active=local")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String eureka = "http://localhost:" + eurekaPort;
        await("registry up (log: " + log + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> status(eureka + "/health") == 200);

        int port;
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleBackendsApplication.class,
                "--role=analytics-api", "--server.port=0", "--EUREKA_REGISTER=true", "--EUREKA_URL=" + eureka + "/eureka/",
                "--EUREKA_INSTANCE_HOSTNAME=127.0.0.1", "--EUREKA_RENEWAL_INTERVAL=1s")) {
            port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JsonNode instance = await("registered").atMost(Duration.ofSeconds(15)).until(
                    () -> application(eureka), found -> found != null).path("instance").get(0);
            assertThat(instance.path("instanceId").asString()).isEqualTo("127.0.0.1:analytics-api:" + port);
            assertThat(instance.path("status").asString()).isEqualTo("UP");
            assertThat(instance.path("vipAddress").asString()).isEqualTo("analytics-api");
            assertThat(instance.path("port").path("$").asInt()).isEqualTo(port);
            // The registry's health check URL answers: it is this instance's /health.
            assertThat(new HttpJson(port).get("/health").statusCode()).isEqualTo(200);
            assertThat(instance.path("healthCheckUrl").asString()).isEqualTo("http://127.0.0.1:" + port + "/health");

            // The unhealthy switch reaches the registry, which then hides the instance from UP-only lookups.
            new HttpJson(port).put("/admin/faults", "{\"unhealthy\": true}");
            await("status DOWN in the registry").atMost(Duration.ofSeconds(15)).until(
                    () -> application(eureka).path("instance").get(0).path("status").asString().equals("DOWN"));
            new HttpJson(port).delete("/admin/faults");
            await("status UP again").atMost(Duration.ofSeconds(15)).until(
                    () -> application(eureka).path("instance").get(0).path("status").asString().equals("UP"));
        }
        await("deregistered").atMost(Duration.ofSeconds(15)).until(() -> application(eureka) == null);
    }

    private JsonNode application(String eureka) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(eureka + "/eureka/apps/ANALYTICS-API"))
                .header("Accept", "application/json").build(), BodyHandlers.ofString());
        return response.statusCode() == 200 ? HttpJson.json(response).path("application") : null;
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.discarding()).statusCode();
        } catch (IOException ex) {
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Optional<Path> discoveryJar() throws IOException {
        Path target = Path.of("..", "service-discovery", "target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(path -> path.getFileName().toString().matches("service-discovery-.*\\.jar"))
                    .filter(path -> !path.getFileName().toString().endsWith("-sources.jar"))
                    .toList();
            return jars.stream().findFirst();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
