package io.streamdingo.demo.bank;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What this server's consumers saw: the activity feed (annotated consumer) and the audit trail (MDB). */
@Path("activity")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    ActivityFeed feed;

    @Inject
    AuditTrail audit;

    /** The newest account activity first, as delivered to this server's annotated consumer. */
    @GET
    public List<ActivityFeed.Activity> recent() {
        return feed.recent();
    }

    /** The event ids this server's audit message-driven bean recorded, oldest first. */
    @GET
    @Path("audit")
    public List<String> audited() {
        return audit.eventIds();
    }
}
