package io.streamdingo.api.replay;

import io.streamdingo.api.AppendResult;
import java.util.Optional;

/**
 * Loads aggregates of one {@link AggregateType} and appends what commands decide, with the loaded version
 * as the expected version (SN-4).
 *
 * <p>In a Jakarta EE application, declare the type as a bean ({@code @Produces AggregateType<Account>}) and
 * {@code @Inject AggregateRepository<Account>}. Without retries, a concurrent writer makes
 * {@link #update} fail with {@link io.streamdingo.api.WrongExpectedVersionException}; with
 * {@link #retryingOnConflict}, the aggregate is loaded again and the decision re-run.
 *
 * @param <S> the state's type
 */
public interface AggregateRepository<S> {

    /** The type this repository serves. */
    AggregateType<S> type();

    /** The aggregate with {@code id}, through the replay engine's {@link ReplayEngine#load}. */
    LoadedState<S> load(String id);

    /**
     * Loads the aggregate, runs {@code decision} on its state and appends the events it returns, expecting
     * the version that was loaded.
     *
     * @return what was appended; empty when the decision returned no events
     * @throws io.streamdingo.api.WrongExpectedVersionException if another writer appended in between (and
     *     retries are off or used up)
     */
    Optional<AppendResult> update(String id, Decision<S> decision);

    /**
     * A repository over the same type that, on a version conflict, loads again and re-runs the decision, up
     * to {@code maxAttempts} attempts in all. Decisions must then be free of side effects.
     *
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    AggregateRepository<S> retryingOnConflict(int maxAttempts);
}
