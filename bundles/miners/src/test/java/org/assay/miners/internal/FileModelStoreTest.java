package org.assay.miners.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.api.audit.AuditVerification;
import org.assay.api.audit.DataProvenance;
import org.assay.api.model.ModelStore;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModelStoreTest {

    @TempDir
    Path dir;

    @Test
    void versionsPromoteAndRollBack() throws Exception {
        FileModelStore store = new FileModelStore(dir);
        ModelStore.Version v1 = store.save("churn", new byte[] {1, 2}, Map.of("metric.auc", "0.8"));
        ModelStore.Version v2 = store.save("churn", new byte[] {3}, Map.of("metric.auc", "0.9"));
        assertEquals(List.of(1, 2), store.versions("churn").stream().map(ModelStore.Version::version).toList());
        assertTrue(store.champion("churn").isEmpty());
        store.promote("churn", 1);
        store.promote("churn", 2);
        assertEquals(2, store.champion("churn").orElseThrow().version());
        assertEquals(0.9, v2.metric("auc"));
        assertEquals(1, store.rollback("churn").version());
        assertEquals(1, store.champion("churn").orElseThrow().version());
        assertThrows(IllegalStateException.class, () -> store.rollback("churn"));
        try (InputStream in = store.open("churn", 1)) {
            assertArrayEquals(new byte[] {1, 2}, in.readAllBytes());
        }
        assertEquals(FileModelStore.sha256(new byte[] {1, 2}), v1.metadata().get("sha256"));
        assertEquals(List.of("churn"), store.names());
        assertThrows(IllegalArgumentException.class, () -> store.promote("churn", 9));
    }

    /** Who promoted and who rolled back is kept with the versions and in the audit log. */
    @Test
    void promotionsAndRollbacksRecordThePrincipal() throws Exception {
        FileModelStore store = new FileModelStore(dir);
        List<String> audited = new java.util.ArrayList<>();
        store.setAudit(new AuditLog() {
            @Override
            public AuditEntry record(String principal, AuditAction action, String target, Map<String, String> details) {
                audited.add(principal + " " + action.id() + " " + target + " " + details);
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
        });
        store.save("churn", new byte[] {1}, Map.of());
        store.save("churn", new byte[] {2}, Map.of());
        store.promote("churn", 1, "alice");
        ModelStore.Version v2 = store.promote("churn", 2, "bob");
        assertEquals("bob", v2.metadata().get("promotedBy"));
        assertEquals("promote", v2.metadata().get("promotedHow"));
        ModelStore.Version back = store.rollback("churn", "carol");
        assertEquals(1, back.version());
        assertEquals("carol", back.metadata().get("promotedBy"));
        assertEquals("rollback", back.metadata().get("promotedHow"));
        assertEquals("carol", store.version("churn", 2).orElseThrow().metadata().get("demotedBy"));
        assertEquals(List.of("alice model churn {change=promoted, version=1}", "bob model churn {change=promoted, version=2}",
                "carol model churn {change=rolled back, from=2, version=1}"), audited);
        try (InputStream in = store.open("churn", 1)) {
            assertArrayEquals(new byte[] {1}, in.readAllBytes(), "the annotated version still opens (sha256 intact)");
        }
        assertEquals(ModelStore.SYSTEM, store.promote("churn", 2, " ").metadata().get("promotedBy"));
    }

    @Test
    void aModelRecordsThePurposesAndConsentBasisOfItsTrainingRun() throws Exception {
        FileModelStore store = new FileModelStore(dir);
        store.setProvenance(run -> "r1".equals(run) ? Map.of(DataProvenance.PURPOSES, "marketing",
                DataProvenance.CONSENT_BASIS, "consent-filter 'consent'") : Map.of());
        ModelStore.Version v = store.save("churn", new byte[] {1}, Map.of("run", "r1"));
        assertEquals("marketing", v.metadata().get(DataProvenance.PURPOSES));
        assertEquals("consent-filter 'consent'", v.metadata().get(DataProvenance.CONSENT_BASIS));
        assertFalse(store.save("churn", new byte[] {1}, Map.of("run", "r2")).metadata()
                .containsKey(DataProvenance.PURPOSES));
    }

    @Test
    void aChangedModelFileIsNotOpened() throws Exception {
        FileModelStore store = new FileModelStore(dir);
        store.save("m", new byte[] {1}, Map.of());
        Files.write(dir.resolve("m/v1/model.bin"), new byte[] {6, 6, 6});
        IOException e = assertThrows(IOException.class, () -> store.open("m", 1));
        assertTrue(e.getMessage().contains("changed after it was stored"), e.getMessage());
    }

    @Test
    void namesCannotEscapeTheFolder() {
        FileModelStore store = new FileModelStore(dir);
        for (String bad : List.of("../x", "a/b", "..", "", ".hidden")) {
            assertThrows(IllegalArgumentException.class, () -> store.save(bad, new byte[0], Map.of()), bad);
        }
    }

    /** A challenger is promoted only when it beats the champion on the same evaluation. */
    @Test
    void championChallengerThroughTheStep() throws Exception {
        FileModelStore store = new FileModelStore(dir.resolve("models"));
        StepTestRunner first = new StepTestRunner(new WekaClassifyStepType(store), dir.resolve("a"))
                .input("in", ChurnData.SCHEMA, ChurnData.rows(800, 11), 100)
                .param("algorithm", "weka.classifiers.rules.ZeroR").param("storeAs", "churn").run();
        assertTrue(store.champion("churn").orElseThrow().version() == 1);
        // Logistic beats ZeroR's AUC of 0.5 on the same 10-fold CV: promoted.
        new StepTestRunner(new WekaClassifyStepType(store), dir.resolve("b"))
                .input("in", ChurnData.SCHEMA, ChurnData.rows(800, 11), 100)
                .param("algorithm", "weka.classifiers.functions.Logistic").param("storeAs", "churn").run();
        assertEquals(2, store.champion("churn").orElseThrow().version());
        // ZeroR again: stays a challenger.
        new StepTestRunner(new WekaClassifyStepType(store), dir.resolve("c"))
                .input("in", ChurnData.SCHEMA, ChurnData.rows(800, 11), 100)
                .param("algorithm", "weka.classifiers.rules.ZeroR").param("storeAs", "churn").run();
        assertEquals(2, store.champion("churn").orElseThrow().version());
        assertFalse(store.version("churn", 3).orElseThrow().champion());
        String summary = Files.readString(dir.resolve("c/artifacts/model-summary.txt"));
        assertTrue(summary.contains("churn v3 stored as challenger; champion v2 stays"), summary);
        // Another evaluation does not compare.
        new StepTestRunner(new WekaClassifyStepType(store), dir.resolve("d"))
                .input("in", ChurnData.SCHEMA, ChurnData.rows(800, 11), 100)
                .param("algorithm", "weka.classifiers.functions.Logistic").param("evaluation", "holdout")
                .param("storeAs", "churn").run();
        assertEquals(2, store.champion("churn").orElseThrow().version());
        ModelStore.Version v2 = store.version("churn", 2).orElseThrow();
        assertEquals("churned", v2.metadata().get("target"));
        assertTrue(v2.metadata().get("schema.0").startsWith("contract:categorical:"), v2.metadata().toString());
        assertEquals(weka.core.Version.VERSION, v2.metadata().get("wekaVersion"));
    }
}
