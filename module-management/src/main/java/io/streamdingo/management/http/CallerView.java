package io.streamdingo.management.http;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /caller}: who the server's security says is calling, and which of the API's roles they hold — what
 * the dashboard needs to offer an admin's buttons and show a viewer's disabled.
 *
 * @param name the user name
 * @param roles the roles held, of {@value Roles#VIEWER} and {@value Roles#ADMIN}
 * @param admin whether the caller may change things (reset, remove, replay, delete)
 */
record CallerView(String name, List<String> roles, boolean admin) {

    static CallerView of(Caller caller) {
        List<String> roles = new ArrayList<>(2);
        if (caller.viewer()) {
            roles.add(Roles.VIEWER);
        }
        if (caller.admin()) {
            roles.add(Roles.ADMIN);
        }
        return new CallerView(caller.name(), List.copyOf(roles), caller.admin());
    }
}
