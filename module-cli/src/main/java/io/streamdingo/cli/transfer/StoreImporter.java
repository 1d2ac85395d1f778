package io.streamdingo.cli.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.streamdingo.api.AppendResult;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.WriteGuard;
import io.streamdingo.cli.verify.Finding;
import io.streamdingo.hashing.CanonicalJson;
import io.streamdingo.hashing.ChainVerifier;
import io.streamdingo.hashing.EventHashChain;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Imports an export file into a store in two passes over the file: the first checks everything and writes
 * nothing, the second appends through the store's own backend, so that versions, event ids and hash links are
 * enforced by the target as for any append.
 *
 * <p>The check refuses a file with a line that is not an export line, an event outside its stream's block, a
 * version gap or a broken hash chain, a stream whose head does not match its events, a truncated stream (its
 * chain starts from an event that is gone), an event id seen twice, or a stream the target already holds: an
 * import never overwrites. Written events keep their ids, versions, metadata, payloads and hashes; the target
 * assigns its own global positions, stream by stream in file order. A soft delete is repeated at the same
 * version.
 */
public final class StoreImporter {

    /** Events per append: one transaction each. */
    private static final int BATCH = 1_000;

    private static final int PROGRESS_STEP = 1_000;

    private final EventStoreBackend target;
    private final EventHashChain chain = new EventHashChain();

    /** An importer into {@code target}. */
    public StoreImporter(EventStoreBackend target) {
        this.target = target;
    }

    /** Opens the file from its start, once per pass. */
    @FunctionalInterface
    public interface Source {
        BufferedReader open() throws IOException;
    }

    /** The first pass: checks the whole file against itself and the target; writes nothing. */
    public ImportCheck check(Source source) throws IOException {
        Check check = new Check();
        try (BufferedReader reader = source.open()) {
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    check.line(number, text);
                }
            }
        }
        check.endStream();
        return new ImportCheck(check.streams, check.events, check.problems, check.more);
    }

    /**
     * The second pass: appends every stream of a file that {@link #check} accepted.
     *
     * @param progress told how many more events were written
     * @return how many events were written
     */
    public long write(Source source, LongConsumer progress) throws IOException {
        long total = 0;
        long unreported = 0;
        try (BufferedReader reader = source.open()) {
            Writing stream = null;
            String text;
            while ((text = reader.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                ExportLine line = ExportFormat.READER.readValue(text);
                long written = 0;
                if (line.stream() != null) {
                    if (stream != null) {
                        written = stream.flush();
                    }
                    stream = new Writing(line.stream());
                } else if (stream != null && line.event() != null) {
                    written = stream.add(line.event());
                }
                total += written;
                unreported += written;
                if (unreported >= PROGRESS_STEP) {
                    progress.accept(unreported);
                    unreported = 0;
                }
            }
            if (stream != null) {
                long written = stream.flush();
                total += written;
                unreported += written;
            }
        }
        progress.accept(unreported);
        return total;
    }

    /** One stream being written: its events buffered up to a batch, a soft delete at its version. */
    private final class Writing {
        private final StreamId streamId;
        private final long softDeletedBelow;
        private final List<EventToStore> batch = new ArrayList<>(BATCH);
        private ExpectedVersion expected = ExpectedVersion.noStream();
        private String previousHash = EventChain.GENESIS;

        Writing(StreamLine line) {
            this.streamId = StreamId.of(line.category(), line.id());
            this.softDeletedBelow = line.firstVisibleVersion();
        }

        /** Buffers {@code event}; returns how many events went to the store now. */
        long add(EventLine event) {
            batch.add(toStore(event));
            previousHash = event.hash();
            long written = 0;
            if (event.version() == softDeletedBelow - 1) {
                written = flush();
                target.softDelete(streamId, ExpectedVersion.exact(event.version()), WriteGuard.unlocked(Instant.now()));
            } else if (batch.size() == BATCH) {
                written = flush();
            }
            return written;
        }

        long flush() {
            if (batch.isEmpty()) {
                return 0;
            }
            AppendResult result =
                    target.append(streamId, expected, List.copyOf(batch), WriteGuard.unlocked(Instant.now()), chain);
            expected = ExpectedVersion.exact(result.currentVersion());
            int written = batch.size();
            batch.clear();
            return written;
        }

        /**
         * The event to append. Its payload as exported if that links as recorded, else in canonical form: a
         * store that reformatted its JSON (jsonb) exports text whose canonical form was hashed.
         */
        private EventToStore toStore(EventLine line) {
            StoredEvent stored = line.toStored();
            EventToStore event = new EventToStore(
                    stored.eventId(),
                    stored.eventType(),
                    stored.schemaVersion(),
                    stored.recordedAt(),
                    stored.metadata(),
                    stored.payload());
            if (chain.link(previousHash, streamId, line.version(), event).equals(line.hash())) {
                return event;
            }
            return new EventToStore(
                    event.eventId(),
                    event.eventType(),
                    event.schemaVersion(),
                    event.recordedAt(),
                    event.metadata(),
                    CanonicalJson.canonicalize(event.payload()));
        }
    }

    /** The first pass's state: the stream being read and what was seen before it. */
    private final class Check {
        private final ChainVerifier verifier = new ChainVerifier();
        private final List<Finding> problems = new ArrayList<>();
        private final Set<StreamId> streamsSeen = new HashSet<>();
        private final Set<UUID> eventIds = new HashSet<>();
        private long more;
        private long streams;
        private long events;
        private @Nullable StreamLine stream;
        private @Nullable StreamId streamId;
        private ChainVerifier.@Nullable Walk walk;
        private long lastVersion;
        private long streamLineNumber;

        void line(long number, String text) {
            ExportLine line;
            try {
                line = ExportFormat.READER.readValue(text);
            } catch (JsonProcessingException e) {
                // a record's own check (a field it lacks) says it better than Jackson's wrapper
                String reason = e.getCause() instanceof IllegalArgumentException lacking
                        ? lacking.getMessage()
                        : e.getOriginalMessage();
                problem(Finding.FILE, 0, "line " + number + " is not an export line: " + reason);
                return;
            } catch (IOException | IllegalArgumentException e) {
                problem(Finding.FILE, 0, "line " + number + " is not an export line: " + e.getMessage());
                return;
            }
            if ((line.stream() == null) == (line.event() == null)) {
                problem(Finding.FILE, 0, "line " + number + " must hold either a stream or an event");
            } else if (line.stream() != null) {
                startStream(number, line.stream());
            } else {
                event(number, line.event());
            }
        }

        private void startStream(long number, StreamLine line) {
            endStream();
            StreamId id;
            try {
                id = StreamId.of(line.category(), line.id());
            } catch (IllegalArgumentException e) {
                problem(Finding.FILE, 0, "line " + number + ": " + e.getMessage());
                return;
            }
            stream = line;
            streamId = id;
            streamLineNumber = number;
            streams++;
            lastVersion = 0;
            walk = verifier.walk(id, Optional.empty());
            if (!streamsSeen.add(id)) {
                problem(id.toString(), 0, "line " + number + ": the stream appears twice in the file");
            }
            if (line.truncationAnchor() != null) {
                problem(
                        id.toString(),
                        0,
                        "line " + number + ": the stream was truncated in the source store; an"
                                + " import cannot recreate it (its chain starts from an event that is gone)");
                walk = null;
            }
            if (target.streamInfo(id).isPresent()) {
                problem(
                        id.toString(),
                        0,
                        "line " + number + ": the target store already holds this stream; an"
                                + " import never overwrites one (import into an empty store, or leave the stream out)");
            }
        }

        private void event(long number, EventLine line) {
            events++;
            StoredEvent event;
            try {
                event = line.toStored();
            } catch (IllegalArgumentException e) {
                problem(Finding.FILE, 0, "line " + number + ": " + e.getMessage());
                return;
            }
            if (!event.streamId().equals(streamId)) {
                problem(
                        event.streamId().toString(),
                        line.version(),
                        "line " + number
                                + ": the event is not inside its stream's block (a stream line must come before its events)");
                return;
            }
            if (!eventIds.add(line.eventId())) {
                problem(
                        event.streamId().toString(),
                        line.version(),
                        "line " + number + ": event id " + line.eventId() + " appears twice in the file");
            }
            if (walk != null) {
                StreamVerification.Broken broken = walk.next(event);
                if (broken != null) {
                    problem(event.streamId().toString(), broken.version(), "line " + number + ": " + broken.problem());
                    walk = null;
                }
            }
            lastVersion = line.version();
        }

        void endStream() {
            StreamLine line = stream;
            StreamId id = streamId;
            if (line == null || id == null) {
                return;
            }
            Long current = line.currentVersion();
            if (current == null) {
                problem(
                        id.toString(),
                        0,
                        "line " + streamLineNumber + ": the source store had no head row for"
                                + " this stream; verify the source first");
            } else if (current != lastVersion && line.truncationAnchor() == null) {
                problem(
                        id.toString(),
                        current,
                        "the stream line says version " + current + " but the file holds its events up to version "
                                + lastVersion);
            } else if (line.firstVisibleVersion() < 1 || line.firstVisibleVersion() > current + 1) {
                problem(
                        id.toString(),
                        0,
                        "line " + streamLineNumber + ": first visible version " + line.firstVisibleVersion()
                                + " is outside 1.." + (current + 1));
            }
            stream = null;
            streamId = null;
        }

        private void problem(String where, long version, String what) {
            if (problems.size() < ImportCheck.LISTED) {
                problems.add(new Finding(where, version, what));
            } else {
                more++;
            }
        }
    }
}
