package dev.switchboard.samples.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.samples.etl.EtlJobRequest.Aggregate;
import dev.switchboard.samples.etl.EtlJobRequest.Filter;
import dev.switchboard.samples.etl.EtlJobRequest.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtlEngineTest {

    private final EtlEngine engine = new EtlEngine();

    @Test
    void withoutGroupByEverythingIsOneGroupAndNumbersCompareByValue() {
        var request = new EtlJobRequest(null,
                List.of(Map.of("n", 2, "k", 1), Map.of("n", 3.5, "k", 1.0), Map.of("n", 10, "k", 2)),
                new Filter("k", 1), null,
                List.of(new Aggregate(Operation.COUNT, null), new Aggregate(Operation.MIN, "n"),
                        new Aggregate(Operation.AVG, "missing")));
        var result = engine.run(request);
        assertThat(result.matchedRecords()).isEqualTo(2);
        assertThat(result.rows()).hasSize(1);
        Map<String, Object> row = result.rows().get(0);
        assertThat(row).containsEntry("count", 2).containsEntry("min_n", 2.0).containsEntry("avg_missing", null);
    }

    @Test
    void checkAndFailure() {
        var noField = new EtlJobRequest(null, List.of(Map.of("a", 1)), null, null, List.of(new Aggregate(Operation.SUM, null)));
        assertThat(engine.check(noField)).contains("needs a field");
        var text = new EtlJobRequest(null, List.of(Map.of("a", true)), null, null, List.of(new Aggregate(Operation.SUM, "a")));
        assertThat(engine.check(text)).isNull();
        assertThatThrownBy(() -> engine.run(text)).isInstanceOf(EtlEngine.EtlFailure.class).hasMessageContaining("record 0");
        assertThat(Operation.of("MAX")).isEqualTo(Operation.MAX);
    }

    @Test
    void repositoryForgetsOldestFinishedJobsAndRefusesWhenAllAreUnfinished() {
        var repository = new JobRepository(2);
        var request = new EtlJobRequest(null, List.of(Map.of("a", 1)), null, null, List.of(new Aggregate(Operation.COUNT, null)));
        var now = java.time.Instant.EPOCH;
        EtlJob first = EtlJob.queued(java.util.UUID.randomUUID(), request, "in-process", now);
        EtlJob second = EtlJob.queued(java.util.UUID.randomUUID(), request, "in-process", now);
        assertThat(repository.add(first)).isTrue();
        assertThat(repository.add(second)).isTrue();
        assertThat(repository.add(EtlJob.queued(java.util.UUID.randomUUID(), request, "in-process", now))).isFalse();
        repository.update(first.id(), job -> job.running(now, null).failed("x", now));
        EtlJob third = EtlJob.queued(java.util.UUID.randomUUID(), request, "in-process", now);
        assertThat(repository.add(third)).isTrue();
        assertThat(repository.find(first.id())).isEmpty();
        assertThat(repository.list(null, 10)).extracting(EtlJob::id).containsExactly(third.id(), second.id());
    }
}
