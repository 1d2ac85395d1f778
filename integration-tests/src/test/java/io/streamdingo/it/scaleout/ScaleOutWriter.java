package io.streamdingo.it.scaleout;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamLockedException;
import io.streamdingo.api.StreamSession;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.demo.bank.BankEvents.NoteAdded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST API {@link ScaleOutIT}'s load goes through, deployed with the demo on every server of the cluster: each
 * call appends one event at an exact version, so a client that lost the answer (its server was killed) asks again
 * on another server and learns from a 409 that its first try was written; and it opens and closes stream sessions
 * on one server so that the test can write through another.
 */
@Path("scale-out")
@ApplicationScoped
public class ScaleOutWriter {

    @Inject
    EventStore store;

    private final Map<String, StreamSession> sessions = new ConcurrentHashMap<>();

    /** Appends version {@code version} of the stream: 204, or 409 if it is not the next one, 423 if locked. */
    @POST
    @Path("streams/{category}/{stream}/{version}")
    public Response append(
            @PathParam("category") String category,
            @PathParam("stream") String stream,
            @PathParam("version") long version) {
        ExpectedVersion expected = version == 1 ? ExpectedVersion.noStream() : ExpectedVersion.exact(version - 1);
        try {
            store.append(StreamId.of(category, stream), expected, NewEvent.of(new NoteAdded("tick " + version)));
            return Response.noContent().build();
        } catch (WrongExpectedVersionException e) {
            return text(Response.Status.CONFLICT, e.getMessage());
        } catch (StreamLockedException e) {
            return text(423, e.getMessage());
        }
    }

    /** Opens a session on the stream lasting {@code seconds} without use; answers its id. */
    @POST
    @Path("sessions/{category}/{stream}")
    public Response open(
            @PathParam("category") String category,
            @PathParam("stream") String stream,
            @QueryParam("seconds") long seconds) {
        try {
            StreamSession session = store.openSession(StreamId.of(category, stream), Duration.ofSeconds(seconds));
            sessions.put(session.sessionId(), session);
            return text(Response.Status.OK, session.sessionId());
        } catch (StreamLockedException e) {
            return text(423, e.getMessage());
        }
    }

    /** Closes a session this server opened. */
    @DELETE
    @Path("sessions/{id: .+}")
    public Response close(@PathParam("id") String id) {
        StreamSession session = sessions.remove(id);
        if (session == null) {
            return text(Response.Status.NOT_FOUND, "no open session " + id + " on this server");
        }
        session.close();
        return Response.noContent().build();
    }

    private static Response text(Response.Status status, String text) {
        return text(status.getStatusCode(), text);
    }

    private static Response text(int status, String text) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(text).build();
    }
}
