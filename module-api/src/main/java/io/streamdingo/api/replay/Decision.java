package io.streamdingo.api.replay;

import java.util.List;

/**
 * The business decision of a command: given the current state, the events to append (payload objects or
 * {@link io.streamdingo.api.NewEvent}s), or an empty list when there is nothing to do. It throws to refuse
 * the command.
 *
 * @param <S> the state's type
 */
@FunctionalInterface
public interface Decision<S> {

    /** The events that carry out the command on {@code state}. */
    List<?> decide(S state);
}
