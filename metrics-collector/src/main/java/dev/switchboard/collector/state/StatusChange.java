package dev.switchboard.collector.state;

import dev.switchboard.collector.poll.HealthStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An instance went from UP to DOWN or back: the body of the {@code service-events} message.
 *
 * @param id unique id of the event, sent as {@code Idempotency-Key} so that a retried publish is stored once
 * @param type always {@code service.status-changed}
 * @param service the service
 * @param instance the instance
 * @param url the polled health endpoint
 * @param from status before
 * @param to status now
 * @param at when the poll that saw the change started
 * @param httpStatus HTTP status of that poll, if any
 * @param error why it is DOWN, if it is
 */
public record StatusChange(String id, String type, String service, String instance, String url, HealthStatus from,
                           HealthStatus to, Instant at, @Nullable Integer httpStatus, @Nullable String error) {

    public static final String TYPE = "service.status-changed";
}
