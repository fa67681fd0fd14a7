package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.engine.RunEvent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.junit.Test;

/**
 * The platform rules on the real distribution: the audit log and who may read it, purpose and
 * consent, subject export and erasure end to end (including a model trained on the subject),
 * and a grep of every file, log line and event of a pii-heavy run for the raw personal values.
 */
public class GovernanceIT extends AssayKarafTestSupport {

    private static final Set<String> VIEWER = Set.of("viewer");
    private static final Set<String> OPERATOR = Set.of("operator");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Duration AUDIT_WAIT = Duration.ofSeconds(30);

    @Test
    public void theGovernanceCommandsAreTheAdministratorsAlone() throws Exception {
        for (String command : List.of("assay:audit -n 1", "assay:subject-export nobody-at-all",
                "assay:subject-erase nobody-at-all")) {
            for (Set<String> roles : List.of(VIEWER, OPERATOR)) {
                String out = executeCommandAs("eve", roles, command);
                assertTrue(roles + " may not run " + command + ": " + out,
                        out.contains("Command not found") || out.contains("Insufficient credentials"));
            }
            String out = executeCommandAs("ann", ADMIN, command);
            assertFalse("admin runs " + command + ": " + out,
                    out.contains("Command not found") || out.contains("Insufficient credentials"));
        }
    }

    @Test
    public void theAuditLogRecordsWhoDidWhatAndFindsTampering() throws Exception {
        Path file = Files.createTempFile("gov-audit", ".json");
        Files.writeString(file, "{\"format\": 1, \"id\": \"gov-audit\", \"purpose\": \"analytics\", \"steps\": [{\"id\": "
                + "\"in\", \"type\": \"csv-reader\", \"params\": {\"path\": \"data/customers.csv\"}}]}");
        assertTrue(executeCommandAs("ann", ADMIN, "assay:workflow-deploy " + file).contains("gov-audit"));
        String started = executeCommandAs("bob", OPERATOR, "assay:run gov-audit --wait");
        assertTrue(started, started.contains("succeeded"));
        executeCommandAs("ann", ADMIN, "assay:workflow-undeploy gov-audit");

        AuditEntry deploy = awaitAudit(AuditQuery.all().withAction(AuditAction.DEPLOY).withTarget("gov-audit"));
        assertEquals("ann", deploy.principal());
        assertEquals("analytics", deploy.details().get("purpose"));
        AuditEntry run = awaitAudit(AuditQuery.all().withAction(AuditAction.RUN).withPrincipal("bob"));
        assertEquals("gov-audit", run.details().get("workflow"));
        awaitAudit(AuditQuery.all().withAction(AuditAction.RUN_END).withTarget(run.target()));
        assertEquals("ann", awaitAudit(AuditQuery.all().withAction(AuditAction.UNDEPLOY).withTarget("gov-audit"))
                .principal());

        String byBob = executeCommandAs("ann", ADMIN, "assay:audit --user bob --action run --since 1h");
        assertTrue(byBob, byBob.contains(run.target()) && byBob.contains("bob"));
        assertFalse(byBob, byBob.contains("deploy"));
        String verified = executeCommandAs("ann", ADMIN, "assay:audit --verify");
        assertTrue(verified, verified.contains("Audit log intact"));

        // Change one byte of the deploy line in place (no truncation, so entries written meanwhile stay).
        Path log = Paths.get(System.getProperty("karaf.data"), "audit", "audit.jsonl");
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"user\":\"ann\",\"action\":\"deploy\",\"target\":\"gov-audit\"") + "\"user\":\"".length();
        assertTrue(text, at > 8);
        try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "rw")) {
            raf.seek(at);
            raf.write('e');
            String tampered = executeCommandAs("ann", ADMIN, "assay:audit --verify");
            assertTrue(tampered, tampered.contains("tampered") && tampered.contains("was edited"));
            raf.seek(at);
            raf.write('a');
        }
        assertTrue(executeCommandAs("ann", ADMIN, "assay:audit --verify").contains("Audit log intact"));
    }

    @Test
    public void aPurposeMismatchIsRefusedAtDeployWithItsPlace() throws Exception {
        Path file = Files.createTempFile("gov-mismatch", ".json");
        Files.writeString(file, "{\n  \"format\": 1,\n  \"id\": \"gov-mismatch\",\n  \"purpose\": \"analytics\",\n"
                + "  \"steps\": [\n    {\"id\": \"in\", \"type\": \"csv-reader\", \"params\": {\"path\": \"data/customers.csv\"}},\n"
                + "    {\"id\": \"ok\", \"type\": \"consent-filter\", \"inputs\": {\"in\": \"in\"}, "
                + "\"params\": {\"purpose\": \"marketing\", \"column\": \"city\"}}\n  ]\n}\n");
        String out = executeCommandAs("ann", ADMIN, "assay:workflow-validate " + file);
        assertTrue(out, out.contains("$.steps[1].params.purpose") && out.contains("line 7"));
        assertTrue(out, out.contains("the workflow's purpose is 'analytics'"));
    }

    @Test
    public void consentFiltersTheModelRecordsItsPurposeAndErasureFollowsLineageToIt() throws Exception {
        awaitStepType("consent-filter", null);
        Path data = workflowDir().resolve("data").resolve("gov-customers.csv");
        StringBuilder csv = new StringBuilder("customer_id,email,name,phone,consent,tenure,spend,churned\n");
        int consented = 0;
        for (int i = 1; i <= 90; i++) {
            boolean marketing = i % 3 != 0;
            consented += marketing ? 1 : 0;
            int tenure = (i * 7) % 60;
            csv.append(300000 + i).append(",cust").append(300000 + i).append("@gov.example,Person").append(i)
                    .append(" Tester,+1555010").append(String.format(Locale.ROOT, "%04d", i)).append(',')
                    .append(marketing ? "marketing;analytics" : "analytics").append(',').append(tenure).append(',')
                    .append(20 + (i * 13) % 80).append(',').append(tenure < 20 ? "yes" : "no").append('\n');
        }
        Files.writeString(data, csv.toString());
        String workflow = "{\"format\": 1, \"id\": \"gov-churn\", \"purpose\": \"marketing\", \"steps\": ["
                + "{\"id\": \"customers\", \"type\": \"csv-reader\", \"params\": {\"path\": \"data/gov-customers.csv\", "
                + "\"columns\": {\"customer_id\": \"integer,id\", \"email\": \"string,pii\", \"name\": \"string,pii\", "
                + "\"phone\": \"string,pii\", \"consent\": \"string\", \"tenure\": \"integer\", \"spend\": \"decimal\", "
                + "\"churned\": \"categorical,target\"}}},"
                + "{\"id\": \"consented\", \"type\": \"consent-filter\", \"inputs\": {\"in\": \"customers\"}, "
                + "\"params\": {\"purpose\": \"marketing\", \"column\": \"consent\"}},"
                + "{\"id\": \"train\", \"type\": \"weka-classify\", \"inputs\": {\"in\": \"consented\"}, "
                + "\"params\": {\"algorithm\": \"weka.classifiers.trees.J48\", \"storeAs\": \"gov-churn\"}},"
                + "{\"id\": \"table\", \"type\": \"jdbc-writer\", \"inputs\": {\"in\": \"consented\"}, "
                + "\"params\": {\"dataSource\": \"assay\", \"table\": \"gov_customers\", \"mode\": \"replace\", \"pii\": \"write\"}},"
                + "{\"id\": \"file\", \"type\": \"csv-writer\", \"inputs\": {\"in\": \"consented\"}, "
                + "\"params\": {\"path\": \"gov-consented.csv\", \"pii\": \"drop\"}}]}";
        workflows().deploy(workflow, "GovernanceIT", "ann");
        RunInfo run = awaitFinished(runs().start("gov-churn", "on demand", "bob").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        StepRunInfo filter = step(run, "consented");
        assertEquals(describe(run), 90, filter.rowsIn());
        assertEquals(describe(run), consented, filter.rowsOut());
        assertEquals(describe(run), 90 - consented, filter.filtered());

        Path models = Paths.get(System.getProperty("karaf.data"), "assay", "models", "gov-churn");
        Map<String, String> v1 = properties(models.resolve("v1").resolve("model.properties"));
        assertEquals(v1.toString(), "marketing", v1.get("data.purposes"));
        assertTrue(v1.toString(), v1.get("data.consentBasis").contains("consent-filter 'consented' for marketing "
                + "from column consent"));

        // Scores prospects (not the subject's rows, so not derived from them) with v1 by number;
        // deployed while v1 is clean, run again after the erasure below.
        StringBuilder prospects = new StringBuilder("customer_id,email,name,phone,consent,tenure,spend,churned\n");
        for (int i = 1; i <= 20; i++) {
            prospects.append(400000 + i).append(",p").append(i).append("@gov.example,Prospect").append(i)
                    .append(",+1555020").append(String.format(Locale.ROOT, "%04d", i)).append(",marketing,")
                    .append(i * 3).append(',').append(30 + i).append(",no\n");
        }
        Files.writeString(workflowDir().resolve("data").resolve("gov-prospects.csv"), prospects.toString());
        String scoreV1 = "{\"format\": 1, \"id\": \"gov-score-v1\", \"purpose\": \"marketing\", \"steps\": ["
                + "{\"id\": \"customers\", \"type\": \"csv-reader\", \"params\": {\"path\": \"data/gov-prospects.csv\", "
                + "\"columns\": {\"customer_id\": \"integer,id\", \"email\": \"string,pii\", \"name\": \"string,pii\", "
                + "\"phone\": \"string,pii\", \"consent\": \"string\", \"tenure\": \"integer\", \"spend\": \"decimal\", "
                + "\"churned\": \"categorical,target\"}}},"
                + "{\"id\": \"scored\", \"type\": \"weka-score\", \"inputs\": {\"in\": \"customers\"}, "
                + "\"params\": {\"modelName\": \"gov-churn\", \"version\": \"1\"}}]}";
        workflows().deploy(scoreV1, "GovernanceIT", "ann");
        RunInfo scoredBefore = awaitFinished(runs().start("gov-score-v1", "on demand", "bob").runId());
        assertEquals(describe(scoredBefore), RunStatus.SUCCEEDED, scoredBefore.status());

        String subject = "300001";
        String exported = executeCommandAs("ann", ADMIN, "assay:subject-export " + subject);
        assertTrue(exported, exported.contains("Exported") && exported.contains("1 models"));
        Path exportFile = Paths.get(exported.substring(exported.indexOf(" to ") + 4, exported.indexOf(" (readable")));
        String export = Files.readString(exportFile);
        for (String place : List.of("gov-customers.csv", "gov-consented.csv", "assay/gov_customers", run.runId())) {
            assertTrue(place + " in " + export, export.contains(place));
        }
        assertTrue(export, export.contains("cust300001@gov.example"));
        assertFalse("another customer: " + export, export.contains("3000010"));

        String erased = executeCommandAs("ann", ADMIN, "assay:subject-erase --rerun " + subject);
        assertTrue(erased, erased.contains("Models marked tainted: gov-churn v1"));
        assertTrue(erased, erased.contains("Derived runs: " + run.runId()));
        Map<String, String> tainted = properties(models.resolve("v1").resolve("model.properties"));
        assertEquals(tainted.toString(), "true", tainted.get("tainted"));
        assertFalse(Files.readString(data).contains("cust300001@"));
        assertTrue(Files.readString(data).contains("cust300002@"));
        String rerunId = erased.substring(erased.indexOf("Re-runs started: ") + "Re-runs started: ".length()).trim()
                .split("\\s")[0];
        RunInfo rerun = awaitFinished(rerunId);
        assertEquals(describe(rerun), RunStatus.SUCCEEDED, rerun.status());
        assertEquals(describe(rerun), consented - 1, step(rerun, "consented").rowsOut());
        assertFalse(properties(models.resolve("v2").resolve("model.properties")).containsKey("tainted"));
        assertEquals("the retrained version replaces the tainted champion", "2",
                properties(models.resolve("champion.properties")).get("champion"));

        // The tainted version is refused: at run time by the deployed workflow, at deploy by a new one.
        RunInfo scoredAfter = awaitFinished(runs().start("gov-score-v1", "on demand", "bob").runId());
        assertEquals(describe(scoredAfter), RunStatus.FAILED, scoredAfter.status());
        assertTrue(scoredAfter.error(), scoredAfter.error().contains("model gov-churn v1 is tainted (trained by run "
                + run.runId() + " on rows of data subject sha256:"));
        assertTrue(scoredAfter.error(), scoredAfter.error().contains("assay:subject-erase --rerun"));
        Path again1 = Files.createTempFile("gov-score-again", ".json");
        Files.writeString(again1, scoreV1.replace("gov-score-v1", "gov-score-again"));
        String refused = executeCommandAs("ann", ADMIN, "assay:workflow-validate " + again1);
        assertTrue(refused, refused.contains("$.steps[1].params.modelName") && refused.contains("is tainted"));
        String promote = executeCommandAs("ann", ADMIN, "assay:model-promote gov-churn 1");
        assertTrue(promote, promote.contains("model gov-churn v1 is tainted"));
        assertTrue(executeCommandAs("ann", ADMIN, "assay:model-promote gov-churn 2").contains("is now the champion"));
        AuditEntry promoted = awaitAudit(AuditQuery.all().withAction(AuditAction.MODEL).withTarget("gov-churn"),
                e -> "promoted".equals(e.details().get("change")));
        assertEquals("ann", promoted.principal());
        assertEquals("2", promoted.details().get("version"));
        RunInfo scoredChampion = awaitFinished(runs().start(workflows().deploy(scoreV1.replace("\"version\": \"1\"",
                "\"version\": \"champion\"").replace("gov-score-v1", "gov-score-champion"), "GovernanceIT", "ann")
                .id(), "on demand", "bob").runId());
        assertEquals(describe(scoredChampion), RunStatus.SUCCEEDED, scoredChampion.status());
        String again = executeCommandAs("ann", ADMIN, "assay:subject-export " + subject);
        assertTrue(again, again.contains("Exported 0 rows"));

        AuditEntry erase = awaitAudit(AuditQuery.all().withAction(AuditAction.ERASE));
        assertEquals("ann", erase.principal());
        assertTrue(erase.target(), erase.target().startsWith("sha256:"));
        awaitAudit(AuditQuery.all().withAction(AuditAction.MODEL).withTarget("gov-churn"));
        awaitAudit(AuditQuery.all().withAction(AuditAction.EXPORT).withTarget(erase.target()));
        String audit = Files.readString(Paths.get(System.getProperty("karaf.data"), "audit", "audit.jsonl"));
        assertFalse("the audit log holds the subject's reference, never its key", audit.contains(subject)
                || audit.contains("cust300001"));
    }

    /**
     * Changes of users, roles and groups in etc/users.properties: through jaas:* commands under
     * the admin who typed them, by hand under system; before and after, never a password.
     */
    @Test
    public void roleChangesThroughJaasCommandsAndByHandAreAudited() throws Exception {
        String manage = "jaas:realm-manage --realm karaf --module "
                + "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule; ";
        // jaas:update writes the file once per queued change, so each line here makes one change
        // whose before and after are exact; the last makes two and is checked by its end state.
        String out = executeCommandAs("ann", ADMIN, manage + "jaas:user-add dora dora-pass-2026; jaas:update");
        AuditEntry added = awaitAudit(AuditQuery.all().withAction(AuditAction.ROLE).withTarget("user dora"));
        assertEquals(out + added, "ann", added.principal());
        assertEquals(added.toString(), "user added", added.details().get("change"));
        assertTrue(added.toString(), added.details().get("via").contains("jaas:update"));

        executeCommandAs("ann", ADMIN, manage + "jaas:role-add dora viewer; jaas:update");
        AuditEntry viewer = awaitAudit(AuditQuery.all().withAction(AuditAction.ROLE).withTarget("user dora"),
                e -> "viewer".equals(e.details().get("roles.after")));
        assertEquals(viewer.toString(), "ann", viewer.principal());
        assertEquals(viewer.toString(), "roles changed", viewer.details().get("change"));
        assertEquals(viewer.toString(), "", viewer.details().get("roles.before"));

        executeCommandAs("ann", ADMIN, manage + "jaas:role-add dora operator; jaas:role-delete dora viewer; "
                + "jaas:update");
        AuditEntry changed = awaitAudit(AuditQuery.all().withAction(AuditAction.ROLE).withTarget("user dora"),
                e -> "operator".equals(e.details().get("roles.after")));
        assertEquals(changed.toString(), "ann", changed.principal());
        assertEquals(changed.toString(), "roles changed", changed.details().get("change"));
        assertTrue(changed.toString(), changed.details().get("roles.before").contains("viewer"));
        assertTrue("no change of dora's roles is taken for a hand edit", service(AuditLog.class).query(AuditQuery.all()
                .withAction(AuditAction.ROLE).withTarget("user dora")).stream().allMatch(e -> "ann".equals(e.principal())));

        Path users = Paths.get(System.getProperty("karaf.etc"), "users.properties");
        Files.writeString(users, Files.readString(users) + "\nerin = erin-pass-2026,_g_:viewergroup\n");
        AuditEntry edited = awaitAudit(AuditQuery.all().withAction(AuditAction.ROLE).withTarget("user erin"));
        assertEquals(edited.toString(), "system", edited.principal());
        assertEquals(edited.toString(), "viewergroup", edited.details().get("groups.after"));
        assertEquals(edited.toString(), "etc/users.properties edited", edited.details().get("via"));

        String audit = Files.readString(Paths.get(System.getProperty("karaf.data"), "audit", "audit.jsonl"));
        assertFalse("no password in the audit log", audit.contains("pass-2026"));
    }

    /**
     * Charts of the pii-heavy customer table: a chart of a pii column is refused at deploy on the
     * real distribution, and a run drawing every kind of chart from the other columns (plus the
     * profile's chart sheets) leaves no personal value in any file, including the text chunks of
     * its PNGs (tEXt, and zTXt / iTXt decompressed). Pixels are not read: that they show no pii is
     * what the deploy refusal (every column parameter of every chart, ChartPiiRefusalTest) keeps.
     */
    @Test
    public void chartsOfAPiiHeavyTableRefusePiiColumnsAndCarryNoPersonalValue() throws Exception {
        awaitStepType("bar-chart", null);
        String reader = "{\"id\": \"customers\", \"type\": \"csv-reader\", \"params\": {\"path\": "
                + "\"data/customers-messy.csv\", \"columns\": {\"record_id\": \"integer,id\", \"source\": \"categorical\", "
                + "\"first_name\": \"string,pii\", \"last_name\": \"string,pii\", \"email\": \"string,pii\", "
                + "\"phone\": \"string,pii\", \"birth_date\": \"string\", \"postcode\": \"string\", \"city\": \"string\", "
                + "\"income\": \"decimal\", \"updated\": \"date\"}}}";
        Path bad = Files.createTempFile("gov-pii-chart", ".json");
        Files.writeString(bad, "{\"format\": 1, \"id\": \"gov-pii-chart\", \"steps\": [" + reader + ", "
                + "{\"id\": \"bars\", \"type\": \"bar-chart\", \"inputs\": {\"in\": \"customers\"}, "
                + "\"params\": {\"category\": \"email\"}}]}");
        String refused = executeCommandAs("ann", ADMIN, "assay:workflow-validate " + bad);
        assertTrue(refused, refused.contains("$.steps[1].params.category") && refused.contains("tagged pii"));

        String charts = "{\"format\": 1, \"id\": \"gov-charts\", \"steps\": [" + reader
                + chart("profile", "profile", "\"charts\": true")
                + chart("bars", "bar-chart", "\"category\": \"city\"")
                + chart("pie", "pie-chart", "\"category\": \"source\"")
                + chart("histogram", "histogram", "\"column\": \"income\", \"series\": \"source\"")
                + chart("box", "box-plot", "\"value\": \"income\", \"category\": \"source\"")
                + chart("heatmap", "heatmap", "\"x\": \"city\", \"y\": \"source\"")
                + chart("scatter", "scatter-chart", "\"x\": \"income\", \"y\": \"record_id\"")
                + chart("line", "line-chart", "\"x\": \"updated\", \"y\": [\"income\"], \"period\": \"month\"")
                + "]}";
        workflows().deploy(charts, "GovernanceIT", "ann");
        RunInfo run = awaitFinished(runs().start("gov-charts", "on demand", "bob").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        Map<String, String> places = new TreeMap<>();
        int pngs = 0;
        try (Stream<Path> files = Files.walk(run.folder())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String text;
                if (f.getFileName().toString().endsWith(".png")) {
                    // Its text chunks, inflated; the rest is compressed pixels.
                    text = pngText(bytes);
                    pngs++;
                } else {
                    text = new String(bytes, StandardCharsets.ISO_8859_1);
                }
                if (f.getFileName().toString().endsWith(".html")) {
                    // The report's stylesheet and colours are not data ("white" is not Ms White).
                    text = text.replaceAll("(?s)<style[^>]*>.*?</style>", "").replaceAll("style=\"[^\"]*\"", "")
                            .replaceAll("(fill|stroke|color|background)=\"[a-z]+\"", "");
                }
                places.put(run.folder().relativize(f).toString(), text);
            }
        }
        assertTrue("every chart and the profile drew a PNG: " + places.keySet(), pngs >= 8);
        Set<String> values = personalValues(workflowDir().resolve("data").resolve("customers-messy.csv"));
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> place : places.entrySet()) {
            found(values, place.getValue()).forEach(v -> leaks.add(place.getKey() + ": " + v));
        }
        assertTrue("personal values found (" + leaks.size() + "): " + leaks.subList(0, Math.min(40, leaks.size())),
                leaks.isEmpty());

        // The PNG reader sees what a text chunk would carry: a control with one e-mail compressed in a zTXt.
        String email = values.stream().filter(v -> v.contains("@")).findFirst().orElseThrow();
        byte[] png = Files.readAllBytes(places.keySet().stream().filter(k -> k.endsWith(".png")).findFirst()
                .map(run.folder()::resolve).orElseThrow());
        assertEquals(List.of(email), found(Set.of(email), pngText(withZtxt(png, "Comment", email))));
    }

    private static String chart(String id, String type, String params) {
        return ", {\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"inputs\": {\"in\": \"customers\"}, "
                + "\"params\": {" + params + "}}";
    }

    /** The text a PNG carries besides its pixels: every tEXt, zTXt and iTXt chunk (inflated), and eXIf. */
    static String pngText(byte[] png) throws java.util.zip.DataFormatException {
        StringBuilder out = new StringBuilder();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
        int at = 8;
        boolean ended = false;
        while (at + 8 <= png.length) {
            int length = b.getInt(at);
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            byte[] data = java.util.Arrays.copyOfRange(png, at + 8, at + 8 + length);
            int nul = indexOf(data, 0, 0);
            switch (type) {
                case "tEXt", "eXIf" -> out.append(new String(data, StandardCharsets.ISO_8859_1)).append('\n');
                case "zTXt" -> out.append(new String(data, 0, nul, StandardCharsets.ISO_8859_1)).append(' ')
                        .append(new String(inflate(data, nul + 2), StandardCharsets.ISO_8859_1)).append('\n');
                case "iTXt" -> {
                    boolean compressed = data[nul + 1] == 1;
                    int text = indexOf(data, indexOf(data, nul + 3, 0) + 1, 0) + 1;
                    byte[] body = compressed ? inflate(data, text) : java.util.Arrays.copyOfRange(data, text,
                            data.length);
                    out.append(new String(data, 0, nul, StandardCharsets.ISO_8859_1)).append(' ')
                            .append(new String(body, StandardCharsets.UTF_8)).append('\n');
                }
                case "IEND" -> ended = true;
                default -> { }
            }
            at += 12 + length;
        }
        assertTrue("read the PNG to its end", ended);
        return out.toString();
    }

    private static int indexOf(byte[] data, int from, int value) {
        for (int i = Math.max(0, from); i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return data.length;
    }

    private static byte[] inflate(byte[] data, int from) throws java.util.zip.DataFormatException {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        inflater.setInput(data, from, data.length - from);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished() && !inflater.needsInput()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        inflater.end();
        return out.toByteArray();
    }

    /** The PNG with a zTXt chunk added after its header chunk (the CRC is not checked by pngText). */
    private static byte[] withZtxt(byte[] png, String keyword, String text) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.ISO_8859_1));
        deflater.finish();
        byte[] compressed = new byte[text.length() + 64];
        int n = deflater.deflate(compressed);
        deflater.end();
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + key.length + 2 + n);
        chunk.putInt(key.length + 2 + n).put("zTXt".getBytes(StandardCharsets.ISO_8859_1)).put(key).put((byte) 0)
                .put((byte) 0).put(compressed, 0, n).putInt(0);
        int afterHeader = 8 + 12 + java.nio.ByteBuffer.wrap(png).getInt(8);
        byte[] out = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, out, 0, afterHeader);
        System.arraycopy(chunk.array(), 0, out, afterHeader, chunk.capacity());
        System.arraycopy(png, afterHeader, out, afterHeader + chunk.capacity(), png.length - afterHeader);
        return out;
    }

    /**
     * The pii-heavy customer-quality sample: no raw (or normalised) e-mail, phone or name of its
     * input may appear in any file of its run folder, its log, its events or the Karaf log.
     */
    @Test
    public void noPersonalValueOfACustomerQualityRunLeaksAnywhere() throws Exception {
        awaitDeployed("customer-quality");
        RunInfo run = awaitFinished(runs().start("customer-quality").runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        Set<String> values = personalValues(workflowDir().resolve("data").resolve("customers-messy.csv"));
        assertTrue(values.size() > 100);

        Map<String, String> places = new TreeMap<>();
        try (Stream<Path> files = Files.walk(run.folder())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (f.getFileName().toString().endsWith(".html")) {
                    // The report's stylesheet is not data ("white-space" is not Ms White).
                    text = text.replaceAll("(?s)<style[^>]*>.*?</style>", "").replaceAll("style=\"[^\"]*\"", "");
                }
                places.put(run.folder().relativize(f).toString(), text);
            }
        }
        StringBuilder events = new StringBuilder(String.join("\n", run.events()));
        for (RunEvent e : run.timeline()) {
            events.append('\n').append(e.message());
        }
        places.put("run events", events.toString());
        Path karafLog = Paths.get(System.getProperty("karaf.data"), "log", "karaf.log");
        if (Files.exists(karafLog)) {
            places.put("karaf.log", Files.readString(karafLog, StandardCharsets.ISO_8859_1));
        }
        // The grep itself must see what it looks for: in the input, every value is found.
        String input = Files.readString(workflowDir().resolve("data").resolve("customers-messy.csv"));
        List<String> missed = new ArrayList<>(values);
        missed.removeAll(found(values, input));
        missed.removeIf(v -> v.startsWith("+"));
        assertTrue("the grep misses raw values of the input: " + missed, missed.isEmpty());
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> place : places.entrySet()) {
            found(values, place.getValue()).forEach(v -> leaks.add(place.getKey() + ": " + v));
        }
        assertTrue("personal values found (" + leaks.size() + "): " + leaks.subList(0, Math.min(40, leaks.size())),
                leaks.isEmpty());
    }

    /**
     * The values that occur in the text as whole words, ignoring case: not preceded by a letter,
     * digit, '@' or '.', not followed by a letter or digit. A plain search then a look at the two
     * neighbours: a regular expression per value is far too slow for megabytes of report and SVG.
     */
    private static List<String> found(Set<String> values, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (int at = lower.indexOf(v); at >= 0; at = lower.indexOf(v, at + 1)) {
                int end = at + v.length();
                boolean startsWord = at == 0 || !(Character.isLetterOrDigit(lower.charAt(at - 1))
                        || lower.charAt(at - 1) == '@' || lower.charAt(at - 1) == '.');
                boolean endsWord = end >= lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                if (startsWord && endsWord) {
                    out.add(v);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * E-mails, phones and names of the messy customer table, lower case: as written, and as the
     * normalize step writes them (trimmed e-mails; E.164 phones). Names shorter than 5 letters
     * are left out: they are common words too.
     */
    private static Set<String> personalValues(Path file) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int first = header.indexOf("first_name");
        int last = header.indexOf("last_name");
        int email = header.indexOf("email");
        int phone = header.indexOf("phone");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length <= phone) {
                continue;
            }
            for (int i : new int[] {first, last}) {
                if (f[i].trim().length() >= 5) {
                    out.add(f[i].trim().toLowerCase(Locale.ROOT));
                }
            }
            if (f[email].contains("@")) {
                out.add(f[email].trim().toLowerCase(Locale.ROOT));
            }
            String digits = f[phone].replaceAll("\\D", "");
            if (digits.length() >= 10) {
                out.add(f[phone].trim().toLowerCase(Locale.ROOT));
                out.add("+" + (digits.length() == 10 ? "1" + digits : digits));
            }
        }
        return out;
    }

    private AuditEntry awaitAudit(AuditQuery query) throws Exception {
        return awaitAudit(query, e -> true);
    }

    /** The newest entry matching the query and the condition, waiting for it. */
    private AuditEntry awaitAudit(AuditQuery query, java.util.function.Predicate<AuditEntry> condition)
            throws Exception {
        AuditLog audit = service(AuditLog.class);
        long deadline = System.nanoTime() + AUDIT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<AuditEntry> found = audit.query(query).stream().filter(condition).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            Thread.sleep(100);
        }
        fail("no audit entry for " + query + "; the log has " + audit.query(AuditQuery.all().withLimit(50)));
        return null;
    }

    private static Map<String, String> properties(Path file) throws IOException {
        assertTrue(file + " exists", Files.exists(file));
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        assertNotNull(out);
        return out;
    }
}
