package dev.switchboard.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client of the queue API for tests: real requests to a running service. */
public final class QueueClient {

    /** The admin key whose digest src/test/resources/config/application.yml configures; sent with every request. */
    public static final String ADMIN_KEY = "queue-test-admin-key";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;

    public QueueClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(40))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("X-Admin-Key", ADMIN_KEY);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Publishes and returns the message id, failing unless the service answered 201. */
    public long publish(String queue, String payload, String... headers) {
        HttpResponse<String> response = send("POST", "/api/v1/queue/" + queue + "/publish", payload, headers);
        if (response.statusCode() != 201) {
            throw new AssertionError("publish answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").asLong();
    }

    /** One consume; null when the queue answered 204. */
    public JsonNode consume(String queue, String query) {
        HttpResponse<String> response = send("GET", "/api/v1/queue/" + queue + "/consume" + (query.isEmpty() ? "" : "?" + query), null);
        if (response.statusCode() == 204) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("consume answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** A batch consume ({@code max} given); empty when the queue answered 204. */
    public List<JsonNode> consumeBatch(String queue, String query) {
        JsonNode body = consume(queue, query);
        List<JsonNode> messages = new ArrayList<>();
        if (body != null) {
            body.get("messages").forEach(messages::add);
        }
        return messages;
    }

    public HttpResponse<String> ack(String queue, String receiptHandle) {
        return send("POST", "/api/v1/queue/" + queue + "/ack", "{\"receiptHandle\":\"" + receiptHandle + "\"}");
    }

    public JsonNode stats(String queue) {
        return json(send("GET", "/api/v1/queue/" + queue + "/stats", null));
    }
}
