package io.streamdingo.it.scaleout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients appending through the servers' REST APIs ({@link ScaleOutWriter}): every stream gets versions 1 … n, one
 * event per call, each call to the next server in turn. A call whose answer is lost (its server killed, a 5xx)
 * may or may not have been written, so it is asked again on the next server; a 409 there means the first try was
 * written. Each stream has one writer, so that is the only way a 409 can come.
 */
final class RestLoad {

    /** What the load took: events written, wall time, and calls asked again after a lost answer. */
    record Outcome(int events, Duration elapsed, int retried) {
        double eventsPerSecond() {
            return events / (elapsed.toNanos() / 1e9);
        }
    }

    private static final Duration GIVE_UP = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<LibertyProcess> servers;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();

    RestLoad(List<LibertyProcess> servers) {
        this.servers = List.copyOf(servers);
    }

    /** Events written so far, by every run of this load. */
    int written() {
        return written.get();
    }

    /**
     * Writes versions 1 … {@code versions} of streams {@code s0}, {@code s1} … of each category, from {@code clients} threads, and
     * returns when all are written.
     */
    Outcome run(List<String> categories, int streamsPerCategory, int versions, int clients) throws Exception {
        return run("s", categories, streamsPerCategory, versions, clients);
    }

    /** As {@link #run(List, int, int, int)}, the streams named {@code prefix0}, {@code prefix1} … */
    Outcome run(String prefix, List<String> categories, int streamsPerCategory, int versions, int clients)
            throws Exception {
        List<String[]> streams = new ArrayList<>();
        for (String category : categories) {
            for (int s = 0; s < streamsPerCategory; s++) {
                streams.add(new String[] {category, prefix + s});
            }
        }
        int before = written.get();
        int retriedBefore = retried.get();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                List<String[]> mine = new ArrayList<>();
                for (int i = c; i < streams.size(); i += clients) {
                    mine.add(streams.get(i));
                }
                running.add(pool.submit(() -> {
                    for (long version = 1; version <= versions; version++) {
                        for (int i = 0; i < mine.size(); i++) {
                            append(mine.get(i)[0], mine.get(i)[1], version, (int) (i + version));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(
                written.get() - before, Duration.ofNanos(System.nanoTime() - started), retried.get() - retriedBefore);
    }

    private void append(String category, String stream, long version, int turn) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        boolean answerLost = false;
        for (int attempt = 0; ; attempt++) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no server took " + category + "/" + stream + " version " + version
                        + " within " + GIVE_UP.toMinutes() + " min");
            }
            LibertyProcess server = servers.get((turn + attempt) % servers.size());
            URI uri = server.api().resolve("scale-out/streams/" + category + "/" + stream + "/" + version);
            int status;
            try {
                status = http.send(
                                HttpRequest.newBuilder(uri)
                                        .timeout(Duration.ofSeconds(20))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = -1;
            }
            if (status == 204 || (status == 409 && answerLost)) {
                written.incrementAndGet();
                return;
            }
            if (status == 404) {
                // a server that is starting again answers before its application is deployed: nothing written
                retried.incrementAndGet();
                Thread.sleep(50);
                continue;
            }
            if (status >= 400 && status < 500) {
                throw new AssertionError("appending " + category + "/" + stream + " version " + version + " on "
                        + server.name() + " answered " + status + " at the first try");
            }
            // no answer, or a 5xx: written or not, we cannot tell; ask again on the next server
            answerLost = true;
            retried.incrementAndGet();
            Thread.sleep(attempt < 3 ? 50 : 500);
        }
    }
}
