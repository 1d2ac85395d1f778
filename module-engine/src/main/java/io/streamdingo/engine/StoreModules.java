package io.streamdingo.engine;

import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.DeliveryTransportProvider;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventStoreBackendProvider;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.SnapshotStoreProvider;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.api.spi.SubjectKeyStoreProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the deployed store and delivery modules provide through {@link ServiceLoader}, for code outside a
 * container: the backend, snapshot store, transport or publisher their configuration opens. Two configured
 * modules of one kind are an error: which one was meant cannot be guessed.
 */
final class StoreModules {

    private static final System.Logger LOG = System.getLogger(StoreModules.class.getName());

    private StoreModules() {}

    /** The backend a store module's configuration opens, else a new in-memory backend. */
    static EventStoreBackend backend(Function<String, Optional<String>> settings) {
        List<EventStoreBackendProvider> providers = load(EventStoreBackendProvider.class);
        return only(providers, EventStoreBackendProvider::name, (provider, s) -> provider.open(s), settings, "store")
                .orElseGet(() -> {
                    if (!providers.isEmpty()) {
                        LOG.log(
                                Level.INFO,
                                "store module(s) {0} deployed but not configured: using the in-memory event store",
                                providers.stream()
                                        .map(EventStoreBackendProvider::name)
                                        .toList());
                    }
                    return EventStores.inMemoryBackend();
                });
    }

    /** The snapshot store a store module keeps beside {@code backend}, else a new in-memory one. */
    static SnapshotStore snapshotStoreBeside(EventStoreBackend backend) {
        for (SnapshotStoreProvider provider : load(SnapshotStoreProvider.class)) {
            Optional<SnapshotStore> beside = provider.snapshotStoreBeside(backend);
            if (beside.isPresent()) {
                return beside.get();
            }
        }
        return EventStores.inMemorySnapshotStore();
    }

    /** The key store a store module keeps beside {@code backend}, if one does. */
    static Optional<SubjectKeyStore> subjectKeysBeside(
            EventStoreBackend backend, Function<String, Optional<String>> settings) {
        for (SubjectKeyStoreProvider provider : load(SubjectKeyStoreProvider.class)) {
            Optional<SubjectKeyStore> beside = provider.subjectKeysBeside(backend, settings);
            if (beside.isPresent()) {
                return beside;
            }
        }
        return Optional.empty();
    }

    /** The transport a delivery module's configuration opens, if one does. */
    static Optional<DeliveryTransport> transport(Function<String, Optional<String>> settings) {
        return only(
                load(DeliveryTransportProvider.class),
                DeliveryTransportProvider::name,
                DeliveryTransportProvider::transport,
                settings,
                "delivery");
    }

    /** The publisher a delivery module's configuration opens, if one does. */
    static Optional<EventPublisher> publisher(Function<String, Optional<String>> settings) {
        return only(
                load(DeliveryTransportProvider.class),
                DeliveryTransportProvider::name,
                DeliveryTransportProvider::publisher,
                settings,
                "delivery");
    }

    private static <P> List<P> load(Class<P> service) {
        List<P> providers = new ArrayList<>();
        ServiceLoader.load(service).forEach(providers::add);
        return providers;
    }

    private static <P, T extends AutoCloseable> Optional<T> only(
            List<P> providers,
            Function<P, String> name,
            BiFunction<P, Function<String, Optional<String>>, Optional<T>> open,
            Function<String, Optional<String>> settings,
            String kind) {
        T chosen = null;
        String chosenBy = null;
        for (P provider : providers) {
            Optional<T> opened = open.apply(provider, settings);
            if (opened.isEmpty()) {
                continue;
            }
            if (chosen != null) {
                closeQuietly(opened.get());
                closeQuietly(chosen);
                throw new IllegalStateException("both the " + chosenBy + " and the " + name.apply(provider) + " " + kind
                        + " are configured; configure one, or build with the one you want explicitly");
            }
            chosen = opened.get();
            chosenBy = name.apply(provider);
        }
        if (chosen != null) {
            LOG.log(Level.INFO, "using the {0} {1}, found through its configuration", chosenBy, kind);
        }
        return Optional.ofNullable(chosen);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing an unused " + closeable, e);
        }
    }
}
