package dev.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class BodyCopyTest {

    private final DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;

    @Test
    void copiesWithoutConsumingTheBuffers() {
        BodyCopy copy = new BodyCopy(16);
        DataBuffer first = buffer("hello ");
        DataBuffer second = buffer("world");

        copy.append(first);
        copy.append(second);

        assertThat(copy.bytes()).hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("hello world"));
        assertThat(first.readableByteCount()).isEqualTo(6);
        assertThat(second.toString(StandardCharsets.UTF_8)).isEqualTo("world");
    }

    @Test
    void givesUpPastTheLimit() {
        BodyCopy copy = new BodyCopy(8);

        copy.append(buffer("hello "));
        copy.append(buffer("world"));
        copy.append(buffer("!"));

        assertThat(copy.bytes()).isEmpty();
    }

    private DataBuffer buffer(String text) {
        return factory.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
