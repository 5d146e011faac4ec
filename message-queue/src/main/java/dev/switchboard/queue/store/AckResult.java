package dev.switchboard.queue.store;

/** What happened to an ack or nack. */
public enum AckResult {
    /** The delivery was acknowledged (ack: the message is deleted; nack: it is released). */
    DONE,
    /** The message exists but was delivered again since this receipt was issued, or was released: nothing changed. */
    STALE,
    /** The message (by id) exists but is not in flight, so the id does not name one delivery: nothing changed. */
    NOT_IN_FLIGHT,
    /** No such message on this queue (already acked, purged, expired or never there). */
    NOT_FOUND
}
