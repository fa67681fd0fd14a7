package org.assay.connectors.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.assay.api.data.FieldTag;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogReaderStepTest {

    @TempDir
    Path dir;

    static final String ANN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";
    static final String LOG = String.join("\n",
            "203.0.113.7 - - [10/Oct/2024:13:55:36 -0700] \"GET /shop/item?id=42&ref=mail HTTP/1.1\" 200 2326 "
                    + "\"https://example.com/start\" \"" + ANN + "\"",
            "198.51.100.2 - alice [10/Oct/2024:21:00:00 +0000] \"POST /checkout/done HTTP/2.0\" 302 - \"-\" "
                    + "\"Mozilla/5.0 \\\"quoted\\\" agent\"",
            "66.249.66.1 - - [10/Oct/2024:21:01:00 +0000] \"GET /robots.txt HTTP/1.1\" 404 12 \"-\" "
                    + "\"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)\"",
            "this is not a log line from 203.0.113.7",
            "",
            "192.0.2.1 - - [32/Foo/2024:99:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"" + ANN + "\"",
            "192.0.2.9 - - [10/Oct/2024:21:02:00 +0000] \"\\x16\\x03\\x01\" 400 0 \"-\" \"-\"") + "\n";

    private StepTestRunner reader(String file) {
        return new StepTestRunner(new AccessLogReaderStepType(), dir).param("path", file);
    }

    @Test
    void readsTheCombinedFormatIntoTypedColumns() throws Exception {
        Files.writeString(dir.resolve("access.log"), LOG);
        StepTestRunner r = reader("access.log").run();
        List<Object[]> rows = r.output("out");
        assertEquals(4, rows.size());
        Object[] first = rows.get(0);
        assertArrayEquals(new Object[] {1L, "203.0.113.7", null, Instant.parse("2024-10-10T20:55:36Z"), "GET", "/shop/item",
                "id=42&ref=mail", "HTTP/1.1", 200L, 2326L, "https://example.com/start", ANN, false}, java.util.Arrays.copyOf(first, 13));
        assertTrue(((String) first[13]).startsWith("h:"), "no cookie and no user: a hash of address and agent");
        Object[] alice = rows.get(1);
        assertEquals("u:alice", alice[13]);
        assertEquals(0L, alice[9], "- bytes is 0");
        assertEquals("Mozilla/5.0 \"quoted\" agent", alice[11]);
        assertEquals(true, rows.get(2)[12], "Googlebot is a bot");
        Object[] junk = rows.get(3);
        assertNull(junk[4], "a request line that is not a request has no method");
        assertEquals(true, junk[12], "no user agent: a bot");

        assertEquals(2, r.quarantined().size());
        assertEquals(4, r.quarantined().get(0).rowNumber());
        assertEquals("line 4 does not fit the log format combined", r.quarantined().get(0).reason());
        assertFalse(r.quarantined().get(0).record().contains("203.0.113.7"), "the line holds an address: masked");
        assertTrue(r.quarantined().get(1).reason().startsWith("line 6 the time [32/Foo/2024:99:00:00 +0000] is not a log time"),
                r.quarantined().get(1).reason());
        assertTrue(r.outputSchema("out").field("client").has(FieldTag.PII));
        assertTrue(r.outputSchema("out").field("visitor").has(FieldTag.PII));
        r.assertRowsAccountedFor();
    }

    @Test
    void botsCanBeDroppedAndGzipIsReadByItsBytes() throws Exception {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(dir.resolve("access.log.1")))) {
            os.write(LOG.getBytes(StandardCharsets.UTF_8));
        }
        StepTestRunner r = reader("access.log.1").param("bots", "drop").run();
        assertEquals(2, r.output("out").size());
        assertEquals(3, r.filtered(), "two bots and the blank line");
        r.assertRowsAccountedFor();
    }

    @Test
    void aCustomLogFormatWithAVisitorCookie() throws Exception {
        Files.writeString(dir.resolve("custom.log"),
                "shop.example 203.0.113.7 [10/Oct/2024:13:55:36 +0200] \"GET /a HTTP/1.1\" 200 5 \"" + ANN
                        + "\" \"theme=dark; vid=V-123; x=1\" 1234\n"
                        + "shop.example 203.0.113.7 [10/Oct/2024:13:56:36 +0200] \"GET /b HTTP/1.1\" 200 5 \"" + ANN
                        + "\" \"-\" 99\n");
        StepTestRunner r = reader("custom.log").param("format", "%v %h %t \"%r\" %>s %B \"%{User-Agent}i\" \"%{Cookie}i\" %D")
                .param("visitorCookie", "vid").run();
        assertEquals("c:V-123", r.output("out").get(0)[13]);
        assertTrue(((String) r.output("out").get(1)[13]).startsWith("h:"), "without the cookie: the hash");
        assertEquals(Instant.parse("2024-10-10T11:55:36Z"), r.output("out").get(0)[3]);
        assertNull(r.output("out").get(0)[10], "the format has no referrer");
    }

    @Test
    void theVisitorHashIsStableAndDiffersByAgent() throws Exception {
        Files.writeString(dir.resolve("a.log"), LogFormatLines.common("1.2.3.4", "/x") + "\n" + LogFormatLines.common("1.2.3.4", "/y")
                + "\n");
        List<Object[]> rows = reader("a.log").param("format", "common").run().output("out");
        assertEquals(rows.get(0)[13], rows.get(1)[13]);
        Files.writeString(dir.resolve("b.log"), LOG);
        List<Object[]> other = reader("b.log").run().output("out");
        assertNotEquals(other.get(0)[13], other.get(3)[13]);
    }

    @Test
    void badFormatsAndPathsAreRefused() {
        reader("x.log").param("format", "%h %Q %t").assertInvalid("format", "%Q is not supported");
        reader("x.log").param("format", "%h %u").assertInvalid("format", "has no %t");
        reader("").assertInvalid("path", "give the log file");
        AccessLogReaderStepType type = new AccessLogReaderStepType();
        assertEquals(AccessLogRows.SCHEMA, type.outputSchemas(Parameters.of(type.descriptor(), Map.of("path", "x.log")), Map.of())
                .orElseThrow().get("out"), "the design-time schema is known without the file");
    }

    /** Lines in the common format. */
    static final class LogFormatLines {
        static String common(String ip, String path) {
            return ip + " - - [10/Oct/2024:13:55:36 +0000] \"GET " + path + " HTTP/1.1\" 200 1";
        }
    }
}
