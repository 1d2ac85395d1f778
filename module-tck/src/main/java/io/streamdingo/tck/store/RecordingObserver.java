package io.streamdingo.tck.store;

import io.streamdingo.api.spi.EngineObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EngineObserver} that writes down what it is told, one line per call ({@code "appended cart 3"},
 * {@code "acknowledged picking"} …), for tests of what the engine reports. Durations are kept apart in
 * {@link #durations()}, since their values depend on timing. Thread-safe.
 */
public final class RecordingObserver implements EngineObserver {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Duration> durations = new CopyOnWriteArrayList<>();

    /** Every call so far, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The durations of the {@code published} and {@code acknowledged} calls, in order. */
    public List<Duration> durations() {
        return List.copyOf(durations);
    }

    /** The calls starting with {@code prefix}. */
    public List<String> calls(String prefix) {
        return calls.stream().filter(call -> call.startsWith(prefix)).toList();
    }

    @Override
    public void appended(String category, int events) {
        calls.add("appended " + category + " " + events);
    }

    @Override
    public void published(String category, Duration sinceRecorded) {
        calls.add("published " + category);
        durations.add(sinceRecorded);
    }

    @Override
    public void delivered(String subscription) {
        calls.add("delivered " + subscription);
    }

    @Override
    public void acknowledged(String subscription, Duration processing) {
        calls.add("acknowledged " + subscription);
        durations.add(processing);
    }

    @Override
    public void nacked(String subscription) {
        calls.add("nacked " + subscription);
    }

    @Override
    public void deadLettered(String subscription) {
        calls.add("deadLettered " + subscription);
    }

    @Override
    public void duplicateSkipped(String subscription) {
        calls.add("duplicateSkipped " + subscription);
    }

    @Override
    public void replayed(String aggregateType, ReplayStart start) {
        calls.add("replayed " + aggregateType + " " + start);
    }

    @Override
    public void snapshotWritten(String aggregateType) {
        calls.add("snapshotWritten " + aggregateType);
    }

    @Override
    public void integrityFailed(String category) {
        calls.add("integrityFailed " + category);
    }
}
