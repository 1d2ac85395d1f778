package io.streamdingo.cli.stats;

import io.streamdingo.store.jpa.operator.CategoryFigures;
import io.streamdingo.store.jpa.operator.DeadLetterFigures;
import io.streamdingo.store.jpa.operator.SnapshotFigures;
import java.util.List;

/**
 * What a store holds, as {@code streamdingo stats} reports it (and writes as JSON).
 *
 * @param database the database product and version
 * @param streams streams with events, over all categories
 * @param events events over all categories
 * @param bytes stored size of their payloads and headers
 * @param categories per category
 * @param snapshots per state type
 * @param consumers each saved consumer position with its lag
 * @param deadLetters per subscription
 */
public record StoreStatistics(
        String database,
        long streams,
        long events,
        long bytes,
        List<CategoryFigures> categories,
        List<SnapshotFigures> snapshots,
        List<ConsumerLag> consumers,
        List<DeadLetterFigures> deadLetters) {}
