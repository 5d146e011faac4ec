package dev.switchboard.queue.api;

import dev.switchboard.queue.api.Messages.AckBatchEntry;
import dev.switchboard.queue.api.Messages.AckBatchRequest;
import dev.switchboard.queue.api.Messages.AckBatchResponse;
import dev.switchboard.queue.api.Messages.AckRequest;
import dev.switchboard.queue.api.Messages.AckResponse;
import dev.switchboard.queue.api.Messages.BatchConsumeResponse;
import dev.switchboard.queue.api.Messages.BatchEntry;
import dev.switchboard.queue.api.Messages.BatchPublishRequest;
import dev.switchboard.queue.api.Messages.BatchPublishResponse;
import dev.switchboard.queue.api.Messages.CountResponse;
import dev.switchboard.queue.api.Messages.MessageResponse;
import dev.switchboard.queue.api.Messages.NackRequest;
import dev.switchboard.queue.api.Messages.PublishResponse;
import dev.switchboard.queue.api.Messages.QueuesResponse;
import dev.switchboard.queue.api.Messages.SettingsRequest;
import dev.switchboard.queue.api.Messages.SettingsResponse;
import dev.switchboard.queue.api.Messages.StatsResponse;
import dev.switchboard.queue.config.QueueProperties;
import dev.switchboard.queue.core.WaitingConsumers;
import dev.switchboard.queue.store.AckResult;
import dev.switchboard.queue.store.Delivery;
import dev.switchboard.queue.store.NewMessage;
import dev.switchboard.queue.store.Published;
import dev.switchboard.queue.store.QueueStore;
import dev.switchboard.queue.store.ReceiptHandle;
import dev.switchboard.queue.store.SettingsChange;
import dev.switchboard.queue.store.SettingsUpdate;
import dev.switchboard.queue.store.TraceContext;
import dev.switchboard.support.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The queue's HTTP API: the seed's endpoints plus settings, batches, nack, redrive, purge and delete. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class QueueController {

    private final QueueStore store;
    private final WaitingConsumers waitingConsumers;
    private final Payloads payloads;
    private final int maxBatchSize;

    QueueController(QueueStore store, WaitingConsumers waitingConsumers, Payloads payloads, QueueProperties properties) {
        this.store = store;
        this.waitingConsumers = waitingConsumers;
        this.payloads = payloads;
        this.maxBatchSize = properties.maxBatchSize();
    }

    @Operation(summary = "Publish one message; the body is the payload (any JSON value)")
    @ApiResponse(responseCode = "201", description = "Stored durably (or the first message of this Idempotency-Key)")
    @PostMapping(path = "/queue/{name}/publish", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/*+json" })
    ResponseEntity<PublishResponse> publish(@PathVariable @QueueName String name,
            @RequestBody String body,
            @RequestParam(defaultValue = "0") @Min(0) @Max(900) int delaySeconds,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 128) @Nullable String idempotencyKey,
            @RequestHeader(name = TraceContext.TRACEPARENT, required = false) @Nullable String traceparent,
            @RequestHeader(name = TraceContext.TRACESTATE, required = false) @Nullable String tracestate) {
        NewMessage message = new NewMessage(payloads.fromBody(body), Duration.ofSeconds(delaySeconds), idempotencyKey,
                TraceContext.fromHeaders(traceparent, tracestate));
        Published published = store.publish(name, List.of(message)).get(0);
        if (!published.duplicate() && delaySeconds == 0) {
            waitingConsumers.messagesAvailable(name);
        }
        return ResponseEntity.status(HttpStatus.CREATED).header("Idempotent-Replayed", Boolean.toString(published.duplicate()))
                .body(PublishResponse.of(published));
    }

    @Operation(summary = "Publish several messages atomically")
    @ApiResponse(responseCode = "201", description = "All stored durably, answered in request order")
    @PostMapping(path = "/queue/{name}/publish-batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchPublishResponse> publishBatch(@PathVariable @QueueName String name,
            @Valid @RequestBody BatchPublishRequest request,
            @RequestHeader(name = TraceContext.TRACEPARENT, required = false) @Nullable String traceparent,
            @RequestHeader(name = TraceContext.TRACESTATE, required = false) @Nullable String tracestate) {
        if (request.messages().size() > maxBatchSize) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "batch-too-large",
                    "A batch holds at most " + maxBatchSize + " messages; this one has " + request.messages().size());
        }
        TraceContext trace = TraceContext.fromHeaders(traceparent, tracestate);
        List<NewMessage> messages = request.messages().stream().map(entry -> newMessage(entry, trace)).toList();
        List<Published> published = store.publish(name, messages);
        waitingConsumers.messagesAvailable(name);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new BatchPublishResponse(name, published.stream().map(PublishResponse::of).toList()));
    }

    private NewMessage newMessage(BatchEntry entry, @Nullable TraceContext trace) {
        int delay = entry.delaySeconds() == null ? 0 : entry.delaySeconds();
        return new NewMessage(payloads.fromNode(entry.payload()), Duration.ofSeconds(delay), entry.idempotencyKey(),
                trace);
    }

    @Operation(summary = "Receive the next ready message(s)", description = """
            Without `max`: one message object, or 204 when none is ready. With `max`: `{"messages": [...]}` with up
            to `max` messages, or 204. `wait` (seconds) holds the request until a message arrives (long polling).""")
    @ApiResponse(responseCode = "200", description = "A message (or, with max, a list of messages)",
            content = @Content(schema = @Schema(implementation = MessageResponse.class)))
    @ApiResponse(responseCode = "204", description = "Nothing ready within the wait time")
    @GetMapping("/queue/{name}/consume")
    Object consume(@PathVariable @QueueName String name,
            @RequestParam(defaultValue = "0") @Min(0) @Max(20) int wait,
            @RequestParam(required = false) @Min(1) @Max(10) @Nullable Integer max,
            @RequestParam(required = false) @Min(0) @Max(43200) @Nullable Integer visibilityTimeout) {
        int count = max == null ? 1 : max;
        Duration visibility = visibilityTimeout == null ? null : Duration.ofSeconds(visibilityTimeout);
        List<Delivery> deliveries = store.receive(name, count, visibility);
        if (!deliveries.isEmpty() || wait == 0) {
            return render(deliveries, max != null);
        }
        return waitingConsumers.await(name, count, visibility, Duration.ofSeconds(wait),
                ready -> render(ready, max != null), ResponseEntity.noContent().build());
    }

    private static ResponseEntity<?> render(List<Delivery> deliveries, boolean batch) {
        if (deliveries.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        if (batch) {
            return ResponseEntity.ok(new BatchConsumeResponse(deliveries.stream().map(MessageResponse::of).toList()));
        }
        return ResponseEntity.ok(MessageResponse.of(deliveries.get(0)));
    }

    @Operation(summary = "Acknowledge a delivery: the message is deleted",
            description = "Body `{\"receiptHandle\": \"...\"}`, or `{\"id\": 42}` while exactly one delivery of the message is in flight.")
    @ApiResponse(responseCode = "200", description = "Acknowledged")
    @ApiResponse(responseCode = "404", description = "No such message (already acked, purged or expired)")
    @ApiResponse(responseCode = "409", description = "Stale receipt: the message was delivered again since; nothing deleted")
    @PostMapping(path = "/queue/{name}/ack", consumes = MediaType.APPLICATION_JSON_VALUE)
    AckResponse ack(@PathVariable @QueueName String name, @Valid @RequestBody AckRequest request) {
        if ((request.receiptHandle() == null) == (request.id() == null)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Send exactly one of receiptHandle and id");
        }
        if (request.receiptHandle() != null) {
            ReceiptHandle receipt = receipt(request.receiptHandle());
            return answer(name, receipt.messageId(), store.ack(name, receipt), "acked");
        }
        long id = request.id();
        return answer(name, id, store.ackById(name, id), "acked");
    }

    @Operation(summary = "Acknowledge up to 100 deliveries in one request",
            description = "Each receipt is acked on its own terms: `acked`, `stale` (delivered again since; nothing deleted) or `not-found`.")
    @ApiResponse(responseCode = "200", description = "Every receipt's outcome, in request order")
    @PostMapping(path = "/queue/{name}/ack-batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    AckBatchResponse ackBatch(@PathVariable @QueueName String name, @Valid @RequestBody AckBatchRequest request) {
        List<ReceiptHandle> receipts = request.receiptHandles().stream().map(QueueController::receipt).toList();
        List<AckResult> results = store.ackAll(name, receipts);
        List<AckBatchEntry> entries = new ArrayList<>(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            entries.add(new AckBatchEntry(receipts.get(i).value(), receipts.get(i).messageId(), switch (results.get(i)) {
                case DONE -> "acked";
                case STALE -> "stale";
                case NOT_IN_FLIGHT, NOT_FOUND -> "not-found";
            }));
        }
        return new AckBatchResponse(name, entries);
    }

    @Operation(summary = "Release a delivery: the message is ready again now or after delaySeconds")
    @ApiResponse(responseCode = "200", description = "Released")
    @ApiResponse(responseCode = "409", description = "Stale receipt")
    @PostMapping(path = "/queue/{name}/nack", consumes = MediaType.APPLICATION_JSON_VALUE)
    AckResponse nack(@PathVariable @QueueName String name, @Valid @RequestBody NackRequest request) {
        ReceiptHandle receipt = receipt(request.receiptHandle());
        int delay = request.delaySeconds() == null ? 0 : request.delaySeconds();
        AckResponse response = answer(name, receipt.messageId(), store.nack(name, receipt, Duration.ofSeconds(delay)), "released");
        if (delay == 0) {
            waitingConsumers.messagesAvailable(name);
        }
        return response;
    }

    private static ReceiptHandle receipt(String value) {
        try {
            return ReceiptHandle.parse(value);
        }
        catch (IllegalArgumentException ex) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-receipt", ex.getMessage());
        }
    }

    private static AckResponse answer(String queue, long id, AckResult result, String done) {
        return switch (result) {
            case DONE -> new AckResponse(id, queue, done);
            case STALE -> throw new ProblemException(HttpStatus.CONFLICT, "stale-receipt",
                    "Message " + id + " was delivered again (or released) since this receipt was issued; nothing changed")
                    .withProperty("messageId", id);
            case NOT_IN_FLIGHT -> throw new ProblemException(HttpStatus.CONFLICT, "not-in-flight",
                    "Message " + id + " is not in flight, so its id names no delivery; ack with the receipt handle")
                    .withProperty("messageId", id);
            case NOT_FOUND -> throw new ProblemException(HttpStatus.NOT_FOUND, "message-not-found",
                    "Queue '" + queue + "' has no message " + id + " (already acked, purged or expired)");
        };
    }

    @Operation(summary = "Move every message of {name}.dlq back to {name}")
    @PostMapping("/queue/{name}/redrive")
    CountResponse redrive(@PathVariable @QueueName String name) {
        int moved = store.redrive(name);
        if (moved > 0) {
            waitingConsumers.messagesAvailable(name);
        }
        return new CountResponse(name, moved);
    }

    @Operation(summary = "Delete every message of the queue (admin)")
    @PostMapping("/queue/{name}/purge")
    CountResponse purge(@PathVariable @QueueName String name) {
        requireQueue(name);
        return new CountResponse(name, store.purge(name));
    }

    @Operation(summary = "Create a queue or change its settings")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Changed")
    @PutMapping(path = "/queue/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SettingsResponse> putSettings(@PathVariable @QueueName String name, @Valid @RequestBody SettingsRequest request) {
        SettingsChange change = store.putSettings(name, new SettingsUpdate(
                request.visibilityTimeoutSeconds() == null ? null : Duration.ofSeconds(request.visibilityTimeoutSeconds()),
                request.maxDeliveries(),
                request.retentionSeconds() == null ? null : Duration.ofSeconds(request.retentionSeconds())));
        return ResponseEntity.status(change.created() ? HttpStatus.CREATED : HttpStatus.OK).body(SettingsResponse.of(change.settings()));
    }

    @Operation(summary = "A queue's settings")
    @GetMapping("/queue/{name}")
    SettingsResponse settings(@PathVariable @QueueName String name) {
        return store.settings(name).map(SettingsResponse::of).orElseThrow(() -> noSuchQueue(name));
    }

    @Operation(summary = "Delete a queue with its messages (admin)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/queue/{name}")
    ResponseEntity<Void> delete(@PathVariable @QueueName String name) {
        if (!store.delete(name)) {
            throw noSuchQueue(name);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A queue's counts by state, totals and oldest ready age")
    @GetMapping("/queue/{name}/stats")
    StatsResponse stats(@PathVariable @QueueName String name) {
        return store.stats(name).map(StatsResponse::of).orElseThrow(() -> noSuchQueue(name));
    }

    @Operation(summary = "Every queue with its stats")
    @GetMapping("/queues")
    QueuesResponse queues() {
        return new QueuesResponse(store.allStats().stream().map(StatsResponse::of).toList());
    }

    private void requireQueue(String name) {
        if (store.settings(name).isEmpty()) {
            throw noSuchQueue(name);
        }
    }

    private static ProblemException noSuchQueue(String name) {
        return new ProblemException(HttpStatus.NOT_FOUND, "queue-not-found", "No queue named '" + name + "'");
    }
}
