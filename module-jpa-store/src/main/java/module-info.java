/**
 * The Jakarta Persistence event-store backend (ES-10): events, stream heads with session leases and a gap-safe
 * global order (from transaction ids on PostgreSQL, a counter row on H2 and MariaDB), consumer positions,
 * processed events and dead letters, with the schema kept by Flyway migrations.
 *
 * <p>Depends on the api alone; the engine finds it through the {@link io.streamdingo.api.spi.EventStoreBackend}
 * SPI.
 */
module io.streamdingo.store.jpa {
    requires transitive io.streamdingo.api;
    requires transitive jakarta.persistence;
    requires org.hibernate.orm.core;
    // Flyway 11 declares no module name; its automatic name comes from the jar file name.
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires jakarta.transaction;
    requires java.sql;
    requires java.naming;
    requires static org.jspecify;
    // only for PostgreSQL's LISTEN/NOTIFY, and only when the store runs on PostgreSQL
    requires static org.postgresql.jdbc;
    // CDI and MicroProfile Config are there in a Jakarta EE server; plain Java use needs neither.
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static microprofile.config.api;

    exports io.streamdingo.store.jpa;
    // operator tools (the command line) read and maintain the tables directly
    exports io.streamdingo.store.jpa.operator;

    // plain Java finds the store through its configuration (streamdingo.store.jpa.url), and snapshots beside it
    provides io.streamdingo.api.spi.EventStoreBackendProvider with
            io.streamdingo.store.jpa.provider.JpaStoreProvider;
    provides io.streamdingo.api.spi.SnapshotStoreProvider with
            io.streamdingo.store.jpa.provider.JpaStoreProvider;
    provides io.streamdingo.api.spi.SubjectKeyStoreProvider with
            io.streamdingo.store.jpa.provider.JpaStoreProvider;

    // The CDI container reflects on the producer and proxies what it produces.
    opens io.streamdingo.store.jpa.cdi;

    // Hibernate reads and writes the entities reflectively.
    opens io.streamdingo.store.jpa.entity to
            org.hibernate.orm.core;
}
