/** What an application uses: stream ids, events, the {@link io.streamdingo.api.EventStore} and its errors. */
@NullMarked
package io.streamdingo.api;

import org.jspecify.annotations.NullMarked;
