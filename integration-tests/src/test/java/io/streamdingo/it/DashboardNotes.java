package io.streamdingo.it;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.Subscribe;
import io.streamdingo.demo.bank.BankEvents.NoteAdded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two consumers of the bank's notes that {@link DashboardIT} deploys beside the demo to give the dashboard
 * something to show: {@code fragile-notes} fails each note starting with "fragile" at its first two deliveries
 * (a downstream outage that outlasts the retries), so it becomes a dead letter and its replay succeeds;
 * {@code slow-notes} takes 0.4 s per note, so a burst of notes shows as lag for a few seconds.
 */
@ApplicationScoped
public class DashboardNotes {

    private final Map<UUID, Integer> failures = new ConcurrentHashMap<>();

    @Subscribe(value = "fragile-notes", stream = "account")
    void fragile(RecordedEvent event) {
        if (event.payload() instanceof NoteAdded note
                && note.text().startsWith("fragile")
                && failures.merge(event.eventId(), 1, Integer::sum) <= 2) {
            throw new IllegalStateException(
                    "the downstream system is away (delivery " + failures.get(event.eventId()) + " of this note)");
        }
    }

    @Subscribe(value = "slow-notes", stream = "account")
    void slow(RecordedEvent event) throws InterruptedException {
        Thread.sleep(400);
    }
}
