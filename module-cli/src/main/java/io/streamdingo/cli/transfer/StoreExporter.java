package io.streamdingo.cli.transfer;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.store.jpa.operator.StoreTables;
import io.streamdingo.store.jpa.operator.StreamHead;
import io.streamdingo.store.jpa.operator.StreamSelection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/** Writes a store's streams as JSON lines, stream by stream, with bounded memory. */
public final class StoreExporter {

    private static final int PROGRESS_STEP = 1_000;

    private StoreExporter() {}

    /**
     * Writes every stream of {@code selection} to {@code out}: a stream line, then its events in version order.
     *
     * @param progress told how many more events were written
     * @return how many events were written
     * @throws IOException if {@code out} fails
     */
    public static long export(
            StoreTables tables, StreamSelection selection, int fetchSize, Writer out, LongConsumer progress)
            throws SQLException, IOException {
        long[] written = new long[1];
        StreamId[] current = new StreamId[1];
        try {
            tables.scanEvents(selection, fetchSize, (StoredEvent event, @Nullable StreamHead head) -> {
                try {
                    if (!event.streamId().equals(current[0])) {
                        current[0] = event.streamId();
                        write(out, new ExportLine(streamLine(event.streamId(), head), null));
                    }
                    write(out, new ExportLine(null, EventLine.of(event)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++written[0] % PROGRESS_STEP == 0) {
                    progress.accept(PROGRESS_STEP);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.accept(written[0] % PROGRESS_STEP);
        out.flush();
        return written[0];
    }

    private static StreamLine streamLine(StreamId streamId, @Nullable StreamHead head) {
        if (head == null) {
            return new StreamLine(streamId.category(), streamId.id(), null, 1, null);
        }
        return new StreamLine(
                streamId.category(),
                streamId.id(),
                head.currentVersion(),
                head.firstVisibleVersion(),
                head.truncationAnchor());
    }

    private static void write(Writer out, ExportLine line) throws IOException {
        out.write(ExportFormat.WRITER.writeValueAsString(line));
        out.write('\n');
    }
}
