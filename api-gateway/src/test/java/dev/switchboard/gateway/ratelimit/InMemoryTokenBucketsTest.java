package dev.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryTokenBucketsTest {

    private final RateLimitProperties.Limit limit = new RateLimitProperties.Limit(1, 3);

    @Test
    void allowsTheBurstThenRefusesWithTheWaitForOneToken() {
        var buckets = new InMemoryTokenBuckets(100, Duration.ofMinutes(1));

        for (int remaining = 2; remaining >= 0; remaining--) {
            RateLimitDecision decision = buckets.tryConsume("route", "key:a", limit).block();
            assertThat(decision).isEqualTo(new RateLimitDecision(true, 3, remaining, 0));
        }
        RateLimitDecision refused = buckets.tryConsume("route", "key:a", limit).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void clientsAndRoutesHaveSeparateBuckets() {
        var buckets = new InMemoryTokenBuckets(100, Duration.ofMinutes(1));
        var tiny = new RateLimitProperties.Limit(1, 1);

        assertThat(buckets.tryConsume("r1", "key:a", tiny).block().allowed()).isTrue();
        assertThat(buckets.tryConsume("r1", "key:a", tiny).block().allowed()).isFalse();
        assertThat(buckets.tryConsume("r1", "key:b", tiny).block().allowed()).isTrue();
        assertThat(buckets.tryConsume("r2", "key:a", tiny).block().allowed()).isTrue();
    }

    @Test
    void memoryIsBoundedByTheNumberOfClients() {
        var buckets = new InMemoryTokenBuckets(50, Duration.ofMinutes(1));
        for (int i = 0; i < 5_000; i++) {
            buckets.tryConsume("route", "ip:10.0." + (i / 256) + "." + (i % 256), limit).block();
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(50);
    }
}
