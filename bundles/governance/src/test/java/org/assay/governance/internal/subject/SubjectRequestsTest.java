package org.assay.governance.internal.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.api.audit.AuditVerification;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.RunStatus;
import org.assay.engine.WorkflowService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectRequestsTest {

    @TempDir
    Path dir;
    Path data;
    Path run1;
    Path run2;
    Path models;
    final List<AuditEntry> audited = new ArrayList<>();
    final List<String> started = new ArrayList<>();
    JdbcDataSource h2;
    SubjectRequests requests;

    @BeforeEach
    void storedRowsAboutTwoCustomers() throws Exception {
        data = Files.createDirectories(dir.resolve("workflows/data"));
        Files.writeString(data.resolve("customers.csv"), "customer_id,email,spend\nC1,ann@x.org,10\nC2,bob@x.org,20\n"
                + "C12,carl@x.org,30\n");
        Files.writeString(data.resolve("other.csv"), "id,note\n7,nothing here\n");
        // run1 read customers.csv, wrote a copy and a table, quarantined C1 and logged it; it trained a model.
        run1 = Files.createDirectories(dir.resolve("runs/r1/out"));
        Files.writeString(run1.getParent().resolve("workflow.json"), "{\"id\": \"wf\", \"purpose\": \"marketing\", "
                + "\"steps\": [{\"id\": \"in\", \"type\": \"csv-reader\", \"params\": {\"path\": \"data/customers.csv\"}},"
                + "{\"id\": \"db\", \"type\": \"jdbc-writer\", \"params\": {\"dataSource\": \"crm\", \"table\": \"seg\"}}]}");
        Files.writeString(run1.resolve("copy.csv"), "customer_id,email,spend\nC1,ann@x.org,10\nC2,bob@x.org,20\n");
        Files.writeString(run1.getParent().resolve("quarantine.csv"), "step,row,reason,record\nin,3,bad,\"C1,***,x\"\n");
        Files.writeString(run1.getParent().resolve("report.html"), "<p>top customer C1</p>\n<p>C12 too</p>\n");
        Files.writeString(run1.getParent().resolve("chart.png"), "binary");
        // run2 read only other.csv: not derived from C1.
        run2 = Files.createDirectories(dir.resolve("runs/r2"));
        Files.writeString(run2.resolve("workflow.json"), "{\"id\": \"other\", \"steps\": [{\"id\": \"in\", \"type\": "
                + "\"csv-reader\", \"params\": {\"path\": \"data/other.csv\"}}]}");
        models = Files.createDirectories(dir.resolve("models/churn/v1"));
        Files.writeString(models.resolve("model.properties"), "name=churn\nversion=1\nrun=r1\nsha256=abc\n");
        Files.createDirectories(dir.resolve("models/other/v1"));
        Files.writeString(dir.resolve("models/other/v1/model.properties"), "name=other\nversion=1\nrun=r2\n");

        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + dir.getFileName() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"seg\" (\"customer_id\" VARCHAR(12), \"email\" VARCHAR(50), \"cluster\" INT)");
            s.execute("INSERT INTO \"seg\" VALUES ('C1', 'ann@x.org', 1), ('C2', 'bob@x.org', 2)");
        }
        requests = new SubjectRequests(new SubjectRequests.Places(dir.resolve("workflows"), dir.resolve("models"),
                dir.resolve("exports")), runs(), workflows(), audit(),
                name -> "crm".equals(name) ? Optional.of(h2) : Optional.empty(), Clock.systemUTC());
    }

    @Test
    void exportCollectsEveryPlaceTheLineageAndTheModelsIntoOneAuditedFile() throws IOException {
        Path file = requests.export(new SubjectKey("c1", Set.of()), "ann");
        String json = Files.readString(file);
        for (String place : List.of("customers.csv", "copy.csv", "quarantine.csv", "report.html", "crm/seg")) {
            assertTrue(json.contains(place), place + " missing from " + json);
        }
        assertFalse(json.contains("C12"), "C12 is another customer: " + json);
        assertFalse(json.contains("bob@x.org"), json);
        assertTrue(json.contains("\"derivedRuns\" : [ \"r1\" ]"), json);
        assertTrue(json.contains("\"name\" : \"churn\""), json);
        assertFalse(json.contains("\"name\" : \"other\""), json);
        assertTrue(json.contains("chart.png"), "binary files are listed as not searched: " + json);
        AuditEntry e = audited.get(0);
        assertEquals(AuditAction.EXPORT, e.action());
        assertEquals("ann", e.principal());
        assertEquals(new SubjectKey("C1", Set.of()).reference(), e.target());
        assertEquals("5", e.details().get("rows"));
        assertFalse(e.toString().contains("C1,"), "the audit holds the reference, not the key");
    }

    @Test
    void eraseDeletesEverywhereTaintsDerivedModelsAndReruns() throws Exception {
        SubjectRequests.Erasure e = requests.erase(new SubjectKey("C1", Set.of()), CsvRows.Erasure.DELETE, true, "ann");
        assertEquals(List.of(), e.failures());
        assertEquals("customer_id,email,spend\nC2,bob@x.org,20\nC12,carl@x.org,30\n",
                Files.readString(data.resolve("customers.csv")));
        assertEquals("customer_id,email,spend\nC2,bob@x.org,20\n", Files.readString(run1.resolve("copy.csv")));
        assertEquals("step,row,reason,record\n", Files.readString(run1.getParent().resolve("quarantine.csv")));
        assertEquals("<p>top customer [erased]</p>\n<p>C12 too</p>\n",
                Files.readString(run1.getParent().resolve("report.html")));
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"seg\"")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
        String model = Files.readString(models.resolve("model.properties"), StandardCharsets.UTF_8);
        assertTrue(model.contains("tainted=true"), model);
        assertFalse(Files.readString(dir.resolve("models/other/v1/model.properties")).contains("tainted"));
        assertEquals(List.of("churn v1"), e.tainted());
        assertEquals(List.of("wf re-run after erasure of data subject " + new SubjectKey("C1", Set.of()).reference()),
                started);
        assertEquals(List.of(AuditAction.MODEL, AuditAction.ERASE), audited.stream().map(AuditEntry::action).toList());
        // Nothing left to find.
        assertEquals(0, requests.scan(new SubjectKey("C1", Set.of())).rows());
    }

    @Test
    void pseudonymisationKeepsTheRowsAndTheirNumbers() throws Exception {
        SubjectRequests.Erasure e = requests.erase(new SubjectKey("ann@x.org", Set.of("email")),
                CsvRows.Erasure.PSEUDONYMISE, false, "ann");
        assertEquals(List.of(), e.failures());
        String ref = new SubjectKey("ann@x.org", Set.of()).reference().substring("sha256:".length());
        assertEquals("customer_id,email,spend\nerased-" + ref + ",erased-" + ref + ",10\nC2,bob@x.org,20\n",
                Files.readString(run1.resolve("copy.csv")));
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"customer_id\", \"cluster\" FROM \"seg\" ORDER BY \"cluster\"")) {
            rs.next();
            // Cut to the column's width (12).
            assertEquals(("erased-" + ref).substring(0, 12), rs.getString(1));
            assertEquals(1, rs.getInt(2));
        }
    }

    @Test
    void aColumnRestrictionIgnoresTheKeyInOtherColumnsButNotInFreeText() throws IOException {
        assertEquals(List.of("run-text"), requests.scan(new SubjectKey("C1", Set.of("email"))).findings().stream()
                .map(Finding::kind).toList());
    }

    private RunService runs() {
        List<RunInfo> list = List.of(run("r1", "wf", run1.getParent()), run("r2", "other", run2));
        return (RunService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RunService.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "list" -> list;
                    case "start" -> {
                        started.add(args[0] + " " + args[1]);
                        yield run("r3", (String) args[0], null);
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static RunInfo run(String id, String workflow, Path folder) {
        return new RunInfo(id, workflow, 1, RunStatus.SUCCEEDED, Instant.now(), null, null, null, folder, null,
                List.of(), List.of());
    }

    private WorkflowService workflows() {
        return (WorkflowService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {WorkflowService.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "get" -> Optional.of(new DeployedWorkflow(new WorkflowDefinition(1, (String) args[0], null, null,
                            null, List.of()), 1, "test", Instant.now(), List.of(), List.of()));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private AuditLog audit() {
        return new AuditLog() {
            @Override
            public AuditEntry record(String principal, AuditAction action, String target, Map<String, String> details) {
                AuditEntry e = new AuditEntry(audited.size() + 1, Instant.now(), principal, action, target, details, "");
                audited.add(e);
                return e;
            }

            @Override
            public List<AuditEntry> query(AuditQuery query) {
                return audited;
            }

            @Override
            public AuditVerification verify() {
                return new AuditVerification(true, audited.size(), 0, "", "");
            }
        };
    }
}
