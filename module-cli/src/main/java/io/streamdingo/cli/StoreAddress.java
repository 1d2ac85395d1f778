package io.streamdingo.cli;

import io.streamdingo.store.jpa.operator.StoreTables;

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
