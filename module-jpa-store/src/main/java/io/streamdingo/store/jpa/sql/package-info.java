/** Event rows through plain JDBC on the persistence unit's connection, and what differs per database. */
@NullMarked
package io.streamdingo.store.jpa.sql;

import org.jspecify.annotations.NullMarked;
