/**
 * A StreamDingo JPA store's tables read and maintained directly over JDBC, without an application: what an
 * operator tool (the {@code streamdingo} command line) needs to verify a store of millions of events in one
 * pass, count what it holds and drop snapshots. Applications use the event store, never these types.
 */
@NullMarked
package io.streamdingo.store.jpa.operator;

import org.jspecify.annotations.NullMarked;
