package org.assay.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the dashboard's static files at {@code /assay/*} on the OSGi HTTP whiteboard. The
 * REST API's servlet sits at the longer {@code /assay/api/v1/*}, so the whiteboard routes API
 * calls there and everything else here.
 *
 * <p>The files hold no data and need no login: every figure the pages show comes from the API,
 * which checks the user's credentials and role on each call. The headers keep the pages from
 * loading anything but their own files (no external fetches, no framing by other sites).
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/assay/*",
    "osgi.http.whiteboard.servlet.name=assay-dashboard",
})
public class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * ECharts sets inline styles on its tooltips, hence 'unsafe-inline' for styles only;
     * scripts come from this bundle alone.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private transient Bundle bundle;
    /** Changes with every new build of the bundle, so a browser revalidates after an update. */
    private String etagBase;

    @Activate
    void activate(BundleContext context) {
        bundle = context.getBundle();
        etagBase = bundle.getVersion() + "-" + bundle.getLastModified();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // "/assay" without the slash: relative links in index.html need the folder form.
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        Optional<Assets.Asset> asset = Assets.resolve(path);
        URL url = asset.map(a -> bundle.getEntry(a.resource())).orElse(null);
        if (url == null) {
            // A short text, not the container's HTML error page that names the servlet.
            securityHeaders(response);
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("Not found. The dashboard is at " + request.getContextPath()
                    + request.getServletPath() + "/\n");
            return;
        }
        String etag = "\"" + etagBase + "\"";
        securityHeaders(response);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        URLConnection connection = url.openConnection();
        response.setContentType(asset.get().contentType());
        long length = connection.getContentLengthLong();
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        try (InputStream in = connection.getInputStream()) {
            if (body) {
                OutputStream out = response.getOutputStream();
                in.transferTo(out);
            }
        }
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }
}
