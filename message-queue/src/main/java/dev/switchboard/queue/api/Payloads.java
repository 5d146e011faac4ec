package dev.switchboard.queue.api;

import dev.switchboard.queue.config.QueueProperties;
import dev.switchboard.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks message payloads: one well-formed JSON value, no larger than the configured limit. */
@Component
class Payloads {

    private final JsonMapper jsonMapper;
    private final long maxBytes;

    Payloads(JsonMapper jsonMapper, QueueProperties properties) {
        this.jsonMapper = jsonMapper;
        this.maxBytes = properties.maxPayloadSize().toBytes();
    }

    /** The body of a single publish as compact JSON text; 413 when too large, 400 when not JSON. */
    String fromBody(String body) {
        checkSize(body.getBytes(StandardCharsets.UTF_8).length);
        JsonNode payload;
        try {
            payload = jsonMapper.readTree(body);
        }
        catch (JacksonException ex) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-json",
                    "The payload is not valid JSON: " + ex.getOriginalMessage());
        }
        if (payload == null || payload.isMissingNode()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-json", "The payload is empty; send a JSON value");
        }
        return compact(payload);
    }

    /** A payload already parsed as part of a larger body, as compact JSON text; 413 when too large. */
    String fromNode(JsonNode payload) {
        String text = compact(payload);
        checkSize(text.getBytes(StandardCharsets.UTF_8).length);
        return text;
    }

    private String compact(JsonNode payload) {
        return jsonMapper.writeValueAsString(payload);
    }

    private void checkSize(long bytes) {
        if (bytes > maxBytes) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Payload of " + bytes + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
    }
}
