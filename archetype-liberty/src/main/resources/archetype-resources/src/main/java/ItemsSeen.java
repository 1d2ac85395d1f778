package ${package};

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.Subscribe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer: every cart event reaches it after it was stored, on a thread of its own. The annotation declares
 * the subscription (a consumer group, at least once); configuration can change any part of it, for example
 * {@code streamdingo.subscriptions.items-seen.mode=BROADCAST}. Its position is kept in the database.
 */
@ApplicationScoped
public class ItemsSeen {

    private final Map<String, Integer> quantities = new ConcurrentHashMap<>();

    @Subscribe(value = "items-seen", stream = Carts.CATEGORY)
    void on(RecordedEvent event) {
        if (event.payload() instanceof ItemAdded added) {
            quantities.merge(event.streamId().id(), added.quantity(), Integer::sum);
        }
    }

    /** The items this server's consumer has seen added to {@code cartId} since it started. */
    public int quantity(String cartId) {
        return quantities.getOrDefault(cartId, 0);
    }
}
