package dev.switchboard.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The local profile's promise: a new instance is listed within 5 s and an instance that stops renewing
 * (with the 5 s lease the local profile gives clients) is evicted within 15 s.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LocalProfileEvictionIT {

    @LocalServerPort
    int port;

    @Test
    void newInstanceVisibleFastAndDeadInstanceEvictedWithin15Seconds() throws Exception {
        var eureka = new EurekaRestClient("http://localhost:" + port + "/eureka");
        String app = "DEAD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String instanceId = "127.0.0.1:dead:9001";

        assertThat(eureka.register(app, instanceId, 9001, 5).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(eureka.application(app).statusCode()).isEqualTo(200));

        assertThat(eureka.renew(app, instanceId).statusCode()).isEqualTo(200);
        // From the last renewal on, the instance is dead.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(eureka.application(app).statusCode()).isEqualTo(404));
    }
}
