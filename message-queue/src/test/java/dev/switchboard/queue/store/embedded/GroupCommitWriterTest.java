package dev.switchboard.queue.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class GroupCommitWriterTest {

    @TempDir
    Path dataDir;

    @Test
    void concurrentWritesAllCommitAndAFailingWriteRollsBackAlone() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir, 2, 64)) {
            GroupCommitWriter writer = database.writer();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<Void>> writes = IntStream.range(0, 8).mapToObj(t -> CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 100; i++) {
                        int n = t * 100 + i;
                        if (n % 50 == 7) {
                            assertThatIllegalStateException().isThrownBy(() -> writer.write(jdbc -> {
                                insert(jdbc, n);
                                throw new IllegalStateException("this write fails after its insert");
                            }));
                        }
                        else {
                            writer.write(jdbc -> insert(jdbc, n));
                        }
                    }
                }, threads)).toList();
                CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            finally {
                threads.shutdownNow();
            }
            Integer stored = writer.read(jdbc -> jdbc.queryForObject("SELECT COUNT(*) FROM messages", Integer.class));
            assertThat(stored).isEqualTo(800 - 16);
        }
        try (EmbeddedDatabase reopened = EmbeddedDatabase.open(dataDir, 1, 64)) {
            Integer stored = reopened.writer().read(jdbc -> jdbc.queryForObject("SELECT COUNT(*) FROM messages", Integer.class));
            assertThat(stored).as("durable across a reopen").isEqualTo(784);
        }
    }

    private static int insert(JdbcTemplate jdbc, int n) {
        return jdbc.update("INSERT INTO messages (queue, payload, enqueued_at, visible_at) VALUES ('q', ?, 0, 0)", Integer.toString(n));
    }
}
