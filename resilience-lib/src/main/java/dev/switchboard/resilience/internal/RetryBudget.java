package dev.switchboard.resilience.internal;

import dev.switchboard.resilience.ClientSettings.BudgetSettings;
import java.util.concurrent.atomic.AtomicLong;

/**
 * gRPC-style retry throttling (gRFC A6): a bucket of tokens, full at start. Each retryable failure takes
 * one token, each success returns {@code tokenRatio}; a retry is allowed only while the bucket holds more
 * than half its size. Under a failure storm this caps retries at about {@code maxTokens / 2} plus
 * {@code tokenRatio} per success, so retries cannot multiply the load on a failing remote.
 */
public final class RetryBudget {

    // Thousandths of a token, so that the whole state is one lock-free long.
    private static final long SCALE = 1000;

    private final boolean enabled;

    private final long max;

    private final long ratio;

    private final AtomicLong tokens;

    public RetryBudget(BudgetSettings settings) {
        this.enabled = settings.enabled();
        this.max = settings.maxTokens() * SCALE;
        this.ratio = Math.max(1, Math.round(settings.tokenRatio() * SCALE));
        this.tokens = new AtomicLong(this.max);
    }

    /** Records a retryable failure and answers whether a retry is still within budget. */
    public boolean onFailureAllowsRetry() {
        if (!this.enabled) {
            return true;
        }
        long left = this.tokens.updateAndGet(t -> Math.max(0, t - SCALE));
        return left > this.max / 2;
    }

    /** Records a success, which refills the bucket a little. */
    public void onSuccess() {
        if (this.enabled) {
            this.tokens.updateAndGet(t -> Math.min(this.max, t + this.ratio));
        }
    }

    /** Tokens left (the bucket's fill), for a gauge. */
    public double tokens() {
        return this.tokens.get() / (double) SCALE;
    }
}
