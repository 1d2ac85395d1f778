package io.streamdingo.management.http;

/**
 * Who calls the API, as the server's security established it: a viewer may read, an admin may also change.
 *
 * @param name the authenticated user name, empty when nobody logged in
 * @param viewer whether the caller has the role {@value Roles#VIEWER}
 * @param admin whether the caller has the role {@value Roles#ADMIN}
 */
record Caller(String name, boolean viewer, boolean admin) {

    /** Nobody logged in. */
    static final Caller ANONYMOUS = new Caller("", false, false);

    boolean authenticated() {
        return !name.isEmpty();
    }

    boolean mayRead() {
        return viewer || admin;
    }
}
