package io.streamdingo.engine.store;

import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.spi.EventStoreBackend;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/** Lists a category's streams page by page, keyed by stream id, so no listing is one list in memory. */
final class PagedStreams implements Iterator<StreamInfo> {

    private final EventStoreBackend backend;
    private final String category;
    private final int pageSize;
    private final Consumer<String> openCheck;

    private List<StreamInfo> page = List.of();
    private int index;
    private boolean exhausted;

    PagedStreams(EventStoreBackend backend, String category, int pageSize, Consumer<String> openCheck) {
        this.backend = backend;
        this.category = category;
        this.pageSize = pageSize;
        this.openCheck = openCheck;
    }

    @Override
    public boolean hasNext() {
        if (index < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        openCheck.accept("list streams");
        String after =
                page.isEmpty() ? null : page.get(page.size() - 1).streamId().id();
        page = backend.listStreams(category, after, pageSize);
        index = 0;
        exhausted = page.size() < pageSize;
        return !page.isEmpty();
    }

    @Override
    public StreamInfo next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(index++);
    }
}
