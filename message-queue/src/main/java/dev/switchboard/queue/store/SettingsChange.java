package dev.switchboard.queue.store;

/** The settings after a {@link QueueStore#putSettings} and whether that call created the queue. */
public record SettingsChange(QueueSettings settings, boolean created) {
}
