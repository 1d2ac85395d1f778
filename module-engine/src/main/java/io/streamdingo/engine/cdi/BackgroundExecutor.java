package io.streamdingo.engine.cdi;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where StreamDingo's periodic work runs: the server's managed scheduled executor when there is one (its
 * threads carry the application's context: JNDI, transactions), otherwise a daemon thread of its own.
 *
 * @param executor the executor
 * @param owned whether it was created here, and so must be shut down here
 */
record BackgroundExecutor(ScheduledExecutorService executor, boolean owned) {

    static BackgroundExecutor named(String threadName) {
        try {
            return new BackgroundExecutor(
                    (ScheduledExecutorService)
                            new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService"),
                    false);
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            return new BackgroundExecutor(
                    Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, threadName);
                        thread.setDaemon(true);
                        return thread;
                    }),
                    true);
        }
    }

    /** Stops what runs here: shuts the executor down if it is ours, leaves the server's to the server. */
    void stop() {
        if (owned) {
            executor.shutdownNow();
        }
    }
}
