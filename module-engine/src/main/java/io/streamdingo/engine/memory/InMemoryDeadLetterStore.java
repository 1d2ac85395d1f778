package io.streamdingo.engine.memory;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.StoredDeadLetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The reference {@link DeadLetterStore}: dead letters in memory, for the life of the process. */
public final class InMemoryDeadLetterStore implements DeadLetterStore {

    private final Map<UUID, StoredDeadLetter> letters = new ConcurrentHashMap<>();

    @Override
    public void add(StoredDeadLetter letter) {
        Objects.requireNonNull(letter, "letter must not be null");
        letters.putIfAbsent(letter.id(), letter);
    }

    @Override
    public List<StoredDeadLetter> list(String subscription, int limit) {
        Objects.requireNonNull(subscription, "subscription must not be null");
        List<StoredDeadLetter> found = new ArrayList<>();
        for (StoredDeadLetter letter : letters.values()) {
            if (letter.subscription().equals(subscription)) {
                found.add(letter);
            }
        }
        found.sort(Comparator.comparing(StoredDeadLetter::deadLetteredAt).thenComparing(StoredDeadLetter::id));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public boolean delete(String subscription, UUID id) {
        StoredDeadLetter letter = letters.get(id);
        return letter != null && letter.subscription().equals(subscription) && letters.remove(id, letter);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        int before = letters.size();
        letters.values().removeIf(letter -> letter.deadLetteredAt().isBefore(cutoff));
        return before - letters.size();
    }
}
