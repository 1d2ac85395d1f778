package io.streamdingo.api.replay;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.StreamId;
import java.util.Objects;

/**
 * A state rebuilt by the {@link ReplayEngine}.
 *
 * @param streamId the stream
 * @param state the state after {@code version}; the initial state if the stream holds no event
 * @param version the version of the last event applied; 0 if none
 * @param eventsApplied how many events this load applied (beyond the snapshot it started from)
 * @param decision how it was rebuilt and why
 * @param <S> the state's type
 */
public record LoadedState<S>(StreamId streamId, S state, long version, long eventsApplied, ReplayDecision decision) {

    public LoadedState {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(decision, "decision");
    }

    /** The condition for appending after this state: nobody else wrote since it was loaded. */
    public ExpectedVersion expectedVersion() {
        return version == 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(version);
    }
}
