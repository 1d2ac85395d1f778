package io.streamdingo.hashing;

import io.streamdingo.hashing.bytecode.BytecodeFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds the fingerprint of a handler method: the one the annotation processor wrote at compile time if
 * there is one, otherwise one computed from the bytecode (HS-1).
 *
 * <p>The processor writes one resource per handler class, {@value #RESOURCE_DIRECTORY}{@code <binary class
 * name>.properties}, mapping {@linkplain #key method keys} to hashes. Results are cached; instances are
 * thread-safe.
 */
public final class HandlerFingerprints {

    /** Where the processor's output lives in a compiled application. */
    public static final String RESOURCE_DIRECTORY = "META-INF/streamdingo/fingerprints/";

    private final ConcurrentMap<Method, HandlerFingerprint> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Properties> compiled = new ConcurrentHashMap<>();

    /**
     * The fingerprint of {@code handler}.
     *
     * @throws IllegalStateException if neither processor output nor the class file can be read
     */
    public HandlerFingerprint fingerprint(Method handler) {
        return cache.computeIfAbsent(handler, this::compute);
    }

    /**
     * The key of {@code method} in the processor's output: its name and erased parameter types, such as
     * {@code on(com.example.Account,com.example.Deposited)}; nested types by binary name, arrays with
     * {@code []}.
     */
    public static String key(Method method) {
        StringJoiner parameters = new StringJoiner(",", method.getName() + "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            parameters.add(typeName(type));
        }
        return parameters.toString();
    }

    private HandlerFingerprint compute(Method handler) {
        String fromSource = compiled.computeIfAbsent(handler.getDeclaringClass(), HandlerFingerprints::readCompiled)
                .getProperty(key(handler));
        if (fromSource != null && Sha256.isHash(fromSource)) {
            return new HandlerFingerprint(fromSource, HandlerFingerprint.Origin.COMPILED_SOURCE);
        }
        return new HandlerFingerprint(BytecodeFingerprint.of(handler), HandlerFingerprint.Origin.BYTECODE);
    }

    private static Properties readCompiled(Class<?> handlerClass) {
        Properties fingerprints = new Properties();
        String resource = "/" + RESOURCE_DIRECTORY + handlerClass.getName() + ".properties";
        try (InputStream in = handlerClass.getResourceAsStream(resource)) {
            if (in != null) {
                fingerprints.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the handler fingerprints in " + resource, e);
        }
        return fingerprints;
    }

    private static String typeName(Class<?> type) {
        return type.isArray() ? typeName(type.getComponentType()) + "[]" : type.getName();
    }
}
