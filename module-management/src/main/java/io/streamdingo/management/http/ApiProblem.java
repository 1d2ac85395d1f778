package io.streamdingo.management.http;

import org.jspecify.annotations.Nullable;

/**
 * A call the API refuses, answered as an RFC 9457 problem ({@code application/problem+json}) with the HTTP
 * status, a short title, a detail that says what to do, and — for bad input — the field at fault.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final @Nullable String field;

    private ApiProblem(int status, String title, String detail, @Nullable String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    /** 400: {@code field} holds something the API cannot take. */
    static ApiProblem badInput(String field, String detail) {
        return new ApiProblem(400, "Bad input", detail, field);
    }

    /** 401: the call needs a logged-in user. */
    static ApiProblem unauthenticated() {
        return new ApiProblem(
                401, "Not logged in", "log in as a user with the role " + Roles.VIEWER + " or " + Roles.ADMIN, null);
    }

    /** 403: the caller lacks the role. */
    static ApiProblem forbidden(String role, String what) {
        return new ApiProblem(403, "Forbidden", what + " needs the role " + role, null);
    }

    /** 404: nothing at that address. */
    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, null);
    }

    /** 405: the address exists, the method does not. */
    static ApiProblem methodNotAllowed(String method, String allowed) {
        return new ApiProblem(405, "Method not allowed", method + " is not supported here; use " + allowed, null);
    }

    /** 409: the call cannot be done in the current state. */
    static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null);
    }

    /** 503: the API cannot take the call now. */
    static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Unavailable", detail, null);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    @Nullable
    String field() {
        return field;
    }

    /** The problem document. */
    Body body() {
        return new Body("about:blank", title, status, getMessage(), field);
    }

    /** RFC 9457's members, with {@code field} as the one extension. */
    record Body(String type, String title, int status, String detail, @Nullable String field) {}
}
