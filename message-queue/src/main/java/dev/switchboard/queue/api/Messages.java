package dev.switchboard.queue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.switchboard.queue.store.Delivery;
import dev.switchboard.queue.store.Published;
import dev.switchboard.queue.store.QueueSettings;
import dev.switchboard.queue.store.QueueStats;
import dev.switchboard.queue.store.TraceContext;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request and response bodies of the queue API. */
final class Messages {

    private Messages() {
    }

    /** Answer to a publish. */
    record PublishResponse(long id, String queue, Instant enqueuedAt) {
        static PublishResponse of(Published published) {
            return new PublishResponse(published.id(), published.queue(), published.enqueuedAt());
        }
    }

    /** One message of a batch publish. */
    record BatchEntry(
            @Schema(description = "The message payload: any JSON value") @NotNull JsonNode payload,
            @Schema(description = "Seconds before the message becomes ready") @Min(0) @Max(900) @Nullable Integer delaySeconds,
            @Schema(description = "Makes a retried publish of this message a no-op") @Size(min = 1, max = 128) @Nullable String idempotencyKey) {
    }

    /** Body of a batch publish. */
    record BatchPublishRequest(@NotEmpty List<@Valid @NotNull BatchEntry> messages) {
    }

    /** Answer to a batch publish, in the order of the request. */
    record BatchPublishResponse(String queue, List<PublishResponse> messages) {
    }

    /** A delivered message. */
    record MessageResponse(long id, String queue, String receiptHandle,
            @Schema(description = "The payload as published (any JSON value)", implementation = Object.class) @JsonRawValue String payload,
            int deliveryCount, Instant enqueuedAt, Instant visibleUntil,
            @Schema(description = "W3C traceparent of the publish request, absent when it carried none")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String traceparent,
            @Schema(description = "W3C tracestate of the publish request, absent when it carried none")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String tracestate) {
        static MessageResponse of(Delivery delivery) {
            TraceContext trace = delivery.trace();
            return new MessageResponse(delivery.id(), delivery.queue(), delivery.receiptHandle(), delivery.payload(),
                    delivery.deliveryCount(), delivery.enqueuedAt(), delivery.visibleUntil(),
                    trace == null ? null : trace.traceparent(), trace == null ? null : trace.tracestate());
        }
    }

    /** Answer to {@code consume?max=n}. */
    record BatchConsumeResponse(List<MessageResponse> messages) {
    }

    /** Body of an ack: the receipt handle of the delivery, or the message id while it is in flight. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AckRequest(@Size(max = 100) @Nullable String receiptHandle, @Nullable Long id) {
    }

    /** Body of a batch ack. */
    record AckBatchRequest(@NotEmpty @Size(max = 100) List<@NotNull @Size(max = 100) String> receiptHandles) {
    }

    /** One receipt's outcome in a batch ack: {@code acked}, {@code stale} or {@code not-found}. */
    record AckBatchEntry(String receiptHandle, long id, String status) {
    }

    /** Answer to a batch ack, in the order of the request. */
    record AckBatchResponse(String queue, List<AckBatchEntry> results) {
    }

    /** Answer to an ack or nack. */
    record AckResponse(long id, String queue, String status) {
    }

    /** Body of a nack. */
    record NackRequest(@NotNull @Size(max = 100) String receiptHandle,
            @Schema(description = "Seconds before the message is ready again (default 0)") @Min(0) @Max(43200) @Nullable Integer delaySeconds) {
    }

    /** Body of a queue settings change; omitted fields keep their value. */
    record SettingsRequest(
            @Min(0) @Max(43200) @Nullable Integer visibilityTimeoutSeconds,
            @Schema(description = "Deliveries before dead-lettering; 0 never dead-letters") @Min(0) @Max(1000) @Nullable Integer maxDeliveries,
            @Min(60) @Max(1209600) @Nullable Long retentionSeconds) {
    }

    /** A queue's settings. */
    record SettingsResponse(String name, long visibilityTimeoutSeconds, int maxDeliveries, long retentionSeconds) {
        static SettingsResponse of(QueueSettings settings) {
            return new SettingsResponse(settings.name(), settings.visibilityTimeout().toSeconds(), settings.maxDeliveries(),
                    settings.retention().toSeconds());
        }
    }

    /** A queue's stats. */
    record StatsResponse(String queue, long ready, long inFlight, long delayed, long deadLettered, long published,
            long delivered, long acked, @Nullable Double oldestReadyAgeSeconds) {
        static StatsResponse of(QueueStats stats) {
            return new StatsResponse(stats.queue(), stats.ready(), stats.inFlight(), stats.delayed(), stats.deadLettered(),
                    stats.published(), stats.delivered(), stats.acked(),
                    stats.oldestReadyAge() == null ? null : stats.oldestReadyAge().toMillis() / 1000.0);
        }
    }

    /** Every queue with its stats. */
    record QueuesResponse(List<StatsResponse> queues) {
    }

    /** Answer to purge and redrive. */
    record CountResponse(String queue, int count) {
    }
}
