package io.streamdingo.engine;

/**
 * Shapes the event store that CDI injects: a bean of this type registers the application's event types and
 * upcasters, or sets a serializer or clock. Every such bean is applied, in no particular order, before the
 * MicroProfile Config settings; a customizer must therefore not depend on another one.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class BankEvents implements EventStoreCustomizer {
 *     public void customize(EventStoreBuilder builder) {
 *         builder.register(AccountOpened.class, MoneyDeposited.class);
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EventStoreCustomizer {

    /** Adds to {@code builder}; do not call {@link EventStoreBuilder#build()}. */
    void customize(EventStoreBuilder builder);
}
