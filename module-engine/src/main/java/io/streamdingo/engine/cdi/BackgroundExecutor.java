package io.streamdingo.engine.cdi;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where StreamDingo's periodic work runs: the server's managed scheduled executor when there is one (its
 * threads carry the application's context: JNDI, transactions), otherwise a daemon thread of its own, which
 * it says in a log line. Every task it schedules is supervised: a failure is logged once per outage (see
 * {@link OutageLog}), the next runs are skipped for a back-off that doubles up to 30 s, and {@link #stop()}
 * cancels what it scheduled.
 */
final class BackgroundExecutor {

    private static final System.Logger LOG = System.getLogger(BackgroundExecutor.class.getName());

    private final ScheduledExecutorService executor;
    private final boolean owned;
    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

    private BackgroundExecutor(ScheduledExecutorService executor, boolean owned) {
        this.executor = executor;
        this.owned = owned;
    }

    static BackgroundExecutor named(String threadName) {
        try {
            return new BackgroundExecutor(
                    (ScheduledExecutorService)
                            new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService"),
                    false);
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            LOG.log(
                    Level.INFO,
                    "no managed scheduled executor at java:comp/DefaultManagedScheduledExecutorService ({0}): {1}"
                            + " runs on a thread of its own, without the server''s context",
                    e.toString(),
                    threadName);
            return new BackgroundExecutor(
                    Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, threadName);
                        thread.setDaemon(true);
                        return thread;
                    }),
                    true);
        }
    }

    /**
     * Runs {@code task} every {@code every} (after the previous run ended), supervised.
     *
     * @param what the task, as the start of a sentence, for its log lines
     */
    void schedule(String what, Runnable task, Duration every) {
        SupervisedTask supervised = new SupervisedTask(what, task, every);
        scheduled.add(
                executor.scheduleWithFixedDelay(supervised, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Runs {@code task} every {@code every}, supervised, and also soon after each call of the returned wake-up:
     * wake-ups that come while a run is pending make no further run.
     */
    Runnable scheduleWithWakeUp(String what, Runnable task, Duration every) {
        SupervisedTask supervised = new SupervisedTask(what, task, every);
        scheduled.add(
                executor.scheduleWithFixedDelay(supervised, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
        AtomicBoolean pending = new AtomicBoolean();
        return () -> {
            if (pending.compareAndSet(false, true)) {
                try {
                    executor.execute(() -> {
                        pending.set(false);
                        supervised.run();
                    });
                } catch (RejectedExecutionException stopped) {
                    pending.set(false); // stopping: the scheduled runs are over too
                }
            }
        };
    }

    /** Cancels what it scheduled; shuts the executor down if it is its own, leaves the server's to the server. */
    void stop() {
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
        if (owned) {
            executor.shutdownNow();
        }
    }

    /** One scheduled task: skips its runs while backing off after failures, and logs once per outage. */
    private static final class SupervisedTask implements Runnable {
        private final Runnable task;
        private final OutageLog outage;
        private final Backoff backoff;
        private long notBefore;

        SupervisedTask(String what, Runnable task, Duration every) {
            this.task = task;
            this.outage = new OutageLog(LOG, what, Clock.systemUTC());
            this.backoff =
                    new Backoff(every, every.compareTo(Duration.ofSeconds(30)) > 0 ? every : Duration.ofSeconds(30));
        }

        @Override
        public synchronized void run() {
            if (System.nanoTime() - notBefore < 0) {
                return;
            }
            try {
                task.run();
                outage.succeeded();
            } catch (RuntimeException | LinkageError e) {
                int failures = outage.failed(e, backoff.max());
                notBefore = System.nanoTime() + backoff.after(failures).toNanos();
            }
        }
    }
}
