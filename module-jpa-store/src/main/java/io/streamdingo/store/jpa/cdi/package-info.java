/** CDI wiring: the producer that makes the JPA store the backend of {@code @Inject EventStore}. */
@NullMarked
package io.streamdingo.store.jpa.cdi;

import org.jspecify.annotations.NullMarked;
