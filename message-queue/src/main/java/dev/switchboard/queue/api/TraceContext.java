package dev.switchboard.queue.api;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The W3C trace context a message carries from its publisher to its consumers: the publish request's
 * {@code traceparent}, kept when well formed. A malformed one is dropped rather than refused, because tracing must
 * never cost a message.
 */
final class TraceContext {

    static final String HEADER = "traceparent";

    /** version 00, 32 hex trace id, 16 hex parent id, 2 hex flags; all-zero ids are invalid. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {
    }

    static @Nullable String validOrNull(@Nullable String traceparent) {
        return traceparent != null && TRACEPARENT.matcher(traceparent.strip()).matches() ? traceparent.strip() : null;
    }
}
