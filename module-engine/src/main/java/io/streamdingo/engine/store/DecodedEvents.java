package io.streamdingo.engine.store;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.StoredEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Implemented by a backend that keeps its events in this JVM, to keep beside them what the store decoded
 * from them, so that later reads skip deserializing. The store offers only events it may share among
 * readers: one event decoded from one stored event, whose payload is a deeply immutable value (see
 * {@link ImmutableTypes}), decoded from the stored bytes exactly as a read from a database would decode it.
 * Implementations may forget any of them at any time.
 */
public interface DecodedEvents {

    /** What {@code stored} decoded to earlier, or null if that was not kept. */
    @Nullable
    RecordedEvent recall(StoredEvent stored);

    /** Keeps {@code decoded}, the single event {@code stored} decodes to, if the backend wants to. */
    default void remember(StoredEvent stored, RecordedEvent decoded) {
        remember(stored, decoded, List.of());
    }

    /**
     * Keeps {@code decoded} with the data subjects' keys that decrypted its personal data: the store checks they
     * still exist before it hands the kept event out again, and decodes it afresh (redacted) once one is gone.
     */
    void remember(StoredEvent stored, RecordedEvent decoded, List<DataKey> keys);

    /** The keys {@link #remember} was given with the event kept for {@code stored}; empty if none or not kept. */
    List<DataKey> keysOf(StoredEvent stored);

    /** Forgets what was kept for {@code stored}, if anything. */
    void forget(StoredEvent stored);
}
