package io.streamdingo.engine.store;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.StoredEvent;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A lazy {@link Stream} over a backend's pages: the next page is fetched only when the previous one is
 * used up, so memory stays bounded by one page whatever the stream's length (ES-3). No backend resource is
 * held between pages.
 */
final class PagedEvents implements Iterator<RecordedEvent> {

    /** Fetches the page that follows the last event seen (null before the first page). */
    interface PageSource {
        List<StoredEvent> next(@Nullable StoredEvent lastSeen, int pageSize);
    }

    private final PageSource source;
    private final int pageSize;
    private final Function<StoredEvent, List<RecordedEvent>> decoder;

    private List<StoredEvent> page = List.of();
    private int indexInPage;
    private boolean exhausted;
    private @Nullable StoredEvent lastSeen;
    private Iterator<RecordedEvent> decoded = List.<RecordedEvent>of().iterator();

    private PagedEvents(PageSource source, int pageSize, Function<StoredEvent, List<RecordedEvent>> decoder) {
        this.source = source;
        this.pageSize = pageSize;
        this.decoder = decoder;
    }

    static Stream<RecordedEvent> stream(
            PageSource source, int pageSize, Function<StoredEvent, List<RecordedEvent>> decoder) {
        Iterator<RecordedEvent> events = new PagedEvents(source, pageSize, decoder);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (!decoded.hasNext()) {
            StoredEvent next = nextStored();
            if (next == null) {
                return false;
            }
            decoded = decoder.apply(next).iterator();
        }
        return true;
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return decoded.next();
    }

    private @Nullable StoredEvent nextStored() {
        if (indexInPage == page.size()) {
            if (exhausted) {
                return null;
            }
            page = source.next(lastSeen, pageSize);
            indexInPage = 0;
            exhausted = page.size() < pageSize;
            if (page.isEmpty()) {
                return null;
            }
        }
        lastSeen = page.get(indexInPage++);
        return lastSeen;
    }
}
