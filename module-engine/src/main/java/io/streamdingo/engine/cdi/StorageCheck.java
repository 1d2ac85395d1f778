package io.streamdingo.engine.cdi;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.spi.SnapshotStore;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment when an application would silently keep its events, consumer positions (also the
 * outbox relay's) or snapshots in memory: each of {@link EventStoreBackend}, {@link OffsetStore} and
 * {@link SnapshotStore} needs a deployed bean (the JPA store module provides all three) unless
 * {@value #IN_MEMORY} is {@code true}, which says that memory is what the application wants (tests, a
 * service that only consumes another service's streams).
 *
 * <p>Registered in {@code META-INF/services}; a CDI SE container on the module path adds it itself.
 */
public class StorageCheck implements Extension {

    /** The MicroProfile Config key that allows the in-memory store, positions and snapshots. */
    public static final String IN_MEMORY = "streamdingo.store.in-memory";

    private static final System.Logger LOG = System.getLogger(StorageCheck.class.getName());

    void check(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        List<String> missing = Stream.of(
                        EventStoreBackend.class, OffsetStore.class, SnapshotStore.class, DeadLetterStore.class)
                .filter(type -> beans.getBeans(type).isEmpty())
                .map(Class::getSimpleName)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        if (inMemoryAllowed()) {
            LOG.log(
                    Level.INFO,
                    "no {0} bean is deployed and {1}=true: kept in memory, lost at restart",
                    String.join(", ", missing),
                    IN_MEMORY);
            return;
        }
        validation.addDeploymentProblem(new DeploymentException("StreamDingo found no " + String.join(", ", missing)
                + " bean, so events, consumer positions, snapshots or dead letters would be lost at every restart: deploy"
                + " streamdingo-jpa-store with its persistence unit (streamdingo.store.jpa.persistence-unit), or set "
                + IN_MEMORY + "=true if memory is what you want"));
    }

    private static boolean inMemoryAllowed() {
        return ConfigProvider.getConfig()
                .getOptionalValue(IN_MEMORY, Boolean.class)
                .orElse(false);
    }
}
