/**
 * The public types of StreamDingo: what applications append, read and catch, and the SPIs that store
 * backends and serializers implement.
 *
 * <p>This module depends on nothing but the JDK; the engine, the store backends and the deliveries all
 * depend on it and never on each other.
 */
module io.streamdingo.api {
    requires static transitive org.jspecify;
    // @ApplicationException on the exceptions: read by an EJB container, absent (and harmless) elsewhere
    requires static jakarta.ejb;

    exports io.streamdingo.api;
    exports io.streamdingo.api.privacy;
    exports io.streamdingo.api.replay;
    exports io.streamdingo.api.spi;
    exports io.streamdingo.api.streams;
}
