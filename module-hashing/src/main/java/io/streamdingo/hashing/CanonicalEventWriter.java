package io.streamdingo.hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Collects the canonical encoding of an event in a reusable buffer and hands it to the digest in one call:
 * feeding a {@link MessageDigest} byte by byte costs more than hashing the bytes.
 */
final class CanonicalEventWriter {

    private static final ThreadLocal<CanonicalEventWriter> WRITERS = ThreadLocal.withInitial(CanonicalEventWriter::new);

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private byte[] buffer = new byte[512];
    private int length;

    /** This thread's writer, emptied. */
    static CanonicalEventWriter reset() {
        CanonicalEventWriter writer = WRITERS.get();
        writer.length = 0;
        return writer;
    }

    void bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, length, value.length);
        length += value.length;
    }

    void number(long value) {
        ensure(8);
        LONGS.set(buffer, length, value);
        length += 8;
    }

    void text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        number(bytes.length);
        bytes(bytes);
    }

    void optionalText(@Nullable String value) {
        ensure(1);
        if (value == null) {
            buffer[length++] = 0;
        } else {
            buffer[length++] = 1;
            text(value);
        }
    }

    /** Feeds what was written to {@code digest}. */
    void into(MessageDigest digest) {
        digest.update(buffer, 0, length);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
