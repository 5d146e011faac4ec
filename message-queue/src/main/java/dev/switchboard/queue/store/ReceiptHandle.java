package dev.switchboard.queue.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of one delivery: {@code <message id>.<delivery count>.<random>}. The id lets an ack find its message
 * directly; the random part makes every delivery's handle unguessable and different from the previous ones.
 */
public record ReceiptHandle(long messageId, String value) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})\\.(\\d{1,9})\\.([0-9a-f]{16})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new handle for the {@code deliveryCount}-th delivery of a message. */
    public static ReceiptHandle next(long messageId, int deliveryCount) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return new ReceiptHandle(messageId, messageId + "." + deliveryCount + "." + HexFormat.of().formatHex(random));
    }

    /** Parses a handle a client sent back; throws {@link IllegalArgumentException} when it cannot be one of ours. */
    public static ReceiptHandle parse(String value) {
        var matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("receiptHandle is not a receipt handle issued by this queue");
        }
        return new ReceiptHandle(Long.parseLong(matcher.group(1)), value);
    }

    @Override
    public String toString() {
        return value;
    }
}
