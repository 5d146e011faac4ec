package dev.switchboard.collector.history;

import java.time.Instant;

/**
 * The latest UP→DOWN or DOWN→UP change of any instance of a service.
 *
 * @param instance the instance that changed
 * @param at when
 * @param from status before
 * @param to status after
 */
public record LastChange(String instance, Instant at, String from, String to) {
}
