package org.assay.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The endpoint table: method, path template ({@code /runs/{runId}}), the role it needs and its
 * handler. The OpenAPI test walks the same table, so a route cannot go undocumented.
 */
final class Routes {

    @FunctionalInterface
    interface Handler {
        void handle(Exchange ex) throws Exception;
    }

    record Route(String method, String template, Role role, Handler handler) {

        List<String> segments() {
            return split(template);
        }

        /** Whether it changes something: it needs more than the viewer role. */
        boolean isWrite() {
            return role == Role.OPERATOR || role == Role.ADMIN;
        }
    }

    /** A route that matched a path, with the values of its {@code {name}} segments. */
    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String template, Role role, Handler handler) {
        routes.add(new Route(method, template, role, handler));
        return this;
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    /**
     * The route for a method and decoded path segments. Literal segments beat {@code {name}}
     * ones, so {@code /workflows/validate} is not a workflow called "validate".
     *
     * @throws ApiProblem 404 when no template fits the path, 405 (with Allow) when one fits but
     *                    not for this method
     */
    Match match(String method, List<String> path) {
        Match best = null;
        int bestLiterals = -1;
        Set<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = bind(r.segments(), path);
            if (params == null) {
                continue;
            }
            allowed.add(r.method());
            int literals = (int) r.segments().stream().filter(s -> !s.startsWith("{")).count();
            if (r.method().equals(method) && literals > bestLiterals) {
                best = new Match(r, params);
                bestLiterals = literals;
            }
        }
        if (best != null) {
            return best;
        }
        if (allowed.isEmpty()) {
            throw ApiProblem.notFound("no endpoint /assay/api/v1/" + String.join("/", path)
                    + "; see /assay/api/v1/openapi.json");
        }
        throw new ApiProblem(405, "method-not-allowed", "Method not allowed",
                method + " is not allowed here; use " + String.join(", ", allowed))
                .header("Allow", String.join(", ", allowed));
    }

    private static Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{")) {
                params.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }

    static List<String> split(String template) {
        List<String> out = new ArrayList<>();
        for (String s : template.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
