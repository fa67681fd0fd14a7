package org.assay.dashboard.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a request path below {@code /assay} to a file of the bundle's {@code web/} folder. Only
 * plain names of known types are served: no {@code ..}, no hidden files, no backslashes or
 * encoded characters, so a request can never reach the bundle's classes or anything outside
 * {@code web/}. The pages route with the URL fragment ({@code #/runs/ID}), so every page is
 * {@code index.html}.
 */
final class Assets {

    static final String ROOT = "web/";
    static final String INDEX = "index.html";

    /** Folder and file names: letters, digits, dot, dash and underscore, not starting with a dot. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "json", "application/json");

    private Assets() {
    }

    /** A file to serve: its resource name inside the bundle and its content type. */
    record Asset(String resource, String contentType) {
    }

    /**
     * @param pathInfo the path after the servlet's {@code /assay}, as the container gives it
     *     (null or "/" for the start page)
     * @return the file, or empty when the path is not one the dashboard serves (a 404)
     */
    static Optional<Asset> resolve(String pathInfo) {
        if (pathInfo == null || pathInfo.isEmpty() || pathInfo.equals("/")) {
            return Optional.of(new Asset(ROOT + INDEX, TYPES.get("html")));
        }
        if (!pathInfo.startsWith("/") || pathInfo.endsWith("/")) {
            return Optional.empty();
        }
        String[] segments = pathInfo.substring(1).split("/", -1);
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches() || s.contains("..")) {
                return Optional.empty();
            }
        }
        String name = segments[segments.length - 1];
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Asset(ROOT + pathInfo.substring(1), type));
    }
}
