/** The delivery contract: what every {@link io.streamdingo.api.streams.Subscriptions} implementation must do. */
@NullMarked
package io.streamdingo.tck.delivery;

import org.jspecify.annotations.NullMarked;
