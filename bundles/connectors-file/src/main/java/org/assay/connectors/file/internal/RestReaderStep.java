package org.assay.connectors.file.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.secrets.SecretReader;

/** One run of {@code rest-reader}. See {@link RestReaderStepType}. */
final class RestReaderStep implements Step {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private final RestReaderParameters p;
    private final SecretReader secrets;
    private long lastRequest;

    RestReaderStep(RestReaderParameters p, SecretReader secrets) {
        this.p = p;
        this.secrets = secrets;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        URI first = URI.create(p.url());
        List<String> hosts = p.allowHosts().isEmpty() ? List.of(first.getHost()) : p.allowHosts();
        UrlGuard guard = new UrlGuard(hosts, p.allowPrivateAddresses());
        Map<String, String> headers = resolveHeaders("run " + ctx.runId() + ", step " + ctx.stepId());
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(p.timeoutSeconds())).build();
        JsonColumns columns = null;
        JsonReaderStep.Writer writer = null;
        long number = 0;
        String next = p.url();
        int pages = 0;
        while (next != null) {
            ctx.checkCancelled();
            if (pages == p.maxPages()) {
                ctx.log().warn("rest-reader: stopped after maxPages ({}) pages; raise it to read further", pages);
                break;
            }
            URI uri;
            try {
                uri = guard.check(next);
            } catch (UrlGuard.Refused e) {
                throw new StepFailure("rest-reader: " + (pages == 0 ? "parameter url" : "page " + (pages + 1))
                        + ": " + e.getMessage());
            }
            Page page = fetch(ctx, client, uri, headers, pages + 1);
            pages++;
            JsonNode list = p.records().map(r -> page.body().at(JsonRecords.pointer(r))).orElse(page.body());
            if (!list.isArray()) {
                throw new StepFailure("rest-reader: page " + pages + " has no array of records "
                        + p.records().map(r -> "at " + r).orElse("(the page is not an array; set records, e.g."
                                + " \"/data\")"));
            }
            if (columns == null) {
                List<JsonNode> sample = new ArrayList<>();
                for (JsonNode n : list) {
                    if (n.isObject() && sample.size() < JsonRecords.SAMPLE) {
                        sample.add(n);
                    }
                }
                if (sample.isEmpty() && p.columns().isEmpty()) {
                    ctx.log().info("rest-reader: the first page has no records");
                    ctx.output(PortSpec.OUT, Schema.of(List.of()));
                    return;
                }
                columns = JsonColumns.plan(p.asJson(), sample);
                BatchSink out = ctx.output(PortSpec.OUT, columns.schema());
                writer = new JsonReaderStep.Writer(ctx, columns, out);
            }
            for (JsonNode n : list) {
                writer.record(new JsonRecords.Next(++number, n, null));
            }
            next = nextPage(page, list.isEmpty(), pages, number);
        }
        if (writer != null) {
            writer.finish();
        }
        ctx.log().info("rest-reader: read {} records from {} pages", number, pages);
    }

    /** A page: its parsed body and its Link header. */
    private record Page(JsonNode body, String link) {
    }

    /** The wait before try {@code attempt} + 1: the server's Retry-After in seconds, else 1, 2, 4 ... s; at most 60 s. */
    static long backoffMillis(HttpResponse<?> response, int attempt) {
        if (response != null) {
            java.util.Optional<String> after = response.headers().firstValue("Retry-After");
            if (after.isPresent() && after.get().trim().matches("\\d{1,5}")) {
                return Math.min(60_000L, Long.parseLong(after.get().trim()) * 1000);
            }
        }
        return Math.min(60_000L, 1000L << Math.min(attempt, 6));
    }

    /** Waits so that requests keep to requestsPerSecond. */
    private void pace() throws InterruptedException {
        if (p.requestsPerSecond().isEmpty()) {
            return;
        }
        long gap = (long) Math.ceil(1_000_000_000L / p.requestsPerSecond().get());
        long now = System.nanoTime();
        if (lastRequest != 0 && now - lastRequest < gap) {
            long sleep = gap - (now - lastRequest);
            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
        lastRequest = System.nanoTime();
    }

    private Page fetch(StepContext ctx, HttpClient client, URI uri, Map<String, String> headers, int page)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(p.timeoutSeconds()))
                .header("Accept", "application/json").GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = null;
        for (int attempt = 0; ; attempt++) {
            pace();
            String failure;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    break;
                }
                failure = "answered HTTP " + status;
                response.body().close();
            } catch (HttpTimeoutException e) {
                failure = "did not answer within " + p.timeoutSeconds() + " s";
            } catch (IOException e) {
                failure = "cannot be reached (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            }
            if (attempt >= p.retries()) {
                throw new StepFailure("rest-reader: page " + page + " (" + hostOf(uri) + ") " + failure + ", also after "
                        + p.retries() + " retries; check the service, or raise retries or timeoutSeconds");
            }
            long wait = backoffMillis(response, attempt);
            ctx.log().info("rest-reader: page {} {}; trying again in {} ms", page, failure, wait);
            Thread.sleep(wait);
            ctx.checkCancelled();
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                throw new StepFailure("rest-reader: page " + page + " redirects (HTTP " + status + ") to "
                        + response.headers().firstValue("Location").orElse("?") + "; redirects are not followed: put"
                        + " the final URL in url (and its host in allowHosts)");
            }
            if (status != 200) {
                throw new StepFailure("rest-reader: page " + page + " answered HTTP " + status
                        + (status == 401 || status == 403 ? "; check the credentials in headers" : ""));
            }
            long limit = (long) p.maxPageMib() << 20;
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new StepFailure("rest-reader: page " + page + " is larger than maxPageMib (" + p.maxPageMib()
                        + " MiB); raise it or ask the service for smaller pages");
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new StepFailure("rest-reader: page " + page + " is not JSON ("
                        + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            return new Page(node == null ? MAPPER.createArrayNode() : node,
                    response.headers().firstValue("Link").orElse(null));
        }
    }

    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private String nextPage(Page page, boolean empty, int pages, long records) {
        switch (p.paging()) {
            case LINK_HEADER -> {
                if (page.link() == null) {
                    return null;
                }
                Matcher m = NEXT_LINK.matcher(page.link());
                return m.find() ? URI.create(p.url()).resolve(m.group(1)).toString() : null;
            }
            case NEXT_FIELD -> {
                JsonNode n = page.body().at(JsonRecords.pointer(p.nextField().orElseThrow()));
                return n.isTextual() && !n.asText().isBlank() ? URI.create(p.url()).resolve(n.asText()).toString()
                        : null;
            }
            case PAGE_NUMBER -> {
                return empty ? null : withPage(p.url(), p.pageParameter(), Integer.toString(pages + 1));
            }
            case OFFSET -> {
                return empty ? null : withPage(p.url(), p.pageParameter(), Long.toString(records));
            }
            case CURSOR -> {
                JsonNode n = page.body().at(JsonRecords.pointer(p.nextField().orElseThrow()));
                String token = n.isTextual() || n.isNumber() ? n.asText() : "";
                return token.isBlank() || empty ? null : withPage(p.url(), p.pageParameter(),
                        java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
            }
            default -> {
                return null;
            }
        }
    }

    static String withPage(String url, String parameter, String value) {
        URI u = URI.create(url);
        String query = u.getRawQuery() == null ? "" : u.getRawQuery();
        List<String> parts = new ArrayList<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith(parameter + "=")) {
                parts.add(part);
            }
        }
        parts.add(parameter + "=" + value);
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String fragmentless = base.contains("#") ? base.substring(0, base.indexOf('#')) : base;
        return fragmentless + "?" + String.join("&", parts);
    }

    /** Header values with each $[secret:NAME] replaced by the secret, read through the SecretReader. */
    private Map<String, String> resolveHeaders(String usedBy) throws StepFailure {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : p.headers().entrySet()) {
            Matcher m = RestReaderParameters.SECRET.matcher(e.getValue());
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(secret(m.group(1), e.getKey(), usedBy)));
            }
            m.appendTail(b);
            out.put(e.getKey(), b.toString());
        }
        return out;
    }

    private String secret(String name, String header, String usedBy) throws StepFailure {
        try {
            byte[] bytes = secrets.read(name, usedBy + " (rest-reader header " + header + ")").orElseThrow(
                    () -> new StepFailure("rest-reader: header " + header + " names the secret '" + name + "', which is"
                            + " not set: set it with assay:secret-set " + name + " (admin role)"));
            String value = new String(bytes, StandardCharsets.UTF_8).strip();
            java.util.Arrays.fill(bytes, (byte) 0);
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new StepFailure("rest-reader: the secret '" + name + "' holds more than one line; a header"
                        + " value must be one line");
            }
            return value;
        } catch (IOException e) {
            throw new StepFailure("rest-reader: the secret '" + name + "' cannot be read ("
                    + e.getClass().getSimpleName() + "); check that Karaf's user owns etc/" + name);
        }
    }
}
