package dev.switchboard.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A plain application that only adds the library and binds the clients in {@code application.yml}. */
@SpringBootApplication
public class TestApplication {

    @Bean
    RecordingSleeper recordingSleeper() {
        return new RecordingSleeper();
    }

    /** Records the waits between attempts instead of waiting, so backoff is observable without sleeping. */
    public static final class RecordingSleeper implements Sleeper {

        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            this.waits.add(duration);
        }

        public List<Duration> waits() {
            return List.copyOf(this.waits);
        }

        public void clear() {
            this.waits.clear();
        }
    }
}
