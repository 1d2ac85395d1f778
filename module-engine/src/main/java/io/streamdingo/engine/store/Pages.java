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
 * <p>Pages grow fourfold from the first size up to a maximum, so a short read costs one small query and a
 * long one a handful of large ones (100,000 events: 12 queries from 500 up to 10,000), not hundreds.
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
    private final int maxSize;
    private int size;

    private List<T> page = List.of();
    private int index;
    private boolean exhausted;

    private Pages(Source<T> source, int firstSize, int maxSize) {
        this.source = source;
        this.size = firstSize;
        this.maxSize = Math.max(firstSize, maxSize);
    }

    static <T> Stream<T> stream(Source<T> source, int firstSize, int maxSize) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        new Pages<>(source, firstSize, maxSize), Spliterator.ORDERED | Spliterator.NONNULL),
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
        int asked = size;
        page = source.next(page.isEmpty() ? null : page.get(page.size() - 1), asked);
        index = 0;
        exhausted = page.size() < asked;
        size = (int) Math.min((long) asked * 4, maxSize);
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
