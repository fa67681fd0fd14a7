package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/**
 * The privacy steps on the real distribution: the member-privacy sample end to end (keyed
 * pseudonyms from a named secret, 5-anonymity with 2-diversity, clusters) with every file of
 * its run searched for the input's raw e-mails, phones and names; a missing key; and the
 * differential-privacy budget enforced across runs by the ledger under Karaf's data folder.
 */
public class PrivacyIT extends AssayKarafTestSupport {

    private static final String WORKFLOW = "member-privacy";
    private static final String KEY = "member_pseudonym_key";

    @Test
    public void thePrivacyStepsAreInstalled() throws Exception {
        for (String type : List.of("mask", "pseudonymize", "encrypt", "decrypt", "drop-pii", "generalize",
                "k-anonymize", "risk-report", "dp-aggregate")) {
            awaitStepType(type, null);
        }
    }

    @Test
    public void memberPrivacyReachesFiveAnonymityAndLeaksNoIdentifier() throws Exception {
        Path secret = Paths.get(System.getProperty("karaf.etc"), KEY);
        if (!Files.exists(secret)) {
            Files.writeString(secret, "itest pseudonym key, 32 characters", StandardCharsets.UTF_8);
        }
        awaitDeployed(WORKFLOW);
        RunInfo run = awaitFinished(runs().start(WORKFLOW).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        for (StepRunInfo step : run.steps()) {
            assertEquals("step " + step.stepId() + ": rows in = out + quarantined + filtered\n" + describe(run),
                    step.rowsIn(), step.rowsOut() + step.quarantined() + step.filtered());
        }
        Map<String, String> report = new HashMap<>();
        for (String line : Files.readAllLines(artifact(step(run, "anonymised"), "k-anonymity.csv"))) {
            int comma = line.lastIndexOf(',');
            report.put(line.substring(0, comma).replace("\"", ""), line.substring(comma + 1).replace("\"", ""));
        }
        assertTrue(report.toString(), Integer.parseInt(report.get("k achieved")) >= 5);
        assertTrue(report.toString(), Integer.parseInt(report.get("l achieved")) >= 2);
        long suppressed = Long.parseLong(report.get("rows suppressed"));
        assertTrue(report.toString(), suppressed <= 150);
        assertEquals(suppressed, step(run, "anonymised").filtered());
        List<String> risk = Files.readAllLines(artifact(step(run, "risk"), "risk-report.csv"));
        String[] measures = risk.get(1).split(",");
        assertTrue("the highest re-identification risk is 1/5 or less: " + risk, Double.parseDouble(measures[4])
                <= 0.2);
        assertEquals("no class below k: " + risk, "0", measures[6]);
        assertTrue(describe(run), step(run, "segments").rowsOut() == 3000 - suppressed);

        Identifiers raw = Identifiers.of(workflowDir().resolve("data/members.csv"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(run.folder())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue("the run wrote its table: " + files, files.stream().anyMatch(f -> f.getFileName().toString()
                .equals("members-anonymised.csv")));
        for (Path f : files) {
            raw.assertAbsent(f);
        }
        raw.assertAbsent(Paths.get(System.getProperty("karaf.data"), "log", "karaf.log"));
        String table = Files.readString(files.stream().filter(f -> f.getFileName().toString()
                .equals("members-anonymised.csv")).findFirst().orElseThrow());
        assertTrue("e-mails are pseudonyms: " + table.lines().skip(1).findFirst().orElse(""),
                table.lines().skip(1).allMatch(l -> l.matches("m_[0-9a-f]{16},m_[0-9a-f]{16},.*")));
        assertFalse("the key never reaches a file", table.contains("itest pseudonym key"));

        // The key was read through the secrets bundle's SecretReader, and that read is audited.
        List<AuditEntry> reads = service(AuditLog.class).query(AuditQuery.all().withAction(AuditAction.SECRET)
                .withTarget(KEY));
        assertTrue("audited reads of " + KEY + ": " + reads, reads.stream().anyMatch(e -> "read".equals(e.details()
                .get("change")) && e.details().getOrDefault("by", "").contains("run " + run.runId())));
        String audit = Files.readString(Paths.get(System.getProperty("karaf.data"), "audit", "audit.jsonl"));
        assertFalse("never the secret's value", audit.contains("itest pseudonym key"));
    }

    @Test
    public void theGaussianMechanismSpendsEpsilonAndDeltaOfTheSameLedger() throws Exception {
        deploy("""
                {"format": 1, "id": "itest-dp-gauss", "steps": [
                  {"id": "members", "type": "csv-reader", "params": {"path": "data/members.csv",
                    "columns": {"email": "string,pii", "city": "categorical"}}},
                  {"id": "counts", "type": "dp-aggregate", "inputs": {"in": "members"},
                    "params": {"groupBy": ["city"], "sum": ["monthly_spend"], "bounds": {"monthly_spend": "0,300"},
                      "epsilon": 1, "mechanism": "gaussian", "delta": 1e-7}}
                ]}""", "itest");
        RunInfo run = awaitFinished(runs().start("itest-dp-gauss").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        assertEquals(10, step(run, "counts").rowsOut());
        List<String> dp = Files.readAllLines(artifact(step(run, "counts"), "dp-report.csv"));
        assertTrue(dp.toString(), dp.get(1).startsWith("count,1,1,") && dp.get(1).endsWith(",1.0E-7,gaussian"));
        assertTrue(dp.toString(), dp.contains("delta spent by this step,,,2.0E-7,"));
        String ledger = Files.readString(Paths.get(System.getProperty("karaf.data"), "assay", "privacy",
                "budget-ledger.tsv"));
        assertTrue(ledger, ledger.contains("\titest-dp-gauss\t" + run.runId() + "\tcounts\t2.0\t2.0E-7\n"));
    }

    @Test
    public void aMissingKeyFailsTheRunNamingTheSecretAndTheFix() throws Exception {
        deploy("""
                {"format": 1, "id": "itest-missing-key", "steps": [
                  {"id": "members", "type": "csv-reader", "params": {"path": "data/members.csv",
                    "columns": {"email": "string,pii"}}},
                  {"id": "pseudonymised", "type": "pseudonymize", "inputs": {"in": "members"},
                    "params": {"columns": ["email"], "key": "itest_absent_key"}}
                ]}""", "itest");
        RunInfo run = awaitFinished(runs().start("itest-missing-key").runId());
        assertEquals(describe(run), RunStatus.FAILED, run.status());
        assertNotNull(run.error());
        assertTrue(run.error(), run.error().contains("the secret 'itest_absent_key' named by parameter key is not "
                + "set: set it with assay:secret-set itest_absent_key"));
    }

    @Test
    public void thePrivacyBudgetIsEnforcedAcrossRuns() throws Exception {
        deploy("""
                {"format": 1, "id": "itest-dp-budget", "steps": [
                  {"id": "members", "type": "csv-reader", "params": {"path": "data/members.csv",
                    "columns": {"email": "string,pii", "city": "categorical"}}},
                  {"id": "counts", "type": "dp-aggregate", "inputs": {"in": "members"},
                    "params": {"groupBy": ["city"], "count": false, "mean": ["monthly_spend"], "bounds": {"monthly_spend": "0,300"},
                      "epsilon": 4}}
                ]}""", "itest");
        for (int i = 0; i < 2; i++) {
            RunInfo ok = awaitFinished(runs().start("itest-dp-budget").runId());
            assertEquals(describe(ok), RunStatus.SUCCEEDED, ok.status());
            assertEquals(10, step(ok, "counts").rowsOut());
            String dp = Files.readString(artifact(step(ok, "counts"), "dp-report.csv"));
            assertTrue(dp, dp.contains("budget remaining,,," + (i == 0 ? "6" : "2")));
        }
        RunInfo refused = awaitFinished(runs().start("itest-dp-budget").runId());
        assertEquals(describe(refused), RunStatus.FAILED, refused.status());
        assertTrue(refused.error(), refused.error().contains("workflow 'itest-dp-budget' would exceed its privacy "
                + "budget: 8 of 10 epsilon spent by earlier runs, this step needs 4 more"));
        assertTrue(Files.isRegularFile(Paths.get(System.getProperty("karaf.data"), "assay", "privacy",
                "budget-ledger.tsv")));
    }

    /** The input's direct identifiers: e-mails and phones as text, names as whole words. */
    private record Identifiers(Set<String> texts, Set<String> names) {

        static Identifiers of(Path members) throws IOException {
            Set<String> texts = new HashSet<>();
            Set<String> names = new HashSet<>();
            List<String> lines = Files.readAllLines(members, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                names.add(f[1]);
                names.add(f[2]);
                texts.add(f[3]);
                texts.add(f[4]);
            }
            return new Identifiers(texts, names);
        }

        void assertAbsent(Path file) throws IOException {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            List<String> found = new ArrayList<>();
            for (String t : texts) {
                if (content.contains(t)) {
                    found.add(t);
                }
            }
            for (String word : content.split("[^\\p{L}]+")) {
                if (names.contains(word)) {
                    found.add(word);
                }
            }
            assertTrue(file + " holds raw identifiers of the input: " + found.stream().limit(5).toList(),
                    found.isEmpty());
        }
    }
}
