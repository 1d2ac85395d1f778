package io.streamdingo.cli;

import io.streamdingo.store.jpa.operator.StoreTables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a store's database is and how to log in.
 *
 * @param url its JDBC URL
 * @param user the user name (empty for none)
 * @param password the password (empty for none)
 */
record StoreAddress(String url, String user, String password) {

    /** Connects, read-only unless {@code writable}; fails with a one-line message naming the URL. */
    StoreTables open(boolean writable) {
        return StoreTables.open(url, user, password, !writable);
    }

    /**
     * Connects once and lets go, to say clearly that the database cannot be reached before a library that would
     * say it less clearly tries.
     */
    void requireReachable() {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.isValid(5);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            int end = message.indexOf('\n');
            throw new CommandFailure(
                    "cannot connect to " + shownUrl() + ": " + (end < 0 ? message : message.substring(0, end)), e);
        }
    }

    /** The URL without its query string, which may carry credentials. */
    String shownUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "StoreAddress[" + shownUrl() + ", user " + user + "]";
    }
}
