package io.streamdingo.management.http;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The management API's OpenAPI description, for MicroProfile OpenAPI: the API is one servlet, not Jakarta REST
 * resources, so there are no annotations to scan; this model reader describes every call instead. The jar's
 * {@code META-INF/microprofile-config.properties} names it in {@code mp.openapi.model.reader}, so an
 * application with {@code mpOpenAPI} shows the API at {@code /openapi} and {@code /openapi/ui} next to its own
 * Jakarta REST resources. An application that has a model reader of its own can call {@link #buildModel()}
 * from it. Paths follow {@code streamdingo.management.root}.
 */
public class ManagementOpenApi implements OASModelReader {

    private static final String JSON = "application/json";
    private static final String TAG = "StreamDingo management";
    private static final String SECURITY = "streamdingo-basic";

    @Override
    public OpenAPI buildModel() {
        ManagementSettings settings = ManagementSettings.fromConfig();
        return settings.enabled() ? describe(settings.root() + "/api") : OASFactory.createOpenAPI();
    }

    /** The description of the API served under {@code base} (for example {@code /streamdingo/api}). */
    static OpenAPI describe(String base) {
        Paths paths = OASFactory.createPaths();
        paths.addPathItem(
                base + "/streams",
                get(
                        "Declared categories with their stream and event counts and the head position",
                        List.of(),
                        "a catalog",
                        false));
        paths.addPathItem(
                base + "/streams/{category}",
                get(
                        "A category's streams by id, a page at a time",
                        List.of(path("category"), after("a stream id"), limit()),
                        "a page of streams",
                        true));
        paths.addPathItem(
                base + "/streams/{category}/{id}",
                get(
                        "One stream's version and visible range",
                        List.of(path("category"), streamId()),
                        "the stream",
                        true));
        paths.addPathItem(
                base + "/streams/{category}/{id}/verification",
                get(
                        "Walks the stream's hash chain",
                        List.of(path("category"), streamId()),
                        "intact, or the first event that does not fit",
                        true));
        paths.addPathItem(
                base + "/subscriptions",
                get(
                        "Subscriptions with positions, lag, consumers and dead letters",
                        List.of(after("a subscription name"), limit()),
                        "a page of subscriptions",
                        false));
        paths.addPathItem(
                base + "/subscriptions/{name}",
                get("One subscription", List.of(path("name")), "the subscription", true));
        paths.addPathItem(
                base + "/subscriptions/{name}/positions/{key}",
                OASFactory.createPathItem()
                        .PUT(admin(operation(
                                        "Moves the consumers of a key to a global position or to an instant",
                                        List.of(path("name"), path("key")),
                                        "the new position",
                                        true)
                                .requestBody(OASFactory.createRequestBody()
                                        .required(true)
                                        .description("{\"position\": 1234} or {\"time\": \"2026-12-01T10:00:00Z\"}")
                                        .content(json(object(Map.of(
                                                "position", integer("a global position, 0 or more"),
                                                "time", dateTime("an ISO-8601 instant"))))))))
                        .DELETE(admin(operation(
                                "Forgets a retired consumer's position; 409 while it is connected here",
                                List.of(path("name"), path("key")),
                                null,
                                true))));
        paths.addPathItem(
                base + "/subscriptions/{name}/dead-letters",
                get(
                        "A subscription's dead letters, oldest first, without payloads",
                        List.of(path("name"), after("a dead letter's id"), limit()),
                        "a page of dead letters",
                        true));
        paths.addPathItem(
                base + "/subscriptions/{name}/dead-letters/replay",
                OASFactory.createPathItem()
                        .POST(admin(operation(
                                "Delivers all of them again; answers how many",
                                List.of(path("name")),
                                "how many were replayed",
                                true))));
        paths.addPathItem(
                base + "/subscriptions/{name}/dead-letters/{id}",
                OASFactory.createPathItem()
                        .GET(operation(
                                "One dead letter; its payload only for an admin who asks",
                                List.of(
                                        path("name"),
                                        path("id"),
                                        query("payload", "true to include the decoded payload (admin)")),
                                "the dead letter",
                                true))
                        .DELETE(admin(operation("Deletes it", List.of(path("name"), path("id")), null, true))));
        paths.addPathItem(
                base + "/subscriptions/{name}/dead-letters/{id}/replay",
                OASFactory.createPathItem()
                        .POST(admin(operation(
                                "Delivers it again to this server's consumers",
                                List.of(path("name"), path("id")),
                                null,
                                true))));
        paths.addPathItem(
                base + "/subscriptions/{name}/feed",
                OASFactory.createPathItem()
                        .GET(operation(
                                        "Live feed of the subscription's stream as Server-Sent Events; resumes after"
                                                + " Last-Event-ID",
                                        List.of(
                                                path("name"),
                                                query("types", "comma-separated event type names"),
                                                query("after", "a global position to start after")),
                                        null,
                                        true)
                                .responses(OASFactory.createAPIResponses()
                                        .addAPIResponse(
                                                "200",
                                                OASFactory.createAPIResponse()
                                                        .description(
                                                                "text/event-stream: one event per stored event, id = its global"
                                                                        + " position")
                                                        .content(OASFactory.createContent()
                                                                .addMediaType(
                                                                        "text/event-stream",
                                                                        OASFactory.createMediaType())))
                                        .addAPIResponse("401", problem("no credentials"))
                                        .addAPIResponse("403", problem("neither viewer nor admin"))
                                        .addAPIResponse("404", problem("unknown subscription")))));
        paths.addPathItem(
                base + "/schemas",
                get(
                        "The schema registry by type name, then version",
                        List.of(after("name@version"), limit()),
                        "a page of schemas",
                        false));
        paths.addPathItem(
                base + "/schemas/{name}/{version}",
                get(
                        "One registered schema with its JSON Schema",
                        List.of(path("name"), path("version")),
                        "the schema",
                        true));
        paths.addPathItem(
                base + "/subjects/{subject}/key",
                OASFactory.createPathItem()
                        .DELETE(admin(operation(
                                "Forgets a data subject: deletes its key, so its personal data reads as redacted for"
                                        + " good; answers whether it had one",
                                List.of(path("subject")),
                                "the subject and whether a key was deleted",
                                false))));
        paths.addPathItem(
                base + "/caller",
                get("Who the caller is and which of the two roles they hold", List.of(), "the caller", false));
        return OASFactory.createOpenAPI()
                .paths(paths)
                .addTag(OASFactory.createTag()
                        .name(TAG)
                        .description("Operate StreamDingo: streams, subscriptions, dead letters, live feed, schema"
                                + " registry. Reads need streamdingo-viewer or streamdingo-admin, changes"
                                + " streamdingo-admin."))
                .components(OASFactory.createComponents()
                        .addSecurityScheme(
                                SECURITY,
                                OASFactory.createSecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSchema(
                                "Problem",
                                object(Map.of(
                                        "type", string("a URI naming the kind of problem"),
                                        "title", string("a short title"),
                                        "status", integer("the HTTP status"),
                                        "detail", string("what was wrong and what to do"),
                                        "field", string("the input at fault, for 400")))));
    }

    private static PathItem get(String summary, List<Parameter> parameters, String answer, boolean notFound) {
        return OASFactory.createPathItem().GET(operation(summary, parameters, answer, notFound));
    }

    private static Operation operation(String summary, List<Parameter> parameters, String answer, boolean notFound) {
        APIResponses responses = OASFactory.createAPIResponses();
        if (answer == null) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("done"));
        } else {
            responses.addAPIResponse(
                    "200",
                    OASFactory.createAPIResponse()
                            .description(answer)
                            .content(json(OASFactory.createSchema().type(Schema.SchemaType.OBJECT))));
        }
        responses
                .addAPIResponse("400", problem("bad input; the problem's field names it"))
                .addAPIResponse("401", problem("no credentials"))
                .addAPIResponse("403", problem("the caller's role may not do this"))
                .addAPIResponse("503", problem("the database is away"));
        if (notFound) {
            responses.addAPIResponse("404", problem("nothing by that name or id"));
        }
        return OASFactory.createOperation()
                .summary(summary)
                .addTag(TAG)
                .parameters(parameters)
                .responses(responses)
                .addSecurityRequirement(security());
    }

    private static Operation admin(Operation operation) {
        return operation
                .description("Needs the role streamdingo-admin.")
                .responses(operation.getResponses().addAPIResponse("409", problem("the current state forbids it")));
    }

    private static SecurityRequirement security() {
        return OASFactory.createSecurityRequirement().addScheme(SECURITY);
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String when) {
        return OASFactory.createAPIResponse()
                .description(when)
                .content(OASFactory.createContent()
                        .addMediaType(
                                "application/problem+json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent()
                .addMediaType(JSON, OASFactory.createMediaType().schema(schema));
    }

    private static Parameter path(String name) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.PATH)
                .required(true)
                .schema(string(null));
    }

    private static Parameter streamId() {
        return path("id").description("the stream id, percent-encoded as one path segment (a/b as a%2Fb)");
    }

    private static Parameter query(String name, String description) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.QUERY)
                .description(description)
                .schema(string(null));
    }

    private static Parameter after(String what) {
        return query("after", "the cursor: the previous page's next (" + what + ")");
    }

    private static Parameter limit() {
        return OASFactory.createParameter()
                .name("limit")
                .in(Parameter.In.QUERY)
                .description("items per page, 1 to " + Paging.MAX_LIMIT + " (default " + Paging.DEFAULT_LIMIT + ")")
                .schema(OASFactory.createSchema()
                        .type(Schema.SchemaType.INTEGER)
                        .minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(Paging.MAX_LIMIT)));
    }

    private static Schema object(Map<String, Schema> properties) {
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        new java.util.TreeMap<>(properties).forEach(schema::addProperty);
        return schema;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).description(description);
    }

    private static Schema dateTime(String description) {
        return string(description).format("date-time");
    }
}
