package io.streamdingo.engine.delivery;

import io.streamdingo.api.RecordedEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event a subscription has read but not settled: waiting to be delivered (from {@code notBefore} on) or
 * in flight with {@code holder} until {@code deadline}. Guarded by its subscription state's lock.
 */
final class PendingEvent {

    final RecordedEvent event;
    /** Handed over late by its source (another member's, after it died): it holds the position until settled. */
    final boolean late;
    /** A replayed dead letter: the letter to delete once this delivery is settled. */
    final java.util.@Nullable UUID letterId;

    int attempts;
    Instant notBefore;

    @Nullable
    String holder;

    @Nullable
    Instant deadline;

    /** When it was last handed to a consumer: its processing time ends with the acknowledgement. */
    @Nullable
    Instant deliveredAt;

    /** Read receipts: acknowledged by {@code reader} as delivered, waiting to be marked read until then. */
    @Nullable
    Instant unreadUntil;

    @Nullable
    String reader;

    PendingEvent(RecordedEvent event, Instant notBefore) {
        this(event, notBefore, false);
    }

    PendingEvent(RecordedEvent event, Instant notBefore, boolean late) {
        this(event, notBefore, late, null);
    }

    PendingEvent(RecordedEvent event, Instant notBefore, boolean late, java.util.@Nullable UUID letterId) {
        this.event = event;
        this.notBefore = notBefore;
        this.late = late;
        this.letterId = letterId;
    }

    long position() {
        return event.globalPosition();
    }

    boolean inFlight() {
        return holder != null;
    }

    boolean awaitingRead() {
        return unreadUntil != null;
    }

    void release(Instant readyAt) {
        holder = null;
        deadline = null;
        unreadUntil = null;
        reader = null;
        notBefore = readyAt;
    }
}
