package dev.switchboard.samples.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference figures computed with R 4.x. */
class StatisticsTest {

    @Test
    void quantilesAreRType7() {
        double[] sorted = { 1, 3, 4, 8, 20 };
        // quantile(c(1,3,4,8,20), c(0, .1, .33, .5, .9, 1))
        assertThat(Statistics.quantile(sorted, 0)).isEqualTo(1.0);
        assertThat(Statistics.quantile(sorted, 0.1)).isCloseTo(1.8, within(1e-12));
        assertThat(Statistics.quantile(sorted, 0.33)).isCloseTo(3.32, within(1e-12));
        assertThat(Statistics.quantile(sorted, 0.5)).isEqualTo(4.0);
        assertThat(Statistics.quantile(sorted, 0.9)).isCloseTo(15.2, within(1e-12));
        assertThat(Statistics.quantile(sorted, 1)).isEqualTo(20.0);
    }

    @Test
    void summaryKeepsPrecisionForLargeCloseValues() {
        var summary = Statistics.summary(new double[] { 1e9 + 1, 1e9 + 2, 1e9 + 3 }, List.of(0.5));
        assertThat(summary.mean()).isEqualTo(1e9 + 2);
        assertThat(summary.stddev()).isCloseTo(1.0, within(1e-9));
        assertThat(summary.quantiles()).containsEntry("0.5", 1e9 + 2);
    }

    @Test
    void ranksShareTiesAsR() {
        // rank(c(10, 20, 10, 30)) = 1.5 3.0 1.5 4.0
        assertThat(Statistics.ranks(new double[] { 10, 20, 10, 30 })).containsExactly(1.5, 3.0, 1.5, 4.0);
        // cor(c(1,2,2,3,5), c(1,3,2,4,6), method = "spearman") = 0.9746794
        assertThat(Statistics.spearman(new double[] { 1, 2, 2, 3, 5 }, new double[] { 1, 3, 2, 4, 6 }))
                .isCloseTo(0.9746794, within(1e-7));
    }

    @Test
    void histogramEdgesAndDegenerateInput() {
        assertThat(Statistics.sturges(1)).isEqualTo(1);
        assertThat(Statistics.sturges(100)).isEqualTo(8);
        var single = Statistics.histogram(new double[] { 7, 7, 7 }, null);
        assertThat(single).as("Sturges: ceiling(log2(3)) + 1").hasSize(3);
        assertThat(single.get(0).lower()).isEqualTo(6.5);
        assertThat(single.stream().mapToLong(Statistics.Bin::count).sum()).isEqualTo(3);
        assertThatThrownBy(() -> Statistics.histogram(new double[0], 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
