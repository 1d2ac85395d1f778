package io.streamdingo.management.tracing;

import io.streamdingo.api.spi.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Gives the engine OpenTelemetry tracing when the application can see MicroProfile Telemetry's
 * {@code OpenTelemetry} bean (on Open Liberty: the {@code mpTelemetry-2.x} feature, and the application's class
 * loader with {@code apiTypeVisibility="+third-party"}); {@link EventTracing#NONE} otherwise. Whether spans go
 * anywhere is MicroProfile Telemetry's business: off until {@code otel.sdk.disabled=false}, as the specification
 * says. This class names no OpenTelemetry type, so it loads where the API is absent.
 */
@ApplicationScoped
public class EventTracingProducer {

    private static final System.Logger LOG = System.getLogger(EventTracingProducer.class.getName());
    private static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

    @Produces
    @Singleton
    EventTracing eventTracing() {
        Optional<Class<?>> api = openTelemetryApi();
        if (api.isEmpty()) {
            LOG.log(
                    Level.DEBUG,
                    "the OpenTelemetry API is not visible to the application: events are not traced (enable"
                            + " MicroProfile Telemetry and give the application third-party API visibility)");
            return EventTracing.NONE;
        }
        Instance<?> openTelemetry = CDI.current().select(api.get());
        if (!openTelemetry.isResolvable()) {
            LOG.log(
                    Level.DEBUG,
                    "no OpenTelemetry bean (MicroProfile Telemetry is not enabled): events are not traced");
            return EventTracing.NONE;
        }
        LOG.log(
                Level.INFO,
                "events are traced with MicroProfile Telemetry (spans go out once otel.sdk.disabled=false)");
        return OpenTelemetryTracing.of(openTelemetry.get());
    }

    private static Optional<Class<?>> openTelemetryApi() {
        try {
            return Optional.of(Class.forName(OPEN_TELEMETRY, false, EventTracingProducer.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
