package org.assay.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** One request being handled: who asks, the path values, the body (size-limited) and the reply. */
final class Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Caller caller;
    private final Map<String, String> params;
    private final long maxBodyBytes;

    Exchange(HttpServletRequest request, HttpServletResponse response, Caller caller, Map<String, String> params,
            long maxBodyBytes) {
        this.request = request;
        this.response = response;
        this.caller = caller;
        this.params = params;
        this.maxBodyBytes = maxBodyBytes;
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    /** The logged-in user, or null on a public endpoint. */
    Caller caller() {
        return caller;
    }

    /** The user name recorded with a write. */
    String principal() {
        return caller.user();
    }

    /** A {@code {name}} segment of the path, already decoded and checked ({@link ApiServlet}). */
    String param(String name) {
        return params.get(name);
    }

    /** A query parameter, or null. */
    String query(String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    int intQuery(String name, int fallback, int min, int max) {
        String v = query(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw ApiProblem.badRequest(name + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be a whole number, not '" + v + "'");
        }
    }

    /**
     * The request body, at most the configured limit, as JSON ({@code application/json}).
     *
     * @throws ApiProblem 415 for another content type, 413 when larger than the limit
     */
    byte[] jsonBody() throws IOException {
        String type = request.getContentType();
        byte[] body = body();
        if (body.length > 0 && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as Content-Type: application/json, not " + (type == null ? "none" : type));
        }
        return body;
    }

    <T> T jsonBody(Class<T> type) throws IOException {
        return Json.read(jsonBody(), type);
    }

    private byte[] body() throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + n > maxBodyBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // The client stopped sending (Content-Length larger than the body, a dropped connection).
            throw ApiProblem.badRequest("the request body ended early: " + (declared >= 0
                    ? "expected " + declared + " bytes, got " + out.size() : "the connection broke"));
        }
        return out.toByteArray();
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(413, "body-too-large", "Body too large", "request bodies are limited to "
                + maxBodyBytes / 1024 + " KiB (maxBodyKib in etc/org.assay.rest.cfg)");
    }

    void json(int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    void json(JsonNode body) throws IOException {
        json(200, body);
    }

    void text(String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    void noContent() {
        response.setStatus(204);
    }
}
