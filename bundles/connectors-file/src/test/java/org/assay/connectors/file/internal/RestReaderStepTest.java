package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestReaderStepTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private String base;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/customers", x -> {
            authorization.set(x.getRequestHeaders().getFirst("Authorization"));
            String q = x.getRequestURI().getQuery();
            int page = q == null || !q.contains("page=") ? 1
                    : Integer.parseInt(q.replaceAll(".*page=(\\d+).*", "$1"));
            String body = page <= 2 ? "[{\"id\": " + (2 * page - 1) + ", \"name\": \"a\"}, {\"id\": " + 2 * page
                    + ", \"name\": \"b\"}]" : "[]";
            reply(x, 200, body, page < 2 ? "<" + base + "/customers?page=" + (page + 1) + ">; rel=\"next\"" : null);
        });
        server.createContext("/wrapped", x -> {
            boolean second = x.getRequestURI().getPath().endsWith("/2");
            reply(x, 200, "{\"data\": [{\"id\": " + (second ? 3 : 1) + ", \"orders\": [{\"sku\": \"x\"}, {\"sku\":"
                    + " \"y\"}]}], \"next\": " + (second ? "null" : "\"/wrapped/2\"") + "}", null);
        });
        server.createContext("/forever", x -> reply(x, 200, "{\"data\": [{\"id\": 1}], \"next\": \"/forever\"}", null));
        server.createContext("/elsewhere", x -> reply(x, 200,
                "{\"data\": [{\"id\": 1}], \"next\": \"http://169.254.169.254/latest/meta-data\"}", null));
        server.createContext("/redirect", x -> {
            x.getResponseHeaders().add("Location", "http://169.254.169.254/");
            reply(x, 302, "", null);
        });
        server.createContext("/secret-only", x -> reply(x, "Bearer tok-123".equals(x.getRequestHeaders()
                .getFirst("Authorization")) ? 200 : 401, "[{\"id\": 7}]", null));
        server.createContext("/big", x -> reply(x, 200, "[" + "{\"id\": 1},".repeat(200_000) + "{\"id\": 2}]", null));
        server.createContext("/broken", x -> reply(x, 200, "[{\"id\": 1}, {\"id\": ", null));
        server.createContext("/typed", x -> reply(x, 200, "[{\"id\": 1}, {\"id\": \"two\"}, 5]", null));
        AtomicInteger flaky = new AtomicInteger();
        server.createContext("/flaky", x -> {
            x.getResponseHeaders().add("Retry-After", "0");
            reply(x, flaky.incrementAndGet() <= 2 ? 503 : 200, "[{\"id\": 1}]", null);
        });
        server.createContext("/busy", x -> {
            x.getResponseHeaders().add("Retry-After", "0");
            reply(x, 429, "", null);
        });
        server.createContext("/offset", x -> {
            String q = x.getRequestURI().getQuery();
            int offset = Integer.parseInt(q.replaceAll(".*offset=(\\d+).*", "$1"));
            reply(x, 200, offset < 4 ? "[{\"id\": " + (offset + 1) + "}, {\"id\": " + (offset + 2) + "}]" : "[]", null);
        });
        server.createContext("/cursor", x -> {
            String q = x.getRequestURI().getRawQuery();
            boolean second = q != null && q.contains("cursor=abc%2B1");
            reply(x, 200, "{\"items\": [{\"id\": " + (second ? 2 : 1) + "}], \"meta\": {\"next\": "
                    + (second ? "null" : "\"abc+1\"") + "}}", null);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void reply(HttpExchange x, int status, String body, String link) throws IOException {
        requests.incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (link != null) {
            x.getResponseHeaders().add("Link", link);
        }
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    /** The secrets as files of the test folder, the way the secrets bundle keeps them. */
    private org.assay.secrets.SecretReader secrets() {
        return (name, usedBy) -> {
            Path f = dir.resolve(name);
            return java.nio.file.Files.isRegularFile(f) ? java.util.Optional.of(java.nio.file.Files.readAllBytes(f))
                    : java.util.Optional.empty();
        };
    }

    private StepTestRunner runner(String path) {
        return new StepTestRunner(new RestReaderStepType(secrets()), dir).param("url", base + path)
                .param("allowPrivateAddresses", true);
    }

    @Test
    void followsTheLinkHeaderAcrossPages() throws Exception {
        StepTestRunner r = runner("/customers").param("paging", "link-header").run();
        assertEquals(List.of(1L, 2L, 3L, 4L), r.output().stream().map(o -> o[0]).toList());
        assertEquals(2, requests.get());
        r.assertRowsAccountedFor();
    }

    @Test
    void pageNumbersUntilAnEmptyPage() throws Exception {
        StepTestRunner r = runner("/customers?sort=id").param("paging", "page-number").run();
        assertEquals(4, r.output().size());
        assertEquals(3, requests.get(), "the third page is empty and ends it");
        assertEquals(base + "/customers?sort=id&page=3", RestReaderStep.withPage(base + "/customers?sort=id&page=1",
                "page", "3"));
    }

    @Test
    void retriesAfter503AndGivesUpOnA429ThatLasts() throws Exception {
        StepTestRunner r = runner("/flaky").run();
        assertEquals(1, r.output().size());
        assertEquals(3, requests.get(), "two 503s, then the page");
        StepFailure f = assertThrows(StepFailure.class, runner("/busy").param("retries", 2)::run);
        assertTrue(f.getMessage().contains("HTTP 429, also after 2 retries"), f.getMessage());
        assertEquals(3 + 3, requests.get());
        assertEquals(4000, RestReaderStep.backoffMillis(null, 2));
        assertEquals(60_000, RestReaderStep.backoffMillis(null, 12));
    }

    @Test
    void offsetAndCursorPaging() throws Exception {
        StepTestRunner offset = runner("/offset?offset=0").param("paging", "offset").param("pageParameter", "offset")
                .param("requestsPerSecond", 50.0).run();
        assertEquals(List.of(1L, 2L, 3L, 4L), offset.output().stream().map(o -> o[0]).toList());
        StepTestRunner cursor = new StepTestRunner(new RestReaderStepType(secrets()), dir.resolve("c"))
                .param("url", base + "/cursor").param("allowPrivateAddresses", true).param("records", "/items")
                .param("paging", "cursor").param("nextField", "/meta/next").param("pageParameter", "cursor")
                .param("maxPages", 5).run();
        assertEquals(List.of(1L, 2L), cursor.output().stream().map(o -> o[0]).toList(), "the token is URL-encoded");
    }

    @Test
    void recordsInAFieldWithANextFieldAndExplode() throws Exception {
        StepTestRunner r = runner("/wrapped").param("records", "/data").param("paging", "next-field")
                .param("nextField", "/next").param("explode", "/orders")
                .param("paths", Map.of("id", "/id", "sku", "/orders/sku")).run();
        assertEquals(List.of("1 x", "1 y", "3 x", "3 y"), r.output().stream().map(o -> o[0] + " " + o[1]).toList());
    }

    @Test
    void maxPagesStopsAServerThatNeverEnds() throws Exception {
        StepTestRunner r = runner("/forever").param("records", "/data").param("paging", "next-field")
                .param("nextField", "/next").param("maxPages", 3).run();
        assertEquals(3, r.output().size());
        assertEquals(3, requests.get());
    }

    @Test
    void theMachinesOwnServicesAreRefusedByDefault() {
        StepTestRunner r = new StepTestRunner(new RestReaderStepType(secrets()), dir).param("url", base + "/customers");
        StepFailure f = assertThrows(StepFailure.class, r::run);
        assertTrue(f.getMessage().contains("loopback") && f.getMessage().contains("allowPrivateAddresses"),
                f.getMessage());
        assertEquals(0, requests.get(), "nothing was sent");
        assertFalse(UrlGuard.isPublic(addr("169.254.169.254")), "cloud metadata");
        assertFalse(UrlGuard.isPublic(addr("10.1.2.3")));
        assertFalse(UrlGuard.isPublic(addr("100.64.0.1")));
        assertFalse(UrlGuard.isPublic(addr("::ffff:127.0.0.1")));
        assertFalse(UrlGuard.isPublic(addr("fd00::1")));
        assertTrue(UrlGuard.isPublic(addr("93.184.216.34")));
    }

    private static InetAddress addr(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNextPageOnAnotherHostIsRefused() {
        StepTestRunner r = runner("/elsewhere").param("records", "/data").param("paging", "next-field")
                .param("nextField", "/next");
        StepFailure f = assertThrows(StepFailure.class, r::run);
        assertTrue(f.getMessage().contains("page 2") && f.getMessage().contains("169.254.169.254")
                && f.getMessage().contains("allowHosts"), f.getMessage());
    }

    @Test
    void redirectsAreNotFollowed() {
        StepFailure f = assertThrows(StepFailure.class, runner("/redirect")::run);
        assertTrue(f.getMessage().contains("redirects (HTTP 302)"), f.getMessage());
        assertEquals(1, requests.get());
    }

    @Test
    void aSecretGoesIntoTheHeaderAndNowhereElse() throws Exception {
        Files.writeString(dir.resolve("crm_token"), "tok-123\n");
        StepTestRunner r = runner("/secret-only").param("headers", Map.of("Authorization",
                "Bearer $[secret:crm_token]")).run();
        assertEquals(List.of(7L), r.output().stream().map(o -> o[0]).toList());
        StepFailure missing = assertThrows(StepFailure.class, runner("/secret-only").param("headers",
                Map.of("Authorization", "Bearer $[secret:nope]"))::run);
        assertTrue(missing.getMessage().contains("assay:secret-set nope"), missing.getMessage());
        StepFailure refused = assertThrows(StepFailure.class, runner("/secret-only")::run);
        assertTrue(refused.getMessage().contains("HTTP 401") && refused.getMessage().contains("credentials"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("tok-123"));
    }

    @Test
    void bigBrokenAndOddPagesFailOrQuarantineWithAReason() throws Exception {
        StepFailure big = assertThrows(StepFailure.class, runner("/big").param("maxPageMib", 1)::run);
        assertTrue(big.getMessage().contains("maxPageMib"), big.getMessage());
        StepFailure broken = assertThrows(StepFailure.class, runner("/broken")::run);
        assertTrue(broken.getMessage().contains("is not JSON"), broken.getMessage());
        StepFailure notArray = assertThrows(StepFailure.class, runner("/wrapped")::run);
        assertTrue(notArray.getMessage().contains("set records"), notArray.getMessage());
        StepTestRunner typed = runner("/typed").param("columns", Map.of("id", "integer")).run();
        assertEquals(1, typed.output().size());
        assertEquals(2, typed.quarantined().size());
        typed.assertRowsAccountedFor();
    }

    @Test
    void parametersRefuseWhatCannotBeFetchedSafely() {
        new StepTestRunner(new RestReaderStepType(secrets()), dir).param("url", "file:///etc/passwd")
                .assertInvalid("url", "only http and https");
        new StepTestRunner(new RestReaderStepType(secrets()), dir).param("url", "https://user:pw@example.com/x")
                .assertInvalid("url", "user or password");
        new StepTestRunner(new RestReaderStepType(secrets()), dir).param("url", "https://example.com/x")
                .param("headers", Map.of("X-A", "a\r\nHost: evil")).assertInvalid("headers", "one line");
        new StepTestRunner(new RestReaderStepType(secrets()), dir).param("url", "https://example.com/x")
                .param("headers", Map.of("X-A", "$[secret:../etc]")).assertInvalid("headers", "$[secret:name]");
        new StepTestRunner(new RestReaderStepType(secrets()), dir).param("url", "https://example.com/x")
                .param("paging", "next-field").assertInvalid("nextField", "needs");
        new StepTestRunner(new RestReaderStepType(secrets()), dir).param("url", "https://example.com/x")
                .param("allowHosts", List.of("https://example.com")).assertInvalid("allowHosts", "not a host");
    }
}
