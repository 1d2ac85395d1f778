package io.streamdingo.demo.bank;

import io.streamdingo.api.RecordedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the audit message-driven bean recorded: event ids, in the order they arrived. */
@ApplicationScoped
public class AuditTrail {

    private final List<String> eventIds = new CopyOnWriteArrayList<>();

    void record(RecordedEvent event) {
        eventIds.add(event.eventId().toString());
    }

    /** The recorded event ids, oldest first. */
    public List<String> eventIds() {
        return List.copyOf(eventIds);
    }
}
