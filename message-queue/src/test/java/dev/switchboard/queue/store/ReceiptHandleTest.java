package dev.switchboard.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReceiptHandleTest {

    @Test
    void everyDeliveryGetsADifferentHandleThatParsesBackToItsMessage() {
        ReceiptHandle first = ReceiptHandle.next(42, 1);
        ReceiptHandle again = ReceiptHandle.next(42, 1);

        assertThat(first.value()).startsWith("42.1.").isNotEqualTo(again.value());
        assertThat(ReceiptHandle.parse(first.value())).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "42", "42.1", "42.1.xyz", "42.1.0123456789ABCDEF", "-1.1.0123456789abcdef",
            "1234567890123456789.1.0123456789abcdef", "42.1.0123456789abcdef.extra" })
    void refusesWhatItDidNotIssue(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> ReceiptHandle.parse(value));
    }
}
