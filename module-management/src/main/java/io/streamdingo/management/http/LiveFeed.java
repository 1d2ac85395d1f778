package io.streamdingo.management.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.api.GlobalOrderReader;
import io.streamdingo.api.RecordedEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One client's live feed of a category's events as Server-Sent Events: each event is a message whose
 * {@code id} is its global position (so a client reconnecting with {@code Last-Event-ID} resumes right after
 * it), whose {@code event} is its type, and whose {@code data} is the event as JSON.
 *
 * <p>The store is the buffer: a round sends events only while the client's connection takes them, and the
 * next round goes on from the last one sent. A client whose connection has taken nothing for the slow-client
 * timeout is dropped (it may reconnect with its last id); an idle feed sends a comment line now and then so
 * that proxies keep it open and a gone client is noticed.
 */
final class LiveFeed {

    private static final System.Logger LOG = System.getLogger(LiveFeed.class.getName());

    /** Where the feed writes: the client's connection. */
    interface Sink {
        /** Whether a write now would not block. */
        boolean ready();

        /** Writes one message; fails if the client is gone. */
        void send(String message) throws IOException;
    }

    /** Settings of the feeds of one server. */
    record Settings(int batch, Duration slowClientTimeout, Duration keepAlive) {}

    private final GlobalOrderReader store;
    private final String subscription;
    private final String category;
    private final Set<String> types;
    private final Sink sink;
    private final ObjectMapper json;
    private final Clock clock;
    private final Settings settings;
    private long position;
    private @Nullable Instant blockedSince;
    private Instant lastSent;
    private boolean storeFailing;

    /**
     * A feed of {@code category}'s events after global position {@code after}, of the given types (all when
     * empty).
     */
    LiveFeed(
            GlobalOrderReader store,
            String subscription,
            String category,
            Set<String> types,
            long after,
            Sink sink,
            ObjectMapper json,
            Clock clock,
            Settings settings) {
        this.store = store;
        this.subscription = subscription;
        this.category = category;
        this.types = Set.copyOf(types);
        this.position = after;
        this.sink = sink;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.lastSent = clock.instant();
    }

    /** The global position of the last event sent (or skipped by the type filter). */
    long position() {
        return position;
    }

    /**
     * One round: sends the events that came since the last round, as long as the client takes them.
     *
     * @return false once the feed is over (the client is gone or too slow); the caller then closes it
     */
    boolean poll() {
        Instant now = clock.instant();
        if (!sink.ready()) {
            if (blockedSince == null) {
                blockedSince = now;
            } else if (!blockedSince.plus(settings.slowClientTimeout()).isAfter(now)) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "live feed of subscription {0}: dropped a client that took nothing for {1} at position {2};"
                                + " it may reconnect with Last-Event-ID",
                        subscription,
                        settings.slowClientTimeout(),
                        position);
                return false;
            }
            return true;
        }
        blockedSince = null;
        try {
            int sent = 0;
            try (Stream<RecordedEvent> events = store.readCategory(category, position)) {
                Iterator<RecordedEvent> it = events.iterator();
                while (sent < settings.batch() && it.hasNext() && sink.ready()) {
                    RecordedEvent event = it.next();
                    position = event.globalPosition();
                    if (types.isEmpty() || types.contains(event.eventType())) {
                        sink.send(message(event));
                        sent++;
                    }
                }
            }
            storeFailing = false;
            if (sent > 0) {
                lastSent = now;
            } else if (!lastSent.plus(settings.keepAlive()).isAfter(now) && sink.ready()) {
                sink.send(": keep-alive\n\n");
                lastSent = now;
            }
            return true;
        } catch (io.streamdingo.api.StoreUnavailableException e) {
            if (!storeFailing) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "live feed of subscription {0}: the store is unavailable ({1}); the feed waits for it at"
                                + " position {2}",
                        subscription,
                        e.getMessage(),
                        position);
                storeFailing = true;
            }
            return true;
        } catch (IOException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> "live feed of subscription " + subscription + ": the client left at position " + position);
            return false;
        }
    }

    private String message(RecordedEvent event) throws JsonProcessingException {
        // compact JSON has no line breaks, so the data fits one "data:" line
        String data = json.writeValueAsString(EventView.of(event, true));
        return "id: " + event.globalPosition() + "\nevent: " + event.eventType() + "\ndata: " + data + "\n\n";
    }
}
