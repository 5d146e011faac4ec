package dev.switchboard.queue.store;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The W3C trace context a message carries from its publisher to its consumers: the publish request's
 * {@code traceparent} and, when it sent one, its {@code tracestate} (vendor data that the spec asks every hop to
 * pass on).
 *
 * @param traceparent version 00, trace id, parent span id and flags
 * @param tracestate  the vendor list as received, or null
 */
public record TraceContext(String traceparent, @Nullable String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** version 00, 32 hex trace id, 16 hex parent id, 2 hex flags; all-zero ids are invalid. */
    private static final Pattern VALID_TRACEPARENT =
            Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    /** At most 32 list members of at most 512 characters in all (W3C); printable ASCII only. */
    private static final int MAX_TRACESTATE_LENGTH = 512;
    private static final Pattern VALID_TRACESTATE = Pattern.compile("[\\x20-\\x7e]*");

    /**
     * The context of a publish request's headers. A malformed {@code traceparent} drops the whole context and a
     * malformed {@code tracestate} drops that part, rather than refusing the message: tracing must never cost a
     * message.
     */
    public static @Nullable TraceContext fromHeaders(@Nullable String traceparent, @Nullable String tracestate) {
        if (traceparent == null || !VALID_TRACEPARENT.matcher(traceparent.strip()).matches()) {
            return null;
        }
        String state = tracestate == null ? null : tracestate.strip();
        boolean stateValid = state != null && !state.isEmpty() && state.length() <= MAX_TRACESTATE_LENGTH
                && VALID_TRACESTATE.matcher(state).matches();
        return new TraceContext(traceparent.strip(), stateValid ? state : null);
    }
}
