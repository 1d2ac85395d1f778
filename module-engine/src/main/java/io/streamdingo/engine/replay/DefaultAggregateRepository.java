package io.streamdingo.engine.replay;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventAppender;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.api.replay.AggregateRepository;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.Decision;
import io.streamdingo.api.replay.LoadedState;
import io.streamdingo.api.replay.ReplayEngine;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The aggregate repository over the api's replay engine and appender (SN-4). */
public final class DefaultAggregateRepository<S> implements AggregateRepository<S> {

    private static final System.Logger LOG = System.getLogger(DefaultAggregateRepository.class.getName());

    private final AggregateType<S> type;
    private final ReplayEngine replay;
    private final EventAppender appender;
    private final int maxAttempts;

    public DefaultAggregateRepository(AggregateType<S> type, ReplayEngine replay, EventAppender appender) {
        this(type, replay, appender, 1);
    }

    private DefaultAggregateRepository(
            AggregateType<S> type, ReplayEngine replay, EventAppender appender, int maxAttempts) {
        this.type = Objects.requireNonNull(type, "type must not be null");
        this.replay = Objects.requireNonNull(replay, "replay must not be null");
        this.appender = Objects.requireNonNull(appender, "appender must not be null");
        this.maxAttempts = maxAttempts;
    }

    @Override
    public AggregateType<S> type() {
        return type;
    }

    @Override
    public LoadedState<S> load(String id) {
        return replay.load(type, type.streamId(id));
    }

    @Override
    public Optional<AppendResult> update(String id, Decision<S> decision) {
        Objects.requireNonNull(decision, "decision must not be null");
        for (int attempt = 1; ; attempt++) {
            LoadedState<S> loaded = load(id);
            List<?> decided = decision.decide(loaded.state());
            if (decided == null || decided.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(appender.append(loaded.streamId(), loaded.expectedVersion(), events(decided)));
            } catch (WrongExpectedVersionException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                int next = attempt + 1;
                LOG.log(
                        Level.DEBUG,
                        () -> "version conflict on " + loaded.streamId() + "; attempt " + next + " of " + maxAttempts);
            }
        }
    }

    @Override
    public AggregateRepository<S> retryingOnConflict(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("retryingOnConflict needs at least 1 attempt; got " + attempts);
        }
        return new DefaultAggregateRepository<>(type, replay, appender, attempts);
    }

    private static List<NewEvent> events(List<?> decided) {
        List<NewEvent> events = new ArrayList<>(decided.size());
        for (Object event : decided) {
            Objects.requireNonNull(event, "a decision must not return null events");
            events.add(event instanceof NewEvent newEvent ? newEvent : NewEvent.of(event));
        }
        return events;
    }
}
