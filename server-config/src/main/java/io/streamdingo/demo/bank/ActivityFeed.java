package io.streamdingo.demo.bank;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.Subscribe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The accounts' recent activity, fed by an annotated consumer method: no messaging code, events arrive
 * through the broker exactly once (the account stream is EXACTLY_ONCE, so each call runs in the transaction
 * that records the event as processed).
 */
@ApplicationScoped
public class ActivityFeed {

    private static final int KEPT = 1_000;

    /** One line of the feed. */
    public record Activity(String account, long version, String type, String eventId) {}

    private final Deque<Activity> recent = new ConcurrentLinkedDeque<>();

    @Subscribe(value = BankTopology.ACTIVITY, stream = AccountService.CATEGORY)
    void record(RecordedEvent event) {
        recent.addFirst(new Activity(
                event.streamId().id(),
                event.streamVersion(),
                event.eventType(),
                event.eventId().toString()));
        while (recent.size() > KEPT) {
            recent.pollLast();
        }
    }

    /** The newest activity first. */
    public List<Activity> recent() {
        return new ArrayList<>(recent);
    }
}
