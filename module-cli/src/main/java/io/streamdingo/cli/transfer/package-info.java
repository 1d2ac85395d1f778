/**
 * Streams as JSON lines: the export format, writing a store's streams to it and importing them into another
 * store after checking every version and hash chain.
 *
 * <p>A file is a sequence of lines, each one JSON object: a {@code stream} line (the stream's head) followed by
 * an {@code event} line per event of that stream, in version order. Payloads are kept as the exact text the
 * store holds, so the hash chain still holds after an import.
 */
@NullMarked
package io.streamdingo.cli.transfer;

import org.jspecify.annotations.NullMarked;
