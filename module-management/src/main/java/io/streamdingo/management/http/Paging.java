package io.streamdingo.management.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The page a list call asks for: {@code limit} items (1 to {@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}) after the cursor {@code after} (the {@code next} of the previous page; none for the
 * first page).
 */
record Paging(@Nullable String after, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /**
     * The paging of {@code call}'s query parameters {@code after} and {@code limit}.
     *
     * @throws ApiProblem 400 naming {@code limit} if it is not a number from 1 to {@value #MAX_LIMIT}
     */
    static Paging of(ApiCall call) {
        int limit = call.parameter("limit").map(Paging::limit).orElse(DEFAULT_LIMIT);
        String after = call.parameter("after").filter(a -> !a.isEmpty()).orElse(null);
        return new Paging(after, limit);
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badInput(
                "limit", "limit must be a whole number from 1 to " + MAX_LIMIT + "; got '" + text + "'");
    }

    /**
     * One page of {@code items} (already positioned after the cursor): up to {@code limit} of them, and the
     * cursor of the last one as {@code next} when more follow.
     */
    <T> Page<T> page(Stream<T> items, Function<T, String> cursor) {
        List<T> taken = new ArrayList<>();
        Iterator<T> it = items.iterator();
        while (it.hasNext() && taken.size() < limit) {
            taken.add(it.next());
        }
        String next = it.hasNext() ? cursor.apply(taken.get(taken.size() - 1)) : null;
        return new Page<>(taken, next);
    }

    /**
     * One page of a list's items.
     *
     * @param next the cursor to pass as {@code after} for the next page; null on the last page
     */
    record Page<T>(List<T> items, @Nullable String next) {}
}
