package dev.switchboard.gateway.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code gateway.cache.requests{result=hit|miss|bypass}}: the hit ratio is
 * {@code hit / (hit + miss)}; {@code bypass} counts requests whose {@code Cache-Control} skipped the lookup.
 */
final class ResponseCacheMetrics {

    static final String NAME = "gateway.cache.requests";

    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    ResponseCacheMetrics(MeterRegistry registry) {
        this.hits = counter(registry, "hit");
        this.misses = counter(registry, "miss");
        this.bypasses = counter(registry, "bypass");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder(NAME).tag("result", result)
                .description("GET requests on cached routes, by whether the gateway answered from its cache")
                .register(registry);
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void bypass() {
        bypasses.increment();
    }
}
