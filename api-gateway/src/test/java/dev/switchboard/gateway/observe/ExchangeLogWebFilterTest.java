package dev.switchboard.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExchangeLogWebFilterTest {

    @Test
    void formatsLatencyInMillisecondsWithOneDecimal() {
        assertThat(ExchangeLogWebFilter.millis(0)).isEqualTo("0.0");
        assertThat(ExchangeLogWebFilter.millis(1_234_567)).isEqualTo("1.2");
        assertThat(ExchangeLogWebFilter.millis(1_250_000)).isEqualTo("1.3");
        assertThat(ExchangeLogWebFilter.millis(12_000_000_000L)).isEqualTo("12000.0");
    }
}
