package dev.switchboard.samples.etl;

/** Hands a stored job to whatever will run it: a local thread pool, or the message queue. */
public interface JobDispatcher {

    /**
     * Dispatches the job and returns it as it should now be stored (e.g. with its queue message id).
     *
     * @throws DispatchException when the job cannot be accepted now; the caller should retry later
     */
    EtlJob dispatch(EtlJob job, EtlJobRequest request);

    /** {@code in-process} or {@code queue}: shown on each job. */
    String name();

    /** The job could not be handed over; nothing was dispatched. */
    final class DispatchException extends RuntimeException {

        public DispatchException(String message, Throwable cause) {
            super(message, cause);
        }

        public DispatchException(String message) {
            super(message);
        }
    }
}
