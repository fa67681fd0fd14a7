package org.assay.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.assay.engine.RunService;
import org.assay.engine.StepCatalog;
import org.assay.engine.WorkflowService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every endpoint of /assay/api/v1: decodes and checks the path, finds the route, logs the
 * caller in (HTTP Basic through JAAS), checks the route's role and answers errors as problem
 * JSON. Handlers live in the *Api classes.
 */
@Component(service = Servlet.class, configurationPid = "org.assay.rest", property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=assay-rest-api",
        "osgi.http.whiteboard.servlet.asyncSupported=true",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT})
@Designate(ocd = RestConfig.class)
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient Routes routes;
    private final transient BasicAuth auth;
    private final transient LoginLimiter limiter;
    private final long maxBodyBytes;

    @Activate
    public ApiServlet(@Reference RunService runs, @Reference WorkflowService workflows,
            @Reference StepCatalog steps, @Reference RunEventHub events,
            @Reference ModelStoreAccess models, @Reference ReadAudit audit, RestConfig config) {
        this.routes = routes(runs, workflows, steps, events, models, audit, Math.max(1, config.maxEventStreams()));
        this.auth = new BasicAuth(config.realm());
        this.limiter = new LoginLimiter(config.loginFreeFailures(),
                Duration.ofSeconds(Math.max(1, config.loginMaxLockoutSeconds())), Clock.systemUTC());
        this.maxBodyBytes = Math.max(1, config.maxBodyKib()) * 1024L;
    }

    /** The endpoint table; {@link OpenApiTest} checks it against openapi.json. */
    static Routes routes(RunService runs, WorkflowService workflows, StepCatalog steps, RunEventHub events,
            ModelStoreAccess models, ReadAudit audit, int maxStreams) {
        Routes r = new Routes();
        r.add("GET", "/openapi.json", Role.PUBLIC, ex -> ex.text("application/json", OpenApi.document()));
        r.add("GET", "/me", Role.AUTHENTICATED, ApiServlet::me);
        new StepsApi(steps).register(r);
        new WorkflowsApi(workflows).register(r);
        new RunsApi(runs, events, audit, maxStreams).register(r);
        new ModelsApi(models).register(r);
        return r;
    }

    private static void me(Exchange ex) throws IOException {
        var o = Json.object();
        o.put("user", ex.caller().user());
        var roles = o.putArray("roles");
        ex.caller().assayRoles().forEach(roles::add);
        ex.json(o);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        try {
            Routes.Match m = routes.match(method, segments(req));
            Caller caller = null;
            if (m.route().role() != Role.PUBLIC) {
                caller = login(req);
                if (!caller.has(m.route().role())) {
                    throw new ApiProblem(403, "forbidden", "Forbidden", "user '" + caller.user() + "' lacks the role "
                            + m.route().role().roleName() + " that " + method + " " + m.route().template() + " needs");
                }
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                refuseCrossSite(req);
            }
            m.route().handler().handle(new Exchange(req, resp, caller, m.params(), maxBodyBytes));
        } catch (ApiProblem p) {
            writeProblem(resp, p, req.getRequestURI());
        } catch (NoSuchElementException e) {
            writeProblem(resp, ApiProblem.notFound(e.getMessage()), req.getRequestURI());
        } catch (IllegalArgumentException e) {
            writeProblem(resp, ApiProblem.badRequest(e.getMessage()), req.getRequestURI());
        } catch (IllegalStateException e) {
            writeProblem(resp, ApiProblem.conflict(e.getMessage()), req.getRequestURI());
        } catch (Exception e) {
            LOG.error("{} {} failed", method, req.getRequestURI(), e);
            writeProblem(resp, new ApiProblem(500, "internal", "Internal error",
                    "the server failed on this request; the Karaf log has the details"), req.getRequestURI());
        }
    }

    private Caller login(HttpServletRequest req) {
        return login(req, auth::login, limiter);
    }

    /**
     * Logs in, unless the address or user is locked out after failed logins (429 with
     * Retry-After, JAAS not asked). Missing credentials are no failed login: a browser's
     * first request carries none.
     */
    static Caller login(HttpServletRequest req, java.util.function.Function<String, Optional<Caller>> auth,
            LoginLimiter limiter) {
        String header = req.getHeader("Authorization");
        String address = req.getRemoteAddr();
        String user = BasicAuth.userOf(header);
        if (header != null) {
            Duration wait = limiter.retryAfter(address, user);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                ApiProblem p = new ApiProblem(429, "too-many-logins", "Too many failed logins",
                        "too many failed logins from this address or for this user; try again in " + seconds
                                + " s");
                p.extra().put("retryAfterSeconds", seconds);
                throw p.header("Retry-After", Long.toString(seconds));
            }
        }
        Optional<Caller> caller = header == null ? Optional.empty() : auth.apply(header);
        if (caller.isPresent()) {
            limiter.succeeded(address, user);
            return caller.get();
        }
        if (header != null) {
            limiter.failed(address, user);
            LOG.warn("Failed REST login for '{}' from {}", user == null ? "" : printable(user), address);
        }
        ApiProblem p = new ApiProblem(401, "unauthorized", "Unauthorized", req.getHeader("Authorization") == null
                ? "log in with HTTP Basic as a Karaf user (etc/users.properties)"
                : "user name or password not accepted");
        // A script's own login form asks for no browser dialog.
        if (!"XMLHttpRequest".equalsIgnoreCase(req.getHeader("X-Requested-With"))) {
            p.header("WWW-Authenticate", "Basic realm=\"assay\", charset=\"UTF-8\"");
        }
        throw p;
    }

    /**
     * Basic credentials a browser remembers would ride along with a forged cross-site form;
     * such a request names another origin, so it is refused. Scripts (curl) send no Origin.
     */
    static void refuseCrossSite(HttpServletRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        String origin = req.getHeader("Origin");
        boolean cross = "cross-site".equalsIgnoreCase(site);
        if (!cross && origin != null) {
            String host = req.getHeader("Host");
            try {
                URI o = URI.create(origin);
                String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
                cross = host == null || o.getHost() == null || !authority.equalsIgnoreCase(host);
            } catch (IllegalArgumentException e) {
                cross = true;
            }
        }
        if (cross) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "cross-site requests may not change anything; "
                    + "call the API from its own origin or without an Origin header");
        }
    }

    /**
     * The path below /assay/api/v1, split and percent-decoded segment by segment, so that an
     * encoded slash stays inside its segment and is refused with every other traversal attempt.
     */
    static List<String> segments(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String context = req.getContextPath();
        String rest = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return segments(rest);
    }

    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            String s = decode(raw);
            if (s.equals(".") || s.equals("..") || s.contains("/") || s.contains("\\")
                    || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw ApiProblem.badRequest("path segment '" + printable(s) + "' is not allowed: no '.', '..', "
                        + "slashes, backslashes or control characters in an id");
            }
            out.add(s);
        }
        return out;
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw ApiProblem.badRequest("bad percent escape in the path");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw ApiProblem.badRequest("bad percent escape in the path");
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, out.length * 2 + 4);
                    }
                    out[n++] = b;
                }
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().limit(80).forEach(c -> b.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return b.toString();
    }

    /** Writes a problem unless the response has started (a broken event stream just ends). */
    static void writeProblem(HttpServletResponse resp, ApiProblem p, String instance) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        resp.setStatus(p.status());
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
        for (Map.Entry<String, String> h : p.headers().entrySet()) {
            resp.setHeader(h.getKey(), h.getValue());
        }
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding("UTF-8");
        byte[] body = Json.MAPPER.writeValueAsBytes(p.toJson(instance));
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }
}
