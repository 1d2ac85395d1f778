package io.streamdingo.api.streams;

/**
 * Enforces the retention of the declared persistent streams (ST-7): deletes, for good, each stream's events
 * that are older, more numerous or larger than its {@link Retention} allows, always from the oldest on.
 * Meant to be run periodically by a scheduler (a {@code ManagedScheduledExecutorService} in a Jakarta EE
 * server). A consumer that had not yet received a deleted event will not receive it.
 */
public interface RetentionTask {

    /** One pass over every stream of every declared persistent stream category with a retention limit. */
    RetentionReport run();

    /**
     * What one pass did.
     *
     * @param streamsChecked streams looked at
     * @param streamsTruncated streams that lost events
     * @param eventsDeleted events deleted
     */
    record RetentionReport(long streamsChecked, long streamsTruncated, long eventsDeleted) {}
}
