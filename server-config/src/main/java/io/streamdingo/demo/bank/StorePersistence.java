package io.streamdingo.demo.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** Hands the container-managed persistence unit to the JPA store: the one line of wiring an application writes. */
@ApplicationScoped
public class StorePersistence {

    @Produces
    @PersistenceUnit(unitName = "streamdingo")
    EntityManagerFactory entityManagerFactory;
}
