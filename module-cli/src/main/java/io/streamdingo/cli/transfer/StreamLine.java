package io.streamdingo.cli.transfer;

import org.jspecify.annotations.Nullable;

/**
 * A stream's head in an export file, before the stream's events.
 *
 * @param category its category
 * @param id its id within the category
 * @param currentVersion the version of its last event; null if the store had no head row for it (damage)
 * @param firstVisibleVersion the first version reads return: above 1 after a soft delete
 * @param truncationAnchor the hash its chain starts from after a truncation, else null
 */
public record StreamLine(
        String category,
        String id,
        @Nullable Long currentVersion,
        long firstVisibleVersion,
        @Nullable String truncationAnchor) {

    /** @throws IllegalArgumentException naming the first required field a line lacks */
    public StreamLine {
        Required.present("category", category);
        Required.present("id", id);
    }
}
