/**
 * Hashing and integrity for StreamDingo: handler-code fingerprints (HS-1, HS-2), canonical JSON and state
 * hashes (HS-3), the event hash chain and its verification (HS-4).
 *
 * <p>Fingerprints come from the annotation processor this module provides, which javac runs when the
 * module is on the processor path, or else from the handlers' bytecode, read with ASM. A second processor
 * writes the index of the compilation's {@code @EventType} classes, which the engine registers at start-up.
 */
module io.streamdingo.hashing {
    requires transitive io.streamdingo.api;
    // transitive: CanonicalJson takes and returns Jackson trees
    requires transitive com.fasterxml.jackson.databind;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.util;
    requires static org.jspecify;
    // Only javac loads the processor, and javac runs with both modules present.
    requires static java.compiler;
    requires static jdk.compiler;

    exports io.streamdingo.hashing;

    provides javax.annotation.processing.Processor with
            io.streamdingo.hashing.processor.HandlerFingerprintProcessor,
            io.streamdingo.hashing.processor.EventTypeIndexProcessor;
}
