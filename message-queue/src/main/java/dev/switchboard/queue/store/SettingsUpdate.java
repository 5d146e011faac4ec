package dev.switchboard.queue.store;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A change of a queue's settings; a null field keeps the current (or default) value. */
public record SettingsUpdate(@Nullable Duration visibilityTimeout, @Nullable Integer maxDeliveries,
        @Nullable Duration retention) {
}
