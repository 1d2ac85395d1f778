package io.streamdingo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void newEventIdsAreVersionSevenUuidsOfTheIetfVariant() {
        UUID id = NewEvent.of("payload").eventId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void anIdCarriesTheMillisecondItWasDrawnIn() {
        long before = System.currentTimeMillis();

        UUID id = TimeOrderedIds.next();

        long stamped = id.getMostSignificantBits() >>> 16;
        assertThat(stamped).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsDatabasesCompareThem() {
        SplittableRandom random = new SplittableRandom(1);

        List<UUID> ids = IntStream.range(0, 1_000)
                .mapToObj(ms -> TimeOrderedIds.at(1_764_547_200_000L + ms, random))
                .toList();

        // PostgreSQL and H2 order uuid columns by their bytes, that is by the unsigned 128-bit value
        assertThat(ids).isSortedAccordingTo((a, b) -> a.toString().compareTo(b.toString()));
    }

    @Test
    void idsDrawnOnManyThreadsAtOnceAreAllDistinct() {
        Set<UUID> ids = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 200_000).parallel().forEach(i -> ids.add(TimeOrderedIds.next()));

        assertThat(ids).hasSize(200_000);
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        SplittableRandom random = new SplittableRandom(7);
        Set<UUID> ids = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_764_547_200_000L, random));
        }

        assertThat(ids).hasSize(10_000);
    }
}
