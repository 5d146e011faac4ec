package dev.switchboard.gateway.cache;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;

/** A stored response: what a HIT replays. */
record CachedResponse(int status, HttpHeaders headers, byte[] body, Instant storedAt, Duration ttl) {

    /** Approximate bytes held, the unit of {@code max-size}. */
    int weight() {
        int headerBytes = headers.headerSet().stream()
                .mapToInt(entry -> entry.getKey().length() + entry.getValue().stream().mapToInt(String::length).sum())
                .sum();
        return body.length + headerBytes + 64;
    }
}
