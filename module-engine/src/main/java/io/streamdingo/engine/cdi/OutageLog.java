package io.streamdingo.engine.cdi;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Logs an outage of background work once, not once per attempt: the first failure at WARNING with its cause,
 * the next ones at DEBUG, and the recovery at INFO with how long it lasted. Thread-safe.
 */
final class OutageLog {

    private final System.Logger log;
    private final String what;
    private final Clock clock;

    private int failures;
    private @Nullable Instant since;
    private @Nullable String lastError;

    /**
     * @param what the work, as the start of a sentence: "the outbox relay", "consumer m1 of subscription billing"
     */
    OutageLog(System.Logger log, String what, Clock clock) {
        this.log = log;
        this.what = what;
        this.clock = clock;
    }

    /**
     * Records a failure.
     *
     * @return how many failures in a row, this one included
     */
    int failed(Throwable error, Duration retryingUpTo) {
        int count;
        synchronized (this) {
            count = ++failures;
            if (count == 1) {
                since = clock.instant();
            }
            lastError = error.getClass().getName() + ": " + error.getMessage();
        }
        if (count == 1) {
            log.log(
                    Level.WARNING,
                    what + " fails; it retries with a back-off of up to " + retryingUpTo.toSeconds()
                            + " s and logs again when it works again",
                    error);
        } else {
            log.log(Level.DEBUG, "{0} failed again ({1} in a row): {2}", what, count, error.toString());
        }
        return count;
    }

    /** Records a success; logs the recovery if it ends an outage. */
    void succeeded() {
        int recoveredFrom;
        Instant began;
        synchronized (this) {
            recoveredFrom = failures;
            began = since;
            failures = 0;
            since = null;
        }
        if (recoveredFrom > 0 && began != null) {
            log.log(
                    Level.INFO,
                    "{0} works again after {1} failed attempts over {2}",
                    what,
                    recoveredFrom,
                    Duration.between(began, clock.instant()));
        }
    }

    synchronized int failures() {
        return failures;
    }

    synchronized @Nullable Instant since() {
        return since;
    }

    synchronized @Nullable String lastError() {
        return lastError;
    }
}
