package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code rest-reader}. */
record RestReaderParameters(
        @Param(description = "The first page's URL (http or https).")
        String url,
        @Param(description = "Hosts the step may fetch from, the first URL's and every next page's. Default: the"
                + " first URL's host only.", defaultValue = "[]")
        List<String> allowHosts,
        @Param(description = "Allow hosts on loopback, link-local, private or unique-local addresses (a service on"
                + " your own network). Off, a workflow cannot reach the machine's own services.",
                defaultValue = "false")
        boolean allowPrivateAddresses,
        @Param(description = "Request headers, e.g. {\"Authorization\": \"Bearer $[secret:crm_token]\"}: a"
                + " $[secret:NAME] is replaced by the secret set with assay:secret-set NAME; header values are never"
                + " logged.", defaultValue = "{}")
        Map<String, String> headers,
        @Param(description = "Where the records are in each page, as a JSON Pointer or dotted path (\"/data\","
                + " \"results\"). Default: the page is an array of records.")
        Optional<String> records,
        @Param(description = "How to find the next page.", defaultValue = "none")
        RestPaging paging,
        @Param(description = "For paging next-field: where the next page's URL is, e.g. \"/next\"; for cursor: where"
                + " the next cursor token is, e.g. \"/meta/next_cursor\".")
        Optional<String> nextField,
        @Param(description = "For paging page-number, offset and cursor: the query parameter that carries the page"
                + " number, the offset or the cursor (e.g. page, offset, cursor, starting_after).", defaultValue = "page")
        String pageParameter,
        @Param(description = "Tries again this many times after HTTP 429, a 5xx answer or a broken connection, waiting"
                + " as the server's Retry-After says, else 1, 2, 4 ... s (at most 60 s).", defaultValue = "3", min = 0,
                max = 20)
        int retries,
        @Param(description = "At most this many requests a second (an API's rate limit). Default: no limit.",
                min = 0.01, max = 1000)
        Optional<Double> requestsPerSecond,
        @Param(description = "Stop after this many pages (a server that never ends its pages).", defaultValue = "1000",
                min = 1, max = 1000000)
        int maxPages,
        @Param(description = "Largest page body, in MiB.", defaultValue = "32", min = 1, max = 1024)
        int maxPageMib,
        @Param(description = "Seconds to wait for a page.", defaultValue = "30", min = 1, max = 3600)
        int timeoutSeconds,
        @Param(description = "Where each column comes from in a record, as in json-reader.", defaultValue = "{}")
        Map<String, String> paths,
        @Param(description = "Types and tags of columns, as in json-reader and csv-reader.", defaultValue = "{}")
        Map<String, String> columns,
        @Param(description = "An array in each record to make one row per element, as in json-reader.")
        Optional<String> explode) implements CheckedParameters {

    static final Pattern SECRET = Pattern.compile("\\$\\[secret:([a-z][a-z0-9_]{0,63})\\]");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        String problem = UrlGuard.syntaxProblem(url);
        if (problem != null) {
            problems.add(ParameterProblem.of("url", problem));
        }
        for (String h : allowHosts) {
            if (h.isBlank() || h.contains("/") || h.contains(":") && !h.contains("[")) {
                problems.add(ParameterProblem.of("allowHosts", "'" + h + "' is not a host name (no scheme, port or"
                        + " path)"));
            }
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (!TOKEN.matcher(e.getKey()).matches()) {
                problems.add(ParameterProblem.of("headers", "'" + e.getKey() + "' is not a header name"));
            } else if (e.getKey().equalsIgnoreCase("host") || e.getKey().equalsIgnoreCase("content-length")) {
                problems.add(ParameterProblem.of("headers", e.getKey() + " is set by the client"));
            }
            if (e.getValue().indexOf('\r') >= 0 || e.getValue().indexOf('\n') >= 0) {
                problems.add(ParameterProblem.of("headers", e.getKey() + ": a header value must be one line"));
            }
            // Every "$[secret:" must start a well-formed placeholder.
            if (SECRET.matcher(e.getValue()).replaceAll("").contains("$[secret:")) {
                problems.add(ParameterProblem.of("headers", e.getKey() + ": write a secret as $[secret:name] (lower"
                        + " case letters, digits and _)"));
            }
        }
        if ((paging == RestPaging.NEXT_FIELD || paging == RestPaging.CURSOR) && nextField.isEmpty()) {
            problems.add(ParameterProblem.of("nextField", "paging " + (paging == RestPaging.CURSOR ? "cursor needs the"
                    + " field holding the next cursor" : "next-field needs the field holding the next URL")));
        }
        if (!TOKEN.matcher(pageParameter).matches()) {
            problems.add(ParameterProblem.of("pageParameter", "'" + pageParameter + "' is not a query parameter"));
        }
        for (Optional<String> pointer : List.of(records, nextField, explode)) {
            pointer.ifPresent(x -> {
                try {
                    JsonRecords.pointer(x);
                } catch (IllegalArgumentException ex) {
                    problems.add(ParameterProblem.general(ex.getMessage()));
                }
            });
        }
        problems.addAll(new JsonReaderParameters("rest", JsonLayout.ARRAY, paths, columns, explode).problems());
        return problems;
    }

    /** The parameters json-reader's column planning takes. */
    JsonReaderParameters asJson() {
        return new JsonReaderParameters("rest", JsonLayout.ARRAY, paths, columns, explode);
    }
}
