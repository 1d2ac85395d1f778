package io.streamdingo.management.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.SchemaRegistry;
import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.streams.RunningConsumers;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The management API's routing: which resource answers a call, whether the caller may make it, and how a
 * refusal becomes a problem document. Reads need {@value Roles#VIEWER} or {@value Roles#ADMIN}; everything else
 * (and reading payloads) needs {@value Roles#ADMIN}. The servlet's security constraints say the same, so a
 * misconfigured server still refuses.
 *
 * <pre>
 * GET    /streams                                        declared categories, stream counts, head position
 * GET    /streams/{category}?after=&amp;limit=              a category's streams by id
 * GET    /streams/{category}/{id}                        one stream's version and visible range
 * GET    /streams/{category}/{id}/verification           walks its hash chain
 * GET    /subscriptions?after=&amp;limit=                   subscriptions with positions, lag and consumers
 * GET    /subscriptions/{name}
 * PUT    /subscriptions/{name}/positions/{key}           {"position": n} or {"time": "…"}
 * DELETE /subscriptions/{name}/positions/{key}           forgets a retired consumer's position
 * GET    /subscriptions/{name}/dead-letters?after=&amp;limit=
 * POST   /subscriptions/{name}/dead-letters/replay       replays them all
 * GET    /subscriptions/{name}/dead-letters/{id}?payload=true
 * POST   /subscriptions/{name}/dead-letters/{id}/replay
 * DELETE /subscriptions/{name}/dead-letters/{id}
 * GET    /subscriptions/{name}/feed?types=A,B            live Server-Sent Events (see {@link LiveFeed})
 * GET    /schemas?after=&amp;limit=                         the schema registry: types, versions, upcast paths
 * GET    /schemas/{name}/{version}                       one schema with its JSON Schema
 * GET    /caller                                         who is calling, with which roles (for the dashboard)
 * </pre>
 */
public final class ManagementApi {

    private static final System.Logger LOG = System.getLogger(ManagementApi.class.getName());

    private final ObjectMapper json;
    private final EventStore store;
    private final Topology topology;
    private final StreamsResource streams;
    private final SubscriptionsResource subscriptions;
    private final DeadLettersResource deadLetters;
    private final SchemasResource schemas;
    private final SubjectsResource subjects;

    /** The API over the application's store, topology, subscriptions and schema registry. */
    public ManagementApi(
            EventStore store,
            Topology topology,
            Subscriptions subscriptions,
            RunningConsumers running,
            SchemaRegistry schemas) {
        this.json = ManagementJson.mapper();
        this.store = store;
        this.topology = topology;
        this.streams = new StreamsResource(store, topology);
        this.subscriptions = new SubscriptionsResource(topology, subscriptions, running);
        this.deadLetters = new DeadLettersResource(subscriptions);
        this.schemas = new SchemasResource(schemas, json);
        this.subjects = new SubjectsResource(store);
    }

    /** The JSON mapper of the API's documents. */
    ObjectMapper json() {
        return json;
    }

    /** {@code answer}'s body as JSON bytes. */
    byte[] write(ApiAnswer answer) {
        try {
            return answer.body() == null ? new byte[0] : json.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Answers {@code call}; never throws. */
    ApiAnswer handle(ApiCall call) {
        try {
            if (!call.caller().authenticated()) {
                throw ApiProblem.unauthenticated();
            }
            return route(call);
        } catch (ApiProblem problem) {
            return ApiAnswer.of(problem);
        } catch (StoreUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "management API: the store is unavailable: {0}", e.getMessage());
            return ApiAnswer.of(ApiProblem.unavailable(e.getMessage() + "; try again when the database is back"));
        } catch (IllegalArgumentException e) {
            return ApiAnswer.of(ApiProblem.badInput("path", e.getMessage()));
        }
    }

    /** Whether {@code call} asks for a live feed, which the servlet serves itself after {@link #feed}. */
    static boolean isFeed(ApiCall call) {
        List<String> path = call.path();
        return path.size() == 3
                && path.get(0).equals("subscriptions")
                && path.get(2).equals("feed");
    }

    /**
     * Checks a call for a live feed and says what to send: the subscription's category, the types asked for
     * ({@code types}, comma-separated; the subscription's own filter otherwise), and where to start — after the
     * {@code Last-Event-ID} the client sent, else after {@code after}, else from now on.
     *
     * @throws ApiProblem when the caller may not read, the subscription is unknown, its events are not kept in
     *     this store, or a position is not a number
     */
    FeedStart feed(ApiCall call, @Nullable String lastEventId) {
        if (!call.caller().authenticated()) {
            throw ApiProblem.unauthenticated();
        }
        read(call, "GET");
        String name = call.segment(1);
        SubscriptionDefinition definition = subscriptions.definition(name);
        StreamDefinition stream = topology.stream(definition.stream()).orElseThrow();
        if (stream.type() != StreamType.PERSISTENT || stream.scope() == StreamScope.EXTERNAL) {
            throw ApiProblem.conflict("subscription " + name + " follows " + stream.type() + " " + stream.scope()
                    + " stream " + stream.category() + ", whose events this store does not keep; the live feed"
                    + " follows persistent streams of this service");
        }
        Set<String> types = call.parameter("types")
                .map(list -> Set.of(list.split(",")).stream()
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(definition.eventTypes());
        long after;
        if (lastEventId != null) {
            after = position(lastEventId, "Last-Event-ID");
        } else {
            after = call.parameter("after").map(text -> position(text, "after")).orElseGet(store::headPosition);
        }
        return new FeedStart(name, stream.category(), types, after);
    }

    private static long position(String text, String field) {
        try {
            long position = Long.parseLong(text.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badInput(
                field, field + " must be a global position (a whole number, 0 or more); got '" + text + "'");
    }

    /** Where a live feed starts. */
    record FeedStart(String subscription, String category, Set<String> types, long after) {}

    private ApiAnswer route(ApiCall call) {
        List<String> path = call.path();
        int size = path.size();
        if (size >= 1 && path.get(0).equals("streams")) {
            return routeStreams(call, size);
        }
        if (size >= 1 && path.get(0).equals("subscriptions")) {
            return routeSubscriptions(call, size);
        }
        if (size >= 1 && path.get(0).equals("schemas")) {
            return routeSchemas(call, size);
        }
        if (size == 3 && path.get(0).equals("subjects") && path.get(2).equals("key")) {
            only(call, "DELETE");
            admin(call, "forgetting a data subject");
            return ApiAnswer.ok(subjects.forget(call.segment(1)));
        }
        if (size == 1 && path.get(0).equals("caller")) {
            read(call, "GET");
            return ApiAnswer.ok(CallerView.of(call.caller()));
        }
        throw notFound(call);
    }

    private ApiAnswer routeStreams(ApiCall call, int size) {
        read(call, "GET");
        switch (size) {
            case 1:
                return ApiAnswer.ok(streams.categories());
            case 2:
                return ApiAnswer.ok(streams.streams(call.segment(1), Paging.of(call)));
            case 3:
                return ApiAnswer.ok(streams.stream(call.segment(1), call.segment(2)));
            case 4:
                if (call.segment(3).equals("verification")) {
                    return ApiAnswer.ok(streams.verify(call.segment(1), call.segment(2)));
                }
                throw notFound(call);
            default:
                throw notFound(call);
        }
    }

    private ApiAnswer routeSchemas(ApiCall call, int size) {
        read(call, "GET");
        if (size == 1) {
            return ApiAnswer.ok(schemas.list(Paging.of(call)));
        }
        if (size == 3) {
            return ApiAnswer.ok(schemas.one(call.segment(1), call.segment(2)));
        }
        throw notFound(call);
    }

    private ApiAnswer routeSubscriptions(ApiCall call, int size) {
        if (size == 1) {
            read(call, "GET");
            return ApiAnswer.ok(subscriptions.list(Paging.of(call)));
        }
        String name = call.segment(1);
        if (size == 2) {
            read(call, "GET");
            return ApiAnswer.ok(subscriptions.one(name));
        }
        subscriptions.definition(name);
        String part = call.segment(2);
        if (part.equals("positions") && size == 4) {
            String key = call.segment(3);
            if (call.method().equals("PUT")) {
                admin(call, "resetting a position");
                return ApiAnswer.ok(subscriptions.reset(name, key, body(call)));
            }
            if (call.method().equals("DELETE")) {
                admin(call, "removing a position");
                subscriptions.remove(name, key);
                return ApiAnswer.noContent();
            }
            throw ApiProblem.methodNotAllowed(call.method(), "PUT or DELETE");
        }
        if (part.equals("dead-letters")) {
            return routeDeadLetters(call, name, size);
        }
        throw notFound(call);
    }

    private ApiAnswer routeDeadLetters(ApiCall call, String name, int size) {
        if (size == 3) {
            read(call, "GET");
            return ApiAnswer.ok(deadLetters.list(name, Paging.of(call)));
        }
        if (size == 4 && call.segment(3).equals("replay")) {
            only(call, "POST");
            admin(call, "replaying dead letters");
            return ApiAnswer.ok(deadLetters.replayAll(name));
        }
        String id = call.segment(3);
        if (size == 4) {
            if (call.method().equals("GET")) {
                boolean payload =
                        call.parameter("payload").map(Boolean::parseBoolean).orElse(false);
                if (payload) {
                    admin(call, "reading a dead letter's payload");
                } else {
                    read(call, "GET");
                }
                return ApiAnswer.ok(deadLetters.one(name, id, payload));
            }
            if (call.method().equals("DELETE")) {
                admin(call, "deleting a dead letter");
                deadLetters.delete(name, id);
                return ApiAnswer.noContent();
            }
            throw ApiProblem.methodNotAllowed(call.method(), "GET or DELETE");
        }
        if (size == 5 && call.segment(4).equals("replay")) {
            only(call, "POST");
            admin(call, "replaying a dead letter");
            deadLetters.replay(name, id);
            return ApiAnswer.noContent();
        }
        throw notFound(call);
    }

    private static void read(ApiCall call, String method) {
        only(call, method);
        if (!call.caller().mayRead()) {
            throw ApiProblem.forbidden(Roles.VIEWER + " or " + Roles.ADMIN, "reading");
        }
    }

    private static void only(ApiCall call, String method) {
        if (!call.method().equals(method)) {
            throw ApiProblem.methodNotAllowed(call.method(), method);
        }
    }

    private static void admin(ApiCall call, String what) {
        if (!call.caller().admin()) {
            throw ApiProblem.forbidden(Roles.ADMIN, what);
        }
    }

    private JsonNode body(ApiCall call) {
        try {
            JsonNode body = json.readTree(call.body());
            if (body == null || !body.isObject()) {
                throw ApiProblem.badInput("body", "the body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw ApiProblem.badInput("body", "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static ApiProblem notFound(ApiCall call) {
        return ApiProblem.notFound("nothing at /" + String.join("/", call.path())
                + "; GET /streams, GET /subscriptions or GET /schemas to start");
    }
}
