package dev.switchboard.gateway.aggregate;

import java.util.Map;

/**
 * Body of {@code GET /api/v1/aggregate/<name>}.
 *
 * @param complete whether every part answered with a 2xx
 * @param parts the result of each part, in configuration order
 */
public record AggregateResult(String aggregate, boolean complete, Map<String, PartResult> parts) {
}
