package io.streamdingo.api.streams;

/**
 * Where a subscription's consumer stands (ST-5).
 *
 * @param subscription the subscription
 * @param consumerKey the consumer id for broadcast subscriptions; the subscription's name for the others,
 *     whose members share one position
 * @param position the global position up to which every event is settled
 * @param lag how many of the subscription's events lie beyond it: for a stream of this store, the events of
 *     its category between the position and the head of the global order (counted: positions are not
 *     consecutive); for ephemeral and external streams, the messages this process received beyond it
 */
public record ConsumerPosition(String subscription, String consumerKey, long position, long lag) {}
