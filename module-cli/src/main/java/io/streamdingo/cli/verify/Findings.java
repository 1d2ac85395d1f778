package io.streamdingo.cli.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The problems found so far, from several threads. Keeps the first {@link #KEPT} to list; counts all of them, so
 * that a store damaged everywhere cannot exhaust memory.
 */
final class Findings {

    static final int KEPT = 10_000;

    private final List<Finding> kept = new ArrayList<>();
    private long count;

    synchronized void add(Finding finding) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(finding);
        }
    }

    synchronized long count() {
        return count;
    }

    /** The kept findings sorted by stream and version. */
    synchronized List<Finding> sorted() {
        List<Finding> sorted = new ArrayList<>(kept);
        Collections.sort(sorted);
        return sorted;
    }
}
