package dev.switchboard.resilience;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The one way a resilient call finally fails: it names the client, the attempts made and the last
 * response status or cause. {@link #isCircuitOpen()} tells a call refused by an open circuit breaker
 * (nothing was sent) from a remote failure.
 */
public class ResilientCallException extends RuntimeException {

    /** Why the call failed. */
    public enum Reason {
        /** The remote answered with a failure status, or the attempt failed with an I/O error or timeout. */
        REMOTE_FAILURE,
        /** The circuit breaker was open (or forced open) and refused the attempt without sending it. */
        CIRCUIT_OPEN
    }

    private final String clientName;

    private final int attempts;

    private final @Nullable Integer lastStatus;

    private final Reason reason;

    public ResilientCallException(String clientName, Reason reason, int attempts, @Nullable Integer lastStatus,
            @Nullable Throwable cause) {
        super(message(clientName, reason, attempts, lastStatus, cause), cause);
        this.clientName = clientName;
        this.reason = reason;
        this.attempts = attempts;
        this.lastStatus = lastStatus;
    }

    /** Name of the client whose call failed. */
    public String clientName() {
        return this.clientName;
    }

    /** Attempts actually sent to the remote (0 when the breaker refused the first one). */
    public int attempts() {
        return this.attempts;
    }

    /** Status of the last response, if the last attempt got one. */
    public OptionalInt lastStatus() {
        return this.lastStatus == null ? OptionalInt.empty() : OptionalInt.of(this.lastStatus);
    }

    /** Why the call failed. */
    public Reason reason() {
        return this.reason;
    }

    /** Whether an open circuit breaker refused the call (as opposed to a remote failure). */
    public boolean isCircuitOpen() {
        return this.reason == Reason.CIRCUIT_OPEN;
    }

    private static String message(String clientName, Reason reason, int attempts, @Nullable Integer lastStatus,
            @Nullable Throwable cause) {
        StringBuilder message = new StringBuilder("Call by client '").append(clientName).append("' ");
        if (reason == Reason.CIRCUIT_OPEN) {
            message.append("refused: circuit breaker is open");
        }
        else {
            message.append("failed");
        }
        message.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        if (lastStatus != null) {
            message.append("; last status ").append(lastStatus);
        }
        else if (cause != null && reason == Reason.REMOTE_FAILURE) {
            message.append("; last cause ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
