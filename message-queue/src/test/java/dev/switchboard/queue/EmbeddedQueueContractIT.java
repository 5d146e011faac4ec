package dev.switchboard.queue;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on the default embedded (SQLite) store, in a fresh data directory under target/. */
class EmbeddedQueueContractIT extends QueueContractIT {

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) {
        registry.add("switchboard.queue.store", () -> "embedded");
        registry.add("switchboard.queue.embedded.data-dir",
                () -> Path.of("target", "queue-data", "contract-" + UUID.randomUUID()).toString());
    }
}
