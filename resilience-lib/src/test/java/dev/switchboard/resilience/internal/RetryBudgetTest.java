package dev.switchboard.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.resilience.ClientSettings.BudgetSettings;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    @Test
    void allowsRetriesWhileMoreThanHalfTheTokensRemain() {
        RetryBudget budget = new RetryBudget(new BudgetSettings(true, 10, 0.1));

        for (int failure = 1; failure <= 4; failure++) {
            assertThat(budget.onFailureAllowsRetry()).as("failure %d", failure).isTrue();
        }
        assertThat(budget.onFailureAllowsRetry()).as("5 tokens left: not more than half").isFalse();
        assertThat(budget.onFailureAllowsRetry()).isFalse();
    }

    @Test
    void successesRefillByTheRatioUpToTheMaximum() {
        RetryBudget budget = new RetryBudget(new BudgetSettings(true, 10, 0.5));
        for (int i = 0; i < 6; i++) {
            budget.onFailureAllowsRetry();
        }
        // 4 tokens; 4 successes bring 2 more (6), so the next failure leaves 5: refused. Four more successes
        // bring 7, and the next failure leaves 6: allowed.
        for (int i = 0; i < 4; i++) {
            budget.onSuccess();
        }
        assertThat(budget.onFailureAllowsRetry()).isFalse();
        budget.onSuccess();
        budget.onSuccess();
        budget.onSuccess();
        budget.onSuccess();
        assertThat(budget.onFailureAllowsRetry()).isTrue();

        RetryBudget full = new RetryBudget(new BudgetSettings(true, 4, 1.0));
        for (int i = 0; i < 100; i++) {
            full.onSuccess();
        }
        assertThat(full.onFailureAllowsRetry()).as("capped at 4: 3 left").isTrue();
        assertThat(full.onFailureAllowsRetry()).as("2 left").isFalse();
    }

    @Test
    void aDisabledBudgetNeverRefuses() {
        RetryBudget budget = new RetryBudget(new BudgetSettings(false, 2, 0.1));
        for (int i = 0; i < 1000; i++) {
            assertThat(budget.onFailureAllowsRetry()).isTrue();
        }
    }
}
