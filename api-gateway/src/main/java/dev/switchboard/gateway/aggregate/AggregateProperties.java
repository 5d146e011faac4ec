package dev.switchboard.gateway.aggregate;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Composite endpoints: {@code GET /api/v1/aggregate/<name>} fetches every part of the named aggregate in parallel.
 *
 * @param aggregates aggregates by name
 */
@ConfigurationProperties("switchboard.gateway")
public record AggregateProperties(@DefaultValue Map<String, Aggregate> aggregates) {

    /**
     * One composite endpoint.
     *
     * @param timeout the whole aggregate's deadline: parts not answered by then are reported as timed out
     * @param parts part name to the URL it is fetched from with GET ({@code lb://service/path} is load balanced)
     */
    public record Aggregate(@DefaultValue("3s") Duration timeout, @DefaultValue Map<String, URI> parts) {

        public Aggregate {
            parts = new LinkedHashMap<>(parts);
        }
    }
}
