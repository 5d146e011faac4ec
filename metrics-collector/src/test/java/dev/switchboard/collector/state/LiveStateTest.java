package dev.switchboard.collector.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.poll.Sample;
import dev.switchboard.collector.target.Target;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveStateTest {

    static final Target TARGET = new Target("etl-api", "h:1", URI.create("http://h:1"), URI.create("http://h:1/health"),
            Target.Origin.STATIC);

    private final List<StatusChange> changes = new ArrayList<>();
    private final LiveState state = new LiveState(List.of(changes::add));
    private long clock;

    @Test
    void oneEventPerRealChangeAndNoneForTheFirstVerdict() {
        state.targetsChanged(List.of(TARGET));
        assertThat(state.instance(TARGET.key()).status()).isEqualTo(HealthStatus.UNKNOWN);

        poll(HealthStatus.DOWN);
        poll(HealthStatus.DOWN);
        poll(HealthStatus.UP);
        poll(HealthStatus.UP);
        poll(HealthStatus.DOWN);
        poll(HealthStatus.UNKNOWN);

        assertThat(changes).extracting(c -> c.from() + ">" + c.to()).containsExactly("DOWN>UP", "UP>DOWN");
        assertThat(changes).extracting(StatusChange::id).doesNotHaveDuplicates();
        assertThat(changes.get(1).at()).isEqualTo(Instant.ofEpochSecond(5));
        assertThat(state.instance(TARGET.key()).since()).isEqualTo(Instant.ofEpochSecond(6));
    }

    @Test
    void sinceKeepsTheStartOfTheCurrentStatus() {
        state.targetsChanged(List.of(TARGET));
        poll(HealthStatus.UP);
        poll(HealthStatus.UP);
        poll(HealthStatus.UP);
        assertThat(state.instance(TARGET.key()).since()).isEqualTo(Instant.ofEpochSecond(1));
    }

    @Test
    void aVanishedTargetIsDroppedAndALatePollDoesNotBringItBack() {
        state.targetsChanged(List.of(TARGET));
        poll(HealthStatus.UP);
        state.targetsChanged(List.of());
        poll(HealthStatus.DOWN);
        assertThat(state.instances()).isEmpty();
        assertThat(changes).isEmpty();
    }

    private void poll(HealthStatus status) {
        clock++;
        state.polled(TARGET, new Sample(TARGET.service(), TARGET.instance(), Instant.ofEpochSecond(clock), status,
                status == HealthStatus.DOWN ? 503 : 200, 5, status == HealthStatus.DOWN ? "HTTP 503" : null, null));
    }
}
