package dev.switchboard.samples.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private final List<Duration> slept = new ArrayList<>();

    @Test
    void failsExactlyTheRequestsWhoseDrawFallsBelowTheRate() throws Exception {
        PrimitiveIterator.OfDouble draws = DoubleStream.of(0.05, 0.25, 0.2499, 0.9).iterator();
        var injector = new FaultInjector(new FaultSettings(0, 0.25, 502, false), draws::nextDouble, slept::add);
        assertThat(injector.beforeRequest()).isEqualTo(502);
        assertThat(injector.beforeRequest()).isZero();
        assertThat(injector.beforeRequest()).isEqualTo(502);
        assertThat(injector.beforeRequest()).isZero();
        assertThat(slept).isEmpty();
    }

    @Test
    void latencyIsSleptBeforeEachRequestAndUpdatesApplyAtOnce() throws Exception {
        var injector = new FaultInjector(FaultSettings.none(), () -> 0.0, slept::add);
        assertThat(injector.beforeRequest()).as("rate 0 never fails, even on a draw of 0").isZero();
        injector.update(new FaultSettings(150, 0, 503, false));
        injector.beforeRequest();
        injector.beforeRequest();
        assertThat(slept).containsExactly(Duration.ofMillis(150), Duration.ofMillis(150));
    }
}
