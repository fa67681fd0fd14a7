package org.assay.secrets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.api.audit.AuditVerification;
import org.assay.secrets.SecretReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretReaderTest {

    @TempDir
    Path etc;

    final List<String> audited = new ArrayList<>();

    final AuditLog log = new AuditLog() {
        @Override
        public AuditEntry record(String principal, AuditAction action, String target, Map<String, String> details) {
            audited.add(action.id() + " " + target + " " + details);
            return null;
        }

        @Override
        public List<AuditEntry> query(AuditQuery query) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            return null;
        }
    };

    @Test
    void readsWhatSecretSetWroteAndAuditsTheReadNeverTheValue() throws Exception {
        new SecretStore(etc).set("crm_token", "tok-123".toCharArray());
        Files.writeString(etc.resolve("hand_edited"), "with-newline\r\n");
        FileSecretReader reader = new FileSecretReader(new SecretStore(etc));
        reader.setAudit(log);
        assertArrayEquals("tok-123".getBytes(StandardCharsets.UTF_8),
                reader.read("crm_token", "run r1, step pull").orElseThrow());
        assertArrayEquals("with-newline".getBytes(StandardCharsets.UTF_8),
                reader.read("hand_edited", "run r1, step pull").orElseThrow(), "an editor's newline is not the value");
        assertTrue(reader.read("not_set", "run r2, step p").isEmpty());
        assertEquals(List.of("secret crm_token {change=read, by=run r1, step pull}",
                "secret hand_edited {change=read, by=run r1, step pull}",
                "secret not_set {change=read, not set, by=run r2, step p}"), audited);
        assertFalse(audited.toString().contains("tok-123"));
        reader.unsetAudit(log);
        assertTrue(reader.read("crm_token", "x").isPresent(), "reads without an audit log too");
        assertEquals(3, audited.size());
    }

    @Test
    void namesThatReachOtherFilesAndLinksAreRefused() throws Exception {
        FileSecretReader reader = new FileSecretReader(new SecretStore(etc));
        for (String bad : List.of("../etc/passwd", "users.properties", "Upper", "", "a/b")) {
            assertThrows(IllegalArgumentException.class, () -> reader.read(bad, "test"), bad);
            assertFalse(SecretReader.validName(bad), bad);
        }
        Path outside = Files.writeString(etc.getParent().resolve("outside-" + System.nanoTime()), "not yours");
        Files.createSymbolicLink(etc.resolve("linked"), outside);
        assertTrue(reader.read("linked", "test").isEmpty(), "a link is not a secret");
        Files.write(etc.resolve("huge"), new byte[SecretStore.MAX_BYTES + 1]);
        IOException e = assertThrows(IOException.class, () -> reader.read("huge", "test"));
        assertTrue(e.getMessage().contains("not a secret"), e.getMessage());
        Files.delete(outside);
    }
}
