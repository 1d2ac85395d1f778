package io.streamdingo.management.http;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the live feeds' rounds run: the server's managed scheduled executor when there is one, otherwise two
 * daemon threads of its own (said once in the log). Request threads never wait for a feed.
 */
final class FeedScheduler {

    private static final System.Logger LOG = System.getLogger(FeedScheduler.class.getName());

    private final ScheduledExecutorService executor;
    private final boolean owned;

    private FeedScheduler(ScheduledExecutorService executor, boolean owned) {
        this.executor = executor;
        this.owned = owned;
    }

    static FeedScheduler create() {
        try {
            return new FeedScheduler(
                    (ScheduledExecutorService)
                            new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService"),
                    false);
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "no managed scheduled executor ({0}): the management API''s live feeds run on threads of their"
                            + " own",
                    e.toString());
            return new FeedScheduler(
                    Executors.newScheduledThreadPool(2, runnable -> {
                        Thread thread = new Thread(runnable, "streamdingo-live-feed");
                        thread.setDaemon(true);
                        return thread;
                    }),
                    true);
        }
    }

    /** Runs {@code round} every {@code interval} until the returned future is cancelled. */
    ScheduledFuture<?> every(Duration interval, Runnable round) {
        return executor.scheduleWithFixedDelay(round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (owned) {
            executor.shutdownNow();
        }
    }
}
