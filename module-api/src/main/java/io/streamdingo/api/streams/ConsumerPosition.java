package io.streamdingo.api.streams;

/**
 * Where a subscription's consumer stands (ST-5).
 *
 * @param subscription the subscription
 * @param consumerKey the consumer id for broadcast subscriptions; the subscription's name for the others,
 *     whose members share one position
 * @param position the global position up to which every event is settled
 * @param lag how many positions the head of the global order is ahead of it
 */
public record ConsumerPosition(String subscription, String consumerKey, long position, long lag) {}
