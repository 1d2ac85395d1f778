package io.streamdingo.engine.replay;

import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.StoredSnapshot;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which snapshot a load starts from, and why (SN-2).
 *
 * @param snapshot the snapshot to start from; null for a full replay
 * @param state its state, read back; null for a full replay
 * @param latest whether it is the newest snapshot the stream has
 * @param passedOver why each newer snapshot was not used, newest first
 * @param keys the data subjects' keys that opened a sealed snapshot; empty if it was in clear
 */
record SnapshotChoice<S>(
        @Nullable StoredSnapshot snapshot,
        @Nullable S state,
        boolean latest,
        List<String> passedOver,
        List<DataKey> keys) {

    long version() {
        return snapshot == null ? 0 : snapshot.version();
    }

    Map<String, String> contributors() {
        return snapshot == null ? Map.of() : snapshot.contributors();
    }
}
