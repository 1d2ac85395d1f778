package io.streamdingo.engine.types;

import io.streamdingo.api.EventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the event-type indexes that StreamDingo's annotation processor ({@code streamdingo-hashing} on the
 * compiler's processor path) writes into every compiled module: {@value #INDEX}, one class name per line.
 * Every index a class loader sees is read, so an application's event types in several jars are all found. A
 * name whose class is gone or no longer carries {@link EventType} (an index left by an earlier build) is
 * skipped with a debug message.
 */
public final class EventTypeIndex {

    /** Where the processor writes the index. */
    public static final String INDEX = "META-INF/streamdingo/event-types";

    private static final System.Logger LOG = System.getLogger(EventTypeIndex.class.getName());

    private EventTypeIndex() {}

    /**
     * The indexed event classes {@code loader} can load, in index order.
     *
     * @throws UncheckedIOException if an index cannot be read
     */
    public static List<Class<?>> load(ClassLoader loader) {
        Set<Class<?>> found = new LinkedHashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                URL index = indexes.nextElement();
                for (String name : names(index)) {
                    Class<?> type = loadable(name, loader, index);
                    if (type != null) {
                        found.add(type);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event-type index " + INDEX + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(found);
    }

    private static List<String> names(URL index) throws IOException {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            return in.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static Class<?> loadable(String name, ClassLoader loader, URL index) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            if (type.isAnnotationPresent(EventType.class)) {
                return type;
            }
            LOG.log(Level.DEBUG, () -> name + " in " + index + " is no longer annotated @EventType: skipped");
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, () -> name + " in " + index + " cannot be loaded (" + e + "): skipped");
        }
        return null;
    }
}
