package io.streamdingo.api.spi;

import java.util.Optional;

/**
 * Offers a snapshot store beside a store module's own backend, so that plain Java keeps snapshots in the
 * events' database without code naming the module: a replay engine built without a snapshot store asks every
 * provider ({@link java.util.ServiceLoader}) for one beside its store's backend, and keeps snapshots in memory
 * when none offers one.
 */
public interface SnapshotStoreProvider {

    /** A snapshot store in the same storage as {@code backend}, if {@code backend} is this module's; else empty. */
    Optional<SnapshotStore> snapshotStoreBeside(EventStoreBackend backend);
}
