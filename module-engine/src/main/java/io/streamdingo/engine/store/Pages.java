package io.streamdingo.engine.store;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A lazy {@link Stream} over a backend's keyset pages: the next page is fetched only when the previous one
 * is used up, so memory stays bounded by one page however long the result (ES-3). No backend resource is
 * held between pages. A page shorter than asked for is the last one.
 *
 * @param <T> what a page holds (stored events, stream infos)
 */
final class Pages<T> implements Iterator<T> {

    /** Fetches up to {@code size} items following {@code last} (null before the first page). */
    @FunctionalInterface
    interface Source<T> {
        List<T> next(@Nullable T last, int size);
    }

    private final Source<T> source;
    private final int size;

    private List<T> page = List.of();
    private int index;
    private boolean exhausted;

    private Pages(Source<T> source, int size) {
        this.source = source;
        this.size = size;
    }

    static <T> Stream<T> stream(Source<T> source, int size) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        new Pages<>(source, size), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public boolean hasNext() {
        if (index < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        page = source.next(page.isEmpty() ? null : page.get(page.size() - 1), size);
        index = 0;
        exhausted = page.size() < size;
        return !page.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(index++);
    }
}
