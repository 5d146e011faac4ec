package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two registry nodes joined by EUREKA_PEERS alone: a registration made on one appears on the other. */
class DiscoveryPeerClusterIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registrationReplicatesToThePeer() throws Exception {
        int portA = ServiceProcess.freePort();
        int portB = ServiceProcess.freePort();
        try (var nodeA = ServiceProcess.start("service-discovery", "discovery-a", portA,
                ServiceProcess.env("EUREKA_PEERS", "http://localhost:" + portB + "/eureka/"), List.of("--spring.profiles.active=local"));
             var nodeB = ServiceProcess.start("service-discovery", "discovery-b", portB,
                ServiceProcess.env("EUREKA_PEERS", "http://localhost:" + portA + "/eureka/"), List.of("--spring.profiles.active=local"))) {
            nodeA.awaitReady(Duration.ofSeconds(90));
            nodeB.awaitReady(Duration.ofSeconds(90));

            String body = """
                    {"instance": {"instanceId": "127.0.0.1:etl-api:9002", "app": "PEER-TEST", "hostName": "127.0.0.1",
                      "ipAddr": "127.0.0.1", "vipAddress": "peer-test", "status": "UP", "port": {"$": 9002, "@enabled": "true"},
                      "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"},
                      "leaseInfo": {"renewalIntervalInSecs": 5, "durationInSecs": 30}}}""";
            var registered = http.send(HttpRequest.newBuilder(URI.create(nodeA.url("/eureka/apps/PEER-TEST")))
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
            assertThat(registered.statusCode()).isEqualTo(204);

            await("registration replicated to node B").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var onB = http.send(HttpRequest.newBuilder(URI.create(nodeB.url("/eureka/apps/PEER-TEST")))
                        .header("Accept", "application/json").build(), BodyHandlers.ofString());
                assertThat(onB.statusCode()).isEqualTo(200);
                assertThat(onB.body()).contains("127.0.0.1:etl-api:9002");
            });
        }
    }
}
