package io.streamdingo.hashing;

import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.hashing.processor.HandlerFingerprintProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A small handler code base compiled inside the test with javac, with or without the fingerprint processor,
 * so that tests can change one line and compare fingerprints. Shared by the fingerprint tests.
 */
final class HandlerSources {

    static final String CART = "package shop;\npublic record Cart(int count, long total) {}\n";
    static final String ITEM_ADDED = "package shop;\npublic record ItemAdded(int quantity, long price) {}\n";
    static final String CLEARED = "package shop;\npublic record Cleared() {}\n";

    static final String PRICING =
            """
            package shop;

            final class Pricing {
                static long total(long sum, long price) {
                    return sum + price;
                }
            }
            """;

    static final String HANDLERS =
            """
            package shop;

            import io.streamdingo.api.replay.EventHandler;

            public final class CartHandlers {
                @EventHandler
                public static Cart added(Cart cart, ItemAdded event) {
                    return new Cart(cart.count() + event.quantity(), Pricing.total(cart.total(), event.price()));
                }

                @EventHandler
                public static Cart cleared(Cart cart, Cleared event) {
                    return new Cart(0, 0);
                }
            }
            """;

    /** The {@code cleared} handler, word for word, in another class. */
    static final String MOVED_HANDLERS =
            """
            package shop;

            import io.streamdingo.api.replay.EventHandler;

            public final class MovedHandlers {
                @EventHandler
                public static Cart cleared(Cart cart, Cleared event) {
                    return new Cart(0, 0);
                }
            }
            """;

    private final Map<String, String> sources = new LinkedHashMap<>();

    private HandlerSources() {}

    /** The original code base. */
    static HandlerSources original() {
        HandlerSources code = new HandlerSources();
        code.sources.put("shop/Cart.java", CART);
        code.sources.put("shop/ItemAdded.java", ITEM_ADDED);
        code.sources.put("shop/Cleared.java", CLEARED);
        code.sources.put("shop/Pricing.java", PRICING);
        code.sources.put("shop/CartHandlers.java", HANDLERS);
        code.sources.put("shop/MovedHandlers.java", MOVED_HANDLERS);
        return code;
    }

    /** The same code base with {@code target} replaced by {@code replacement} in {@code file}. */
    HandlerSources with(String file, String target, String replacement) {
        String source = sources.get(file);
        if (source == null || !source.contains(target)) {
            throw new IllegalArgumentException(file + " does not contain " + target);
        }
        HandlerSources changed = new HandlerSources();
        changed.sources.putAll(sources);
        changed.sources.put(file, source.replace(target, replacement));
        return changed;
    }

    /** Compiles the code base and loads {@code CartHandlers} in a fresh class loader. */
    Class<?> compile(boolean withProcessor) {
        try {
            Path root = Files.createTempDirectory("streamdingo-handlers");
            Path sourceDir = Files.createDirectories(root.resolve("src"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDir.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, null)) {
                List<String> options = new ArrayList<>(List.of(
                        "-d", classes.toString(), "-classpath", location(EventHandler.class), "--release", "17"));
                if (!withProcessor) {
                    options.add("-proc:none");
                }
                JavaCompiler.CompilationTask task = javac.getTask(
                        null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files));
                if (withProcessor) {
                    task.setProcessors(List.of(new HandlerFingerprintProcessor()));
                }
                if (!task.call()) {
                    throw new IllegalStateException("test sources do not compile: " + diagnostics.getDiagnostics());
                }
            }
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {classes.toUri().toURL()}, HandlerSources.class.getClassLoader());
            return loader.loadClass("shop.CartHandlers");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Method handler(Class<?> handlers, String name) {
        for (Method method : handlers.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("no handler " + name);
    }

    private static String location(Class<?> type) throws MalformedURLException {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new MalformedURLException(e.getMessage());
        }
    }
}
