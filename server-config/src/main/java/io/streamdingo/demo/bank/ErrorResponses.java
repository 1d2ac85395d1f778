package io.streamdingo.demo.bank;

import io.streamdingo.api.StreamDingoException;
import io.streamdingo.api.StreamLockedException;
import io.streamdingo.api.WrongExpectedVersionException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Turns failures into HTTP answers that say what was wrong and what to do, as JSON. */
final class ErrorResponses {

    private static final String NOT_JSON = "the request body is not valid JSON for this endpoint";

    private ErrorResponses() {}

    static Response of(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", status.getStatusCode(), "error", message))
                .build();
    }

    /** Bad input: 400. */
    @Provider
    public static class BadInput implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return of(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** A body that is not the JSON expected: 400. */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return of(Response.Status.BAD_REQUEST, NOT_JSON);
        }
    }

    /** A body the server could not read at all: 400. */
    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return of(Response.Status.BAD_REQUEST, NOT_JSON);
        }
    }

    /**
     * What the JAX-RS runtime itself refuses (no such path 404, method not allowed 405, wrong media type 415,
     * 406): the same JSON shape, with a message saying what to send instead; 405 keeps its {@code Allow} header.
     */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response refused = e.getResponse();
            int status = refused.getStatus();
            String message =
                    switch (status) {
                        case 400 -> NOT_JSON;
                        case 404 -> "no such resource; the API is under /api/accounts (see /)";
                        case 405 ->
                            "method not allowed here; allowed: " + String.join(", ", refused.getAllowedMethods());
                        case 406 -> "this endpoint answers application/json; accept it";
                        case 415 -> "send the body as JSON, with Content-Type: application/json";
                        default -> e.getMessage();
                    };
            Response.ResponseBuilder answer = Response.status(status)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", status, "error", message));
            if (!refused.getAllowedMethods().isEmpty()) {
                answer.allow(refused.getAllowedMethods());
            }
            return answer.build();
        }
    }

    /** Unknown account: 404. */
    @Provider
    public static class NotFound implements ExceptionMapper<AccountNotFoundException> {
        @Override
        public Response toResponse(AccountNotFoundException e) {
            return of(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** Not enough money: 409. */
    @Provider
    public static class Funds implements ExceptionMapper<InsufficientFundsException> {
        @Override
        public Response toResponse(InsufficientFundsException e) {
            return of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    /** Concurrency and store failures: 409 for conflicts and locks, 503 for the rest. */
    @Provider
    public static class Store implements ExceptionMapper<StreamDingoException> {
        @Override
        public Response toResponse(StreamDingoException e) {
            boolean conflict = e instanceof WrongExpectedVersionException || e instanceof StreamLockedException;
            return of(conflict ? Response.Status.CONFLICT : Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
