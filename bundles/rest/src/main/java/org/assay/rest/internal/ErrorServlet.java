package org.assay.rest.internal;

import java.io.IOException;
import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * The container's own error responses in the API's context (an error the API servlet did not
 * answer itself) as problem JSON, never Jetty's HTML page.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.errorPage=4xx",
        "osgi.http.whiteboard.servlet.errorPage=5xx",
        "osgi.http.whiteboard.servlet.errorPage=java.lang.Throwable",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT})
public final class ErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        ApiProblem p = switch (status) {
            case 404 -> ApiProblem.notFound("no such endpoint; see /assay/api/v1/openapi.json");
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed", "method not allowed here");
            case 413 -> new ApiProblem(413, "body-too-large", "Body too large", "the request is too large");
            default -> status >= 500
                    ? new ApiProblem(status, "internal", "Internal error", "the server failed; see the Karaf log")
                    : new ApiProblem(status, "bad-request", "Bad request", "the request was refused (HTTP " + status + ")");
        };
        ApiServlet.writeProblem(resp, p, null);
    }
}
