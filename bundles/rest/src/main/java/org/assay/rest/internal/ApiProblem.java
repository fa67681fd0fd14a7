package org.assay.rest.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: thrown by a handler, written by {@link ApiServlet} as
 * {@code application/problem+json}. The detail is shown to API users, so it says what is wrong
 * and how to fix it, and never carries a stack trace.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Prefix of every problem type. */
    static final String TYPE_BASE = "https://assay.org/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final transient ObjectNode extra = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> headers = new LinkedHashMap<>();

    ApiProblem(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Bad request", detail);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail);
    }

    int status() {
        return status;
    }

    /** Members beside type, title, status and detail (e.g. {@code problems}). */
    ObjectNode extra() {
        return extra;
    }

    ApiProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Map<String, String> headers() {
        return headers;
    }

    ObjectNode toJson(String instance) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", TYPE_BASE + type);
        o.put("title", title);
        o.put("status", status);
        o.put("detail", getMessage());
        if (instance != null) {
            o.put("instance", instance);
        }
        o.setAll(extra);
        return o;
    }
}
