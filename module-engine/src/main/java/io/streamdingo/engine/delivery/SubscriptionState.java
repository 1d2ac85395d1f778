package io.streamdingo.engine.delivery;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EngineObserver;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.NackAction;
import io.streamdingo.api.streams.StaleDeliveryException;
import io.streamdingo.api.streams.StartPosition;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One position in one subscription and everything that hangs on it: the events read but not settled, the
 * consumers sharing it, and its dead letters (ST-2 to ST-5). A broadcast subscription has one per consumer;
 * the other modes one per subscription. Its bookkeeping is guarded by its monitor (the state is small and
 * every change must see the whole of it); reading the source and saving the position, which may go to a
 * database, happen outside it: one reader at a time reads a window and merges it, and the latest position
 * computed is saved by whoever settles next, so a slow database never holds other consumers' acknowledgements.
 *
 * <p>Rules: events are read from the subscription's source (the store's global order for the stream's
 * category, or an ephemeral queue), filtered to the subscription's types, at most {@value #WINDOW} at a time. An event is not delivered while an earlier event
 * of the same stream is unsettled, so each stream's events are processed in order by one consumer at a time.
 * The position is the global position before the first unsettled event and is saved when it moves.
 */
final class SubscriptionState {

    private static final System.Logger LOG = System.getLogger(SubscriptionState.class.getName());
    static final int WINDOW = 1_000;

    private final SubscriptionDefinition definition;
    private final EngineObserver observer;
    private final StreamDefinition stream;
    private final String consumerKey;
    /** The offset row it keeps: its consumer key, or for a queue shared by processes this process's own row. */
    private final String positionKey;

    private final EventSource source;
    private final OffsetStore offsets;
    private final Clock clock;

    private final List<PendingEvent> pending = new ArrayList<>();
    private final List<PendingEvent> replays = new ArrayList<>();
    private final StreamTakeOver takeOver;

    private final DeadLetterBox letters;
    /** Dead letters made under the monitor, kept in the store outside it (before the position moves on). */
    private final List<io.streamdingo.api.spi.StoredDeadLetter> lettersToKeep = new ArrayList<>();
    /** Replayed dead letters whose new delivery was settled: deleted from the store outside the monitor. */
    private final List<java.util.UUID> lettersToForget = new ArrayList<>();
    /** Connected consumers in the order they joined, with when each last polled. */
    private final Map<String, Instant> members = new LinkedHashMap<>();

    private final Assignment assignment;

    private final Wakeup wakeup = new Wakeup();
    private final java.util.concurrent.locks.ReentrantLock reading = new java.util.concurrent.locks.ReentrantLock();
    private final PositionSaver positions;
    /** The wake-up version and time of the last read: an idle subscription reads at most every IDLE_READS. */
    private volatile long lastReadVersion = -1;

    private volatile long lastReadNanos;
    /** How often an idle subscription reads its source when nothing in this JVM woke it. */
    static final java.time.Duration IDLE_READS = java.time.Duration.ofMillis(100);

    private long readUpTo;

    /**
     * A position kept under {@code positionKey}. When that row does not exist yet and others of the
     * subscription do (other processes of a consumer group), it starts at the lowest of them: no process may
     * start past an event another has not settled.
     */
    SubscriptionState(
            SubscriptionDefinition definition,
            StreamDefinition stream,
            String consumerKey,
            String positionKey,
            EventSource source,
            OffsetStore offsets,
            DeadLetterBox letters,
            Clock clock,
            EngineObserver observer) {
        this.letters = letters;
        this.observer = observer;
        this.assignment = Assignment.of(definition.mode());
        this.positions = new PositionSaver(offsets, definition.name(), positionKey);
        this.takeOver = new StreamTakeOver(source, offsets, definition);
        this.definition = definition;
        this.stream = stream;
        this.consumerKey = consumerKey;
        this.positionKey = positionKey;
        this.source = source;
        this.offsets = offsets;
        this.clock = clock;
        OptionalLong stored = offsets.load(definition.name(), positionKey);
        if (stored.isEmpty() && !positionKey.equals(consumerKey)) {
            stored = offsets.all(definition.name()).values().stream()
                    .mapToLong(Long::longValue)
                    .min();
        }
        readUpTo = stored.isPresent() ? stored.getAsLong() : startPosition(definition.start());
        synchronized (this) {
            savePosition();
        }
        flushPosition();
    }

    private long startPosition(StartPosition start) {
        if (start instanceof StartPosition.AfterPosition after) {
            return after.position();
        }
        if (start instanceof StartPosition.AtTime at) {
            return source.positionBefore(at.time());
        }
        return source.head();
    }

    synchronized void join(String consumerId) {
        Instant now = clock.instant();
        expireMembers(now, null);
        if (members.containsKey(consumerId)) {
            throw new IllegalStateException("consumer " + consumerId + " is already connected to subscription "
                    + definition.name() + "; close it first or use another consumer id");
        }
        members.put(consumerId, now);
    }

    /** Whether a consumer is connected to this position. */
    synchronized boolean hasMembers() {
        return !members.isEmpty();
    }

    void leave(String consumerId) {
        synchronized (this) {
            if (members.remove(consumerId) != null) {
                releaseHeldBy(consumerId, clock.instant());
            }
        }
        wakeup.fire();
    }

    /** Fires when something a waiting consumer may want happened here. */
    Wakeup wakeup() {
        return wakeup;
    }

    /**
     * The next delivery for {@code consumerId}, or empty if none is due for it now. Reads more of the source
     * when the window has nothing for it, unless another consumer is reading already (it wakes the others).
     */
    Optional<InMemoryDelivery> next(String consumerId) {
        Optional<InMemoryDelivery> chosen = nextInWindow(consumerId);
        if (chosen.isEmpty() && mayRead() && reading.tryLock()) {
            try {
                lastReadVersion = wakeup.version(); // a wake-up during the read makes the next look read again
                lastReadNanos = System.nanoTime();
                boolean moved = false;
                while (chosen.isEmpty() && readMore()) {
                    moved = true;
                    chosen = nextInWindow(consumerId);
                }
                if (moved) {
                    wakeup.fire();
                }
            } finally {
                reading.unlock();
            }
        }
        flushLetters();
        flushPosition();
        return chosen;
    }

    /** Whether something woke the subscription since its last read, or it has not read for {@link #IDLE_READS}. */
    private boolean mayRead() {
        return wakeup.version() != lastReadVersion || System.nanoTime() - lastReadNanos >= IDLE_READS.toNanos();
    }

    private synchronized Optional<InMemoryDelivery> nextInWindow(String consumerId) {
        Instant now = clock.instant();
        members.put(consumerId, now); // polling keeps a consumer alive, and brings a timed-out one back
        expireMembers(now, consumerId);
        expireDeadlines(now);
        absorbLate(now);
        PendingEvent chosen = choose(consumerId, now);
        return chosen == null ? Optional.empty() : Optional.of(deliver(chosen, consumerId, now));
    }

    /** Another member's events that the source hands this process late: delivered before what it reads next. */
    private void absorbLate(Instant now) {
        addLate(source.late(readUpTo, definition.receiveAs()), now);
    }

    private void addLate(List<RecordedEvent> late, Instant now) {
        if (late.isEmpty()) {
            return;
        }
        Set<java.util.UUID> queued = new HashSet<>();
        replays.forEach(event -> queued.add(event.event.eventId()));
        for (RecordedEvent event : late) {
            takeOver.received(event);
            if (queued.contains(event.eventId())) {
                continue; // taken over from the store already: settling that copy acknowledges this one
            }
            if (definition.accepts(event.eventType()) && !(event.payload() instanceof Undecodable)) {
                replays.add(new PendingEvent(event, now, true));
                queued.add(event.eventId());
            } else {
                source.settledLate(event);
            }
        }
        replays.sort(java.util.Comparator.comparingLong(PendingEvent::position));
        savePosition(); // held below the late events until they are settled
    }

    private @Nullable PendingEvent choose(String consumerId, Instant now) {
        Set<StreamId> blocked = new HashSet<>();
        Map<StreamId, Long> firstPending = replays.isEmpty() ? Map.of() : firstPendingPositions();
        for (PendingEvent event : replays) {
            if (blocked.contains(event.event.streamId())) {
                continue;
            }
            Long earlier = firstPending.get(event.event.streamId());
            if (earlier != null && earlier < event.position()) {
                // arrived late while the stream's earlier events, read before it, still wait: those go first
                continue;
            }
            if (isDue(event, now) && assignment.mayTake(consumerId, event.event.streamId(), members.keySet())) {
                return event;
            }
            blocked.add(event.event.streamId()); // a stream's later events wait for its redelivered one
        }
        for (PendingEvent event : pending) {
            StreamId eventStream = event.event.streamId();
            if (blocked.contains(eventStream) || event.awaitingRead()) {
                continue; // delivered and waiting to be read: the stream's next event may follow
            }
            if (takeOver.held(eventStream)) {
                blocked.add(eventStream); // just taken over: what its previous holder held comes first
                continue;
            }
            if (isDue(event, now) && assignment.mayTake(consumerId, event.event.streamId(), members.keySet())) {
                return event;
            }
            blocked.add(eventStream); // its later events wait until this one is settled
        }
        return null;
    }

    /** Each stream's first event in the window that is not settled (nor only waiting to be read). */
    private Map<StreamId, Long> firstPendingPositions() {
        Map<StreamId, Long> first = new java.util.HashMap<>();
        for (PendingEvent event : pending) {
            if (!event.awaitingRead()) {
                first.putIfAbsent(event.event.streamId(), event.position());
            }
        }
        return first;
    }

    private static boolean isDue(PendingEvent event, Instant now) {
        return !event.inFlight() && !event.awaitingRead() && !event.notBefore.isAfter(now);
    }

    private InMemoryDelivery deliver(PendingEvent event, String consumerId, Instant now) {
        event.attempts++;
        event.deliveredAt = now;
        observer.delivered(definition.name());
        if (stream.semantics() == DeliverySemantics.AT_MOST_ONCE) {
            remove(event);
            return new InMemoryDelivery(this, event, event.attempts, consumerId, true);
        }
        event.holder = consumerId;
        event.deadline = now.plus(definition.visibilityTimeout());
        return new InMemoryDelivery(this, event, event.attempts, consumerId, false);
    }

    /**
     * Reads the next events of the source into the window; false if there was nothing to read. Called by one
     * thread at a time ({@code reading}), without the monitor: the source may be a database.
     */
    private boolean readMore() {
        long from;
        int room;
        synchronized (this) {
            from = readUpTo;
            room = WINDOW - pending.size();
        }
        if (room <= 0) {
            return false;
        }
        long head = source.head();
        if (from >= head) {
            return false;
        }
        List<RecordedEvent> read = new ArrayList<>();
        long lastRead = from;
        boolean exhausted = true;
        try (Stream<RecordedEvent> events = source.after(from, definition.receiveAs())) {
            Iterator<RecordedEvent> it = events.iterator();
            while (it.hasNext()) {
                RecordedEvent event = it.next();
                if (room <= 0 && event.globalPosition() != lastRead) {
                    exhausted = false;
                    break; // never split the parts of one stored event across two reads
                }
                lastRead = event.globalPosition();
                read.add(event);
                if (!(event.payload() instanceof Undecodable) && definition.accepts(event.eventType())) {
                    room--;
                }
            }
        }
        // A read that ran out saw everything up to the head it started at, other categories' events included.
        long covered = exhausted ? Math.max(lastRead, head) : lastRead;
        List<RecordedEvent> takenOver = takeOver.gapsBefore(read);
        synchronized (this) {
            if (readUpTo != from) {
                return true; // reset while reading: read again from the new position
            }
            Instant now = clock.instant();
            addLate(takenOver, now);
            for (RecordedEvent event : read) {
                if (event.payload() instanceof Undecodable undecodable) {
                    observer.deadLettered(definition.name());
                    lettersToKeep.add(letters.letter(event, 0, undecodable.reason(), now));
                    LOG.log(
                            Level.WARNING,
                            "event {0} of {1} cannot be read by subscription {2} and is a dead letter: {3}",
                            event.eventId(),
                            event.streamId(),
                            definition.name(),
                            undecodable.reason());
                } else if (definition.accepts(event.eventType())) {
                    pending.add(new PendingEvent(event, now));
                }
            }
            readUpTo = covered;
            savePosition();
            return covered > from;
        }
    }

    /** Settles a delivery as processed (read receipts: as delivered, now waiting to be read). */
    void ack(InMemoryDelivery delivery) {
        synchronized (this) {
            settleAck(delivery);
        }
        settled();
    }

    /**
     * After a settlement: wakes waiting consumers (a stream's next event may be due) and saves the position.
     *
     * @throws io.streamdingo.api.StoreUnavailableException if the position cannot be saved now; the next
     *     settlement saves it
     */
    private void settled() {
        wakeup.fire();
        flushLetters();
        flushPosition();
    }

    /** Keeps new dead letters and forgets settled replays, outside the monitor, before the position is saved. */
    private void flushLetters() {
        List<io.streamdingo.api.spi.StoredDeadLetter> keep;
        List<java.util.UUID> forget;
        synchronized (this) {
            if (lettersToKeep.isEmpty() && lettersToForget.isEmpty()) {
                return;
            }
            keep = List.copyOf(lettersToKeep);
            forget = List.copyOf(lettersToForget);
        }
        letters.keep(keep);
        letters.forget(forget);
        synchronized (this) {
            lettersToKeep.removeAll(keep);
            lettersToForget.removeAll(forget);
        }
    }

    private void settleAck(InMemoryDelivery delivery) {
        PendingEvent event = requireHeld(delivery);
        if (event.deliveredAt != null) {
            observer.acknowledged(definition.name(), java.time.Duration.between(event.deliveredAt, clock.instant()));
        }
        if (definition.mode() == SubscriptionMode.READ_RECEIPT) {
            event.holder = null;
            event.deadline = null;
            event.reader = delivery.consumerId();
            event.unreadUntil = clock.instant().plus(definition.unreadTimeout());
        } else {
            remove(event);
        }
    }

    /** Read receipts: the delivered event was read. */
    void markRead(InMemoryDelivery delivery) {
        synchronized (this) {
            settleRead(delivery);
        }
        settled();
    }

    private void settleRead(InMemoryDelivery delivery) {
        if (definition.mode() != SubscriptionMode.READ_RECEIPT) {
            throw new IllegalStateException("subscription " + definition.name() + " is " + definition.mode()
                    + ", not READ_RECEIPT: acknowledge deliveries, there is nothing to mark read");
        }
        PendingEvent event = delivery.pending();
        boolean awaiting = (pending.contains(event) || replays.contains(event))
                && event.awaitingRead()
                && delivery.consumerId().equals(event.reader)
                && event.attempts == delivery.attempt();
        if (!awaiting) {
            throw new IllegalStateException("event " + delivery.event().eventId() + " of subscription "
                    + definition.name() + " cannot be marked read by this delivery: acknowledge it first; it may"
                    + " also have been marked read already or have passed its unread timeout");
        }
        remove(event);
    }

    synchronized long unreadCount() {
        return pendingAndReplays().stream().filter(PendingEvent::awaitingRead).count();
    }

    /** Settles a delivery as not processed. */
    void nack(InMemoryDelivery delivery, NackAction action) {
        synchronized (this) {
            settleNack(delivery, action);
        }
        settled();
    }

    private void settleNack(InMemoryDelivery delivery, NackAction action) {
        PendingEvent event = requireHeld(delivery);
        Instant now = clock.instant();
        if (action == NackAction.DEAD_LETTER) {
            deadLetter(event, "nacked to dead letter by " + delivery.consumerId(), now);
        } else if (event.attempts >= definition.retry().maxAttempts()) {
            deadLetter(event, "nacked on the last of " + event.attempts + " attempts", now);
        } else {
            observer.nacked(definition.name());
            event.release(now.plus(definition.retry().backoffBefore(event.attempts + 1)));
        }
    }

    /** At most once: the event was settled when delivered; a dead-letter nack still records it. */
    void nackSettled(InMemoryDelivery delivery, NackAction action) {
        if (action == NackAction.DEAD_LETTER) {
            synchronized (this) {
                observer.deadLettered(definition.name());
                lettersToKeep.add(letters.letter(
                        delivery.event(),
                        delivery.attempt(),
                        "nacked to dead letter by " + delivery.consumerId() + " (at most once: not redelivered)",
                        clock.instant()));
            }
            settled();
        }
    }

    private PendingEvent requireHeld(InMemoryDelivery delivery) {
        PendingEvent event = delivery.pending();
        boolean held = (pending.contains(event) || replays.contains(event))
                && delivery.consumerId().equals(event.holder)
                && event.attempts == delivery.attempt();
        if (!held) {
            throw new StaleDeliveryException("delivery of event "
                    + delivery.event().eventId() + " (attempt "
                    + delivery.attempt() + ") to " + delivery.consumerId() + " in subscription " + definition.name()
                    + " can no longer be settled: its visibility timeout passed or its consumer left, and it was"
                    + " given to another attempt");
        }
        return event;
    }

    private void expireDeadlines(Instant now) {
        // Every poll comes here: copy the window (expiry removes from it) only when something is due.
        if (replays.stream().noneMatch(e -> isOverdue(e, now))
                && pending.stream().noneMatch(e -> isOverdue(e, now))) {
            return;
        }
        for (PendingEvent event : pendingAndReplays()) {
            if (event.awaitingRead() && event.unreadUntil != null && event.unreadUntil.isBefore(now)) {
                expireUnread(event, now);
                continue;
            }
            if (event.inFlight() && event.deadline != null && event.deadline.isBefore(now)) {
                if (event.attempts >= definition.retry().maxAttempts()) {
                    deadLetter(
                            event,
                            "not acknowledged within the visibility timeout, " + event.attempts + " attempts",
                            now);
                } else {
                    observer.nacked(definition.name());
                    event.release(now);
                }
            }
        }
    }

    private static boolean isOverdue(PendingEvent event, Instant now) {
        Instant due = event.awaitingRead() ? event.unreadUntil : event.inFlight() ? event.deadline : null;
        return due != null && due.isBefore(now);
    }

    /** Read receipts: what the subscription says happens to an event left unread too long. */
    private void expireUnread(PendingEvent event, Instant now) {
        NackAction action = definition.unreadAction();
        if (action == null) {
            remove(event);
            LOG.log(
                    Level.INFO,
                    "event {0} of subscription {1} was dropped unread",
                    event.event.eventId(),
                    definition.name());
        } else if (action == NackAction.DEAD_LETTER
                || event.attempts >= definition.retry().maxAttempts()) {
            deadLetter(event, "not read within the unread timeout of " + definition.unreadTimeout(), now);
        } else {
            event.release(now);
        }
    }

    /** Members that stopped polling for longer than the visibility timeout are dead: others take over. */
    private void expireMembers(Instant now, @Nullable String except) {
        Instant cutoff = now.minus(definition.visibilityTimeout());
        for (Iterator<Map.Entry<String, Instant>> it = members.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> member = it.next();
            if (!member.getKey().equals(except) && member.getValue().isBefore(cutoff)) {
                it.remove();
                releaseHeldBy(member.getKey(), now);
                LOG.log(
                        Level.INFO,
                        "consumer {0} of subscription {1} stopped polling; its deliveries go to others",
                        member.getKey(),
                        definition.name());
            }
        }
    }

    private void releaseHeldBy(String consumerId, Instant now) {
        for (PendingEvent event : pendingAndReplays()) {
            if (consumerId.equals(event.holder)) {
                event.release(now);
            }
        }
    }

    private List<PendingEvent> pendingAndReplays() {
        List<PendingEvent> all = new ArrayList<>(pending.size() + replays.size());
        all.addAll(replays);
        all.addAll(pending);
        return all;
    }

    private void deadLetter(PendingEvent event, String reason, Instant now) {
        observer.deadLettered(definition.name());
        remove(event);
        lettersToKeep.add(letters.letter(event.event, event.attempts, reason, now));
        LOG.log(
                Level.WARNING,
                "event {0} of {1} (correlation {2}) is a dead letter of subscription {3}: {4}",
                event.event.eventId(),
                event.event.streamId(),
                event.event.metadata().correlationId(),
                definition.name(),
                reason);
    }

    private void remove(PendingEvent event) {
        if (replays.remove(event)) {
            if (event.letterId != null) {
                lettersToForget.add(event.letterId);
            }
            if (event.late) {
                source.settledLate(event.event);
                savePosition();
            }
        } else {
            pending.remove(event);
            savePosition();
        }
    }

    /**
     * The position before the first unsettled event read (or redelivered late), or the last position read.
     */
    synchronized long position() {
        return currentPosition();
    }

    private long currentPosition() {
        long position = pending.isEmpty() ? readUpTo : pending.get(0).position() - 1;
        for (PendingEvent replay : replays) {
            if (replay.late) {
                position = Math.min(position, replay.position() - 1);
            }
        }
        return position;
    }

    /** Under the monitor: notes the position to save, and tells the source what is settled. */
    private void savePosition() {
        long position = currentPosition();
        if (positions.note(position)) {
            source.settledUpTo(position);
        }
    }

    /** Saves the latest position noted, outside the monitor. */
    private void flushPosition() {
        positions.flush();
    }

    void resetTo(long position) {
        synchronized (this) {
            pending.clear();
            replays.removeIf(event -> event.late);
            readUpTo = position;
            savePosition();
        }
        settled();
    }

    /**
     * Requeues this position's dead letters (or the one with {@code onlyId}); those that cannot be read stay
     * (nothing could consume them). Each leaves the store when its new delivery is settled.
     *
     * @return how many were requeued
     */
    int replayDeadLetters(java.util.@Nullable UUID onlyId) {
        List<DeadLetterBox.Letter> mine = letters.mine(); // outside the monitor: the store may be a database
        int count = 0;
        synchronized (this) {
            Instant now = clock.instant();
            Set<java.util.UUID> queued = new HashSet<>();
            replays.forEach(event -> queued.add(event.letterId));
            for (DeadLetterBox.Letter letter : mine) {
                java.util.UUID id = letter.stored().id();
                if (letter.readable() && !queued.contains(id) && (onlyId == null || onlyId.equals(id))) {
                    replays.add(new PendingEvent(letter.event(), now, false, id));
                    count++;
                }
            }
        }
        wakeup.fire();
        return count;
    }

    /** The offset row it keeps. */
    String positionKey() {
        return positionKey;
    }

    /** The highest position its source can deliver now. */
    long head() {
        return source.head();
    }

    /** The position just before the first event of its source recorded at or after {@code time}. */
    long positionBefore(Instant time) {
        return source.positionBefore(time);
    }

    EventSource source() {
        return source;
    }

    String subscriptionName() {
        return definition.name();
    }
}
