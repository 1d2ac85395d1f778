package io.streamdingo.api.spi;

import java.time.Instant;
import java.util.UUID;

/**
 * The processed-events table behind exactly-once processing (ST-8): a consumer's work on an event and the
 * record that it was done commit in one transaction, so a redelivered duplicate is recognised and skipped.
 *
 * <pre>{@code
 * Delivery delivery = consumer.poll(timeout).orElseThrow();
 * processed.processOnce("billing", delivery.event().eventId(), tx -> {
 *     tx.unwrap(EntityManager.class).persist(new Invoice(...));   // same transaction as the record
 * });
 * delivery.ack();   // a crash before this line redelivers the event, and processOnce skips it
 * }</pre>
 *
 * <p>Implementations: in memory (the reference, without transactional resources) and the Jakarta
 * Persistence store (table {@code sd_processed_events}, joining the caller's JTA transaction when there is
 * one). Both pass the contract in {@code io.streamdingo.tck}. Thread-safe.
 */
public interface ProcessedEvents {

    /** Work done once per consumer and event. */
    @FunctionalInterface
    interface Work {
        void run(WorkContext transaction) throws Exception;
    }

    /**
     * Runs {@code work} unless {@code consumer} already processed {@code eventId}, recording it in the same
     * transaction. Two concurrent calls for the same pair are serialised: the second waits for the first
     * and then skips (first committed) or runs (first failed). If {@code work} throws, nothing is recorded,
     * the transaction rolls back and the exception propagates (wrapped in an unchecked one if checked).
     *
     * @return true if the work ran now; false if it had run before and was skipped
     */
    boolean processOnce(String consumer, UUID eventId, Work work);

    /** Work done once per consumer and event, for one event of a batch. */
    @FunctionalInterface
    interface EachWork {
        void run(WorkContext transaction, UUID eventId) throws Exception;
    }

    /**
     * Runs {@code work} for each of {@code eventIds} (in their order) that {@code consumer} has not processed,
     * all in one transaction that records them: a consumer commits several events at once and pays for one
     * commit. All or nothing: if {@code work} throws for any event, nothing of the batch is recorded, the
     * transaction rolls back (undoing the work for the events before it), and the exception propagates as in
     * {@link #processOnce}. Duplicates of events another call is processing wait for it, as there.
     *
     * @param eventIds distinct event ids
     * @return the ids the work ran for now, in order; the others had been processed before
     */
    java.util.List<UUID> processAll(String consumer, java.util.List<UUID> eventIds, EachWork work);

    /** True if {@code consumer} has processed {@code eventId}. */
    boolean isProcessed(String consumer, UUID eventId);

    /**
     * Deletes the records of events processed before {@code cutoff} (TTL cleanup): duplicates arriving
     * later than the TTL are no longer recognised, so keep it well above the broker's redelivery window.
     *
     * @return how many records were deleted
     */
    int deleteProcessedBefore(Instant cutoff);
}
