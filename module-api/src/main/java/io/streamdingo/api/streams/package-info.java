/**
 * Streams and subscriptions: how events reach their consumers (ST-1 to ST-6). Stream and subscription
 * definitions, the subscription modes and delivery semantics, and the pull API with explicit ack and nack.
 */
@NullMarked
package io.streamdingo.api.streams;

import org.jspecify.annotations.NullMarked;
