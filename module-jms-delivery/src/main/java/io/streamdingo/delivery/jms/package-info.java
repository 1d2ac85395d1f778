/** The Jakarta Messaging delivery: the outbox relay's publisher over a {@code jakarta.jms.ConnectionFactory}. */
@NullMarked
package io.streamdingo.delivery.jms;

import org.jspecify.annotations.NullMarked;
