package io.streamdingo.store.jpa.operator;

import io.streamdingo.api.StreamId;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot row with the version its stream stands at.
 *
 * @param streamId the stream it was built from
 * @param stateType the state type it holds
 * @param version the stream version it was taken at
 * @param state its serialized state, as stored
 * @param stateHash the state hash stored with it
 * @param streamVersion the stream's current version, or null if the stream has no head row
 */
public record StoredSnapshotRow(
        StreamId streamId,
        String stateType,
        long version,
        byte[] state,
        String stateHash,
        @Nullable Long streamVersion) {}
