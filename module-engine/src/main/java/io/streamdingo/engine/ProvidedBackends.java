package io.streamdingo.engine;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventStoreBackendProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The backend of a store built without one: the one a deployed {@link EventStoreBackendProvider}'s
 * configuration opens, else the in-memory backend. Two configured providers are an error: which one was
 * meant cannot be guessed.
 */
final class ProvidedBackends {

    private static final System.Logger LOG = System.getLogger(ProvidedBackends.class.getName());

    private ProvidedBackends() {}

    static EventStoreBackend open(Function<String, Optional<String>> settings) {
        List<EventStoreBackendProvider> providers = new ArrayList<>();
        ServiceLoader.load(EventStoreBackendProvider.class).forEach(providers::add);
        EventStoreBackend chosen = null;
        String chosenBy = null;
        for (EventStoreBackendProvider provider : providers) {
            Optional<EventStoreBackend> opened = provider.open(settings);
            if (opened.isEmpty()) {
                continue;
            }
            if (chosen != null) {
                opened.get().close();
                chosen.close();
                throw new IllegalStateException("both the " + chosenBy + " and the " + provider.name()
                        + " store are configured; configure one, or give the builder its backend");
            }
            chosen = opened.get();
            chosenBy = provider.name();
        }
        if (chosen == null) {
            if (!providers.isEmpty()) {
                LOG.log(
                        Level.INFO,
                        "store module(s) {0} deployed but not configured: using the in-memory event store",
                        providers.stream().map(EventStoreBackendProvider::name).toList());
            }
            return EventStores.inMemoryBackend();
        }
        LOG.log(Level.INFO, "using the {0} event store, found through its configuration", chosenBy);
        return chosen;
    }
}
