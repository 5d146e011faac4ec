package dev.switchboard.samples.registration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.samples.SampleBackendsApplication;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The exact REST calls a backend makes to Eureka with {@code EUREKA_REGISTER=true}, against a WireMock registry:
 * register, heartbeats, register again when forgotten, deregister on shutdown; and nothing at all by default.
 */
class EurekaRegistrationIT {

    private static final String INSTANCE_PATHS = "/eureka/apps/ETL-API/backend-7:etl-api:[0-9]+";

    private final WireMockServer eureka = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startRegistry() {
        eureka.start();
    }

    @AfterEach
    void stopRegistry() {
        eureka.stop();
    }

    @Test
    void registersRenewsAndDeregisters() {
        eureka.stubFor(post(urlEqualTo("/eureka/apps/ETL-API")).willReturn(aResponse().withStatus(204)));
        eureka.stubFor(put(urlPathMatching(INSTANCE_PATHS)).willReturn(aResponse().withStatus(200)));
        eureka.stubFor(delete(urlPathMatching(INSTANCE_PATHS)).willReturn(aResponse().withStatus(200)));
        int port;
        String instancePath;
        try (ConfigurableApplicationContext context = start("--EUREKA_REGISTER=true")) {
            port = ((WebServerApplicationContext) context).getWebServer().getPort();
            instancePath = "/eureka/apps/ETL-API/backend-7:etl-api:" + port;

            await("registration").atMost(Duration.ofSeconds(30)).untilAsserted(() -> eureka.verify(
                    postRequestedFor(urlEqualTo("/eureka/apps/ETL-API"))
                            .withHeader("Content-Type", equalTo("application/json"))
                            .withRequestBody(matchingJsonPath("$.instance.instanceId", equalTo("backend-7:etl-api:" + port)))
                            .withRequestBody(matchingJsonPath("$.instance.hostName", equalTo("backend-7")))
                            .withRequestBody(matchingJsonPath("$.instance.vipAddress", equalTo("etl-api")))
                            .withRequestBody(matchingJsonPath("$.instance.status", equalTo("UP")))
                            .withRequestBody(matchingJsonPath("$.instance.port", equalToJson(
                                    "{\"$\": " + port + ", \"@enabled\": \"true\"}")))
                            .withRequestBody(matchingJsonPath("$.instance.healthCheckUrl",
                                    equalTo("http://backend-7:" + port + "/health")))
                            .withRequestBody(matchingJsonPath("$.instance.dataCenterInfo.name", equalTo("MyOwn")))));
            await("heartbeats").atMost(Duration.ofSeconds(30)).until(
                    () -> eureka.findAll(putRequestedFor(urlEqualTo(instancePath))).size() >= 2);
            eureka.verify(1, postRequestedFor(urlEqualTo("/eureka/apps/ETL-API")));
            assertThat(eureka.findAll(deleteRequestedFor(urlEqualTo(instancePath)))).isEmpty();
        }
        eureka.verify(1, deleteRequestedFor(urlEqualTo(instancePath)));
    }

    @Test
    void registersAgainWhenTheRegistryForgetsAndRetriesWhileItIsDown() {
        eureka.stubFor(post(urlEqualTo("/eureka/apps/ETL-API")).willReturn(aResponse().withStatus(500)));
        try (ConfigurableApplicationContext context = start("--EUREKA_REGISTER=true")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String instancePath = "/eureka/apps/ETL-API/backend-7:etl-api:" + port;
            await("retries while refused").atMost(Duration.ofSeconds(30)).until(
                    () -> eureka.findAll(postRequestedFor(urlEqualTo("/eureka/apps/ETL-API"))).size() >= 2);

            eureka.stubFor(post(urlEqualTo("/eureka/apps/ETL-API")).willReturn(aResponse().withStatus(204)));
            eureka.stubFor(put(urlEqualTo(instancePath)).willReturn(aResponse().withStatus(404)));
            eureka.resetRequests();
            // Registered, then every heartbeat hears 404 and registers again.
            await("re-registration after 404").atMost(Duration.ofSeconds(30)).until(
                    () -> eureka.findAll(postRequestedFor(urlEqualTo("/eureka/apps/ETL-API"))).size() >= 2
                            && !eureka.findAll(putRequestedFor(urlEqualTo(instancePath))).isEmpty());
        }
    }

    @Test
    void aHealthChangeIsRegisteredAsTheNewStatus() {
        eureka.stubFor(post(urlEqualTo("/eureka/apps/ETL-API")).willReturn(aResponse().withStatus(204)));
        eureka.stubFor(put(urlPathMatching(INSTANCE_PATHS)).willReturn(aResponse().withStatus(200)));
        try (ConfigurableApplicationContext context = start("--EUREKA_REGISTER=true")) {
            var http = new dev.switchboard.samples.HttpJson(((WebServerApplicationContext) context).getWebServer().getPort());
            await("registered UP").atMost(Duration.ofSeconds(30)).until(() -> !eureka.findAll(
                    postRequestedFor(urlEqualTo("/eureka/apps/ETL-API"))
                            .withRequestBody(matchingJsonPath("$.instance.status", equalTo("UP")))).isEmpty());

            http.put("/admin/faults", "{\"unhealthy\": true}");
            await("registered DOWN").atMost(Duration.ofSeconds(30)).until(() -> !eureka.findAll(
                    postRequestedFor(urlEqualTo("/eureka/apps/ETL-API"))
                            .withRequestBody(matchingJsonPath("$.instance.status", equalTo("DOWN")))).isEmpty());

            http.delete("/admin/faults");
            await("registered UP again").atMost(Duration.ofSeconds(30)).until(() -> eureka.findAll(
                    postRequestedFor(urlEqualTo("/eureka/apps/ETL-API"))
                            .withRequestBody(matchingJsonPath("$.instance.status", equalTo("UP")))).size() >= 2);
        }
    }

    @Test
    void registersNothingByDefault() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBeansOfType(EurekaRegistrar.class)).isEmpty();
        }
        assertThat(eureka.getAllServeEvents()).isEmpty();
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] base = { "--role=etl-api", "--server.port=0", "--EUREKA_URL=" + eureka.baseUrl() + "/eureka/",
                "--EUREKA_INSTANCE_HOSTNAME=backend-7", "--EUREKA_RENEWAL_INTERVAL=200ms" };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return SpringApplication.run(SampleBackendsApplication.class, args);
    }
}
