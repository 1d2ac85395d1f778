package io.streamdingo.management.http;

/**
 * The two roles the management API knows. The server maps its users or groups onto them (on Open Liberty with
 * an {@code application-bnd} element).
 */
final class Roles {

    /** Reads everything: streams, subscriptions, positions, dead letters' metadata, verification, the feed. */
    static final String VIEWER = "streamdingo-viewer";

    /** Also changes things: resets and removes consumers, replays and deletes dead letters, reads payloads. */
    static final String ADMIN = "streamdingo-admin";

    private Roles() {}
}
