package dev.switchboard.gateway.cache;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;

/**
 * Copies the bytes of a response body as they go by, without consuming the buffers, up to a limit; past the
 * limit it stops copying and the response is not kept.
 */
final class BodyCopy {

    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean overflowed;

    BodyCopy(long limit) {
        this.limit = limit;
    }

    void append(DataBuffer buffer) {
        int length = buffer.readableByteCount();
        if (overflowed || bytes.size() + (long) length > limit) {
            overflowed = true;
            bytes.reset();
            return;
        }
        ByteBuffer view = ByteBuffer.allocate(length);
        buffer.toByteBuffer(buffer.readPosition(), view, 0, length);
        bytes.write(view.array(), 0, length);
    }

    Optional<byte[]> bytes() {
        return overflowed ? Optional.empty() : Optional.of(bytes.toByteArray());
    }
}
