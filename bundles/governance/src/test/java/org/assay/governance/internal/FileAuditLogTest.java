package org.assay.governance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditQuery;
import org.assay.api.audit.AuditVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {

    @TempDir
    Path dir;
    Path file;
    FileAuditLog log;

    @BeforeEach
    void fourEntries() throws IOException {
        file = dir.resolve("audit").resolve("audit.jsonl");
        log = new FileAuditLog(file, Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        log.record("ann", AuditAction.DEPLOY, "customer-quality", Map.of("version", "1"));
        log.record("bob", AuditAction.RUN, "20261202-0001", Map.of("trigger", "on demand"));
        log.record("ann", AuditAction.CANCEL, "20261202-0001", null);
        log.record(null, AuditAction.SECRET, "crm_db_password", Map.of("change", "set"));
    }

    @Test
    void anUntouchedLogVerifiesAndChainsEachLineToThePreviousOne() throws IOException {
        AuditVerification v = log.verify();
        assertTrue(v.intact(), v.problem());
        assertEquals(4, v.entries());
        List<String> lines = lines();
        assertTrue(lines.get(0).contains("\"prev\":\"" + AuditChain.GENESIS + "\""));
        assertTrue(lines.get(1).contains("\"prev\":\"" + AuditChain.sha256(lines.get(0)) + "\""));
        assertEquals(AuditChain.sha256(lines.get(3)), v.head());
    }

    @Test
    void anEditedLineBreaksTheNextLink() throws IOException {
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("\"bob\"", "\"eve\""));
        write(lines);
        AuditVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(3, v.badLine());
        assertTrue(v.problem().contains("line 2 was edited"), v.problem());
    }

    @Test
    void aRemovedLineIsFound() throws IOException {
        List<String> lines = lines();
        lines.remove(1);
        write(lines);
        AuditVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(2, v.badLine());
        assertTrue(v.problem().contains("removed"), v.problem());
    }

    @Test
    void reorderedLinesAreFound() throws IOException {
        List<String> lines = lines();
        Collections.swap(lines, 1, 2);
        write(lines);
        assertFalse(log.verify().intact());
    }

    @Test
    void anEditedOrCutLastLineIsFoundThroughTheHead() throws IOException {
        List<String> lines = lines();
        lines.set(3, lines.get(3).replace("crm_db_password", "other"));
        write(lines);
        AuditVerification v = log.verify();
        assertFalse(v.intact());
        assertTrue(v.problem().contains("last line"), v.problem());

        lines.remove(3);
        write(lines);
        assertFalse(log.verify().intact());
    }

    @Test
    void aReopenedLogContinuesTheChain() throws IOException {
        FileAuditLog again = new FileAuditLog(file, Clock.systemUTC());
        AuditEntry e = again.record("ann", AuditAction.ERASE, "C00042", Map.of("rows", "3"));
        assertEquals(5, e.seq());
        assertTrue(again.verify().intact(), again.verify().problem());
    }

    @Test
    void queriesFilterByUserActionTargetAndTimeAndKeepTheNewest() {
        assertEquals(2, log.query(AuditQuery.all().withPrincipal("ann")).size());
        assertEquals(List.of("system"), log.query(AuditQuery.all().withAction(AuditAction.SECRET)).stream()
                .map(AuditEntry::principal).toList());
        assertEquals(2, log.query(AuditQuery.all().withTarget("20261202-0001")).size());
        assertEquals(0, log.query(AuditQuery.all().withSince(Instant.parse("2026-12-02T10:00:01Z"))).size());
        assertEquals(0, log.query(AuditQuery.all().withUntil(Instant.parse("2026-12-02T10:00:00Z"))).size());
        List<AuditEntry> newest = log.query(AuditQuery.all().withLimit(2));
        assertEquals(List.of(3L, 4L), newest.stream().map(AuditEntry::seq).toList());
        assertEquals(Map.of("trigger", "on demand"), log.query(AuditQuery.all().withAction(AuditAction.RUN)).get(0)
                .details());
    }

    @Test
    void aValueWithANewlineStaysOnOneLine() throws IOException {
        log.record("ann", AuditAction.ROLE, "a\nb", Map.of("x", "1\n2"));
        assertEquals(5, lines().size());
        assertTrue(log.verify().intact());
        assertEquals("a\nb", log.query(AuditQuery.all().withAction(AuditAction.ROLE)).get(0).target());
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
