package dev.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A stopping service answers its waiting long polls at once instead of holding the shutdown for their wait. */
class ShutdownIT {

    @Test
    void stoppingAnswersWaitingConsumersWith204AndDoesNotWaitForThem() throws Exception {
        ConfigurableApplicationContext service = new SpringApplicationBuilder(QueueApplication.class).run("--server.port=0",
                "--eureka.client.enabled=false",
                "--switchboard.queue.embedded.data-dir=" + Path.of("target", "queue-data", "shutdown-" + UUID.randomUUID()));
        QueueClient client = new QueueClient("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort());
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                () -> client.send("GET", "/api/v1/queue/shutdown/consume?wait=20", null));
        await().atMost(Duration.ofSeconds(10)).until(() -> client.send("GET", "/actuator/prometheus", null).body()
                .contains("switchboard_queue_waiting_consumers 1.0"));

        long started = System.nanoTime();
        service.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(waiting.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
    }
}
