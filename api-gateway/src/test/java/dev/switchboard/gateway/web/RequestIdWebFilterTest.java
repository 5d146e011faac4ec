package dev.switchboard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdWebFilterTest {

    @Test
    void keepsWellFormedIdsAndReplacesOthers() {
        assertThat(RequestIdWebFilter.resolve("abc-123.x:y_z")).isEqualTo("abc-123.x:y_z");
        assertThat(RequestIdWebFilter.resolve(null)).hasSize(36);
        assertThat(RequestIdWebFilter.resolve("")).hasSize(36);
        assertThat(RequestIdWebFilter.resolve("has space")).hasSize(36);
        assertThat(RequestIdWebFilter.resolve("x".repeat(129))).hasSize(36);
        assertThat(RequestIdWebFilter.resolve("line\r\nbreak")).hasSize(36);
    }
}
