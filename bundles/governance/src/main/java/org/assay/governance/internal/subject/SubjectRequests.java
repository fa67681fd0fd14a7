package org.assay.governance.internal.subject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.WorkflowService;

/**
 * GDPR subject requests: access (export everything stored about a subject into one file) and
 * erasure (delete or pseudonymise it everywhere, follow lineage to derived runs and models, mark
 * the models tainted, re-run the workflows). Both are audited under the subject's reference, never
 * its key. Thread-safe: requests are serialised, so two erasures never rewrite a file at once.
 */
public final class SubjectRequests {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where things are. */
    public record Places(Path dataFolder, Path modelFolder, Path exportFolder) {
    }

    /** What an erasure did. */
    public record Erasure(SubjectScan scan, int rowsChanged, List<String> tainted, List<String> reruns,
            List<String> failures) {
    }

    private final Places places;
    private final RunService runs;
    private final WorkflowService workflows;
    private final AuditLog audit;
    private final Function<String, Optional<DataSource>> dataSources;
    private final Clock clock;

    public SubjectRequests(Places places, RunService runs, WorkflowService workflows, AuditLog audit,
            Function<String, Optional<DataSource>> dataSources, Clock clock) {
        this.places = places;
        this.runs = runs;
        this.workflows = workflows;
        this.audit = audit;
        this.dataSources = dataSources;
        this.clock = clock;
    }

    public synchronized SubjectScan scan(SubjectKey key) throws IOException {
        List<RunInfo> all = runs.list().stream().filter(r -> r.status().isFinished()).toList();
        return SubjectScan.of(key, places.dataFolder(), all, places.modelFolder(), dataSources);
    }

    /** Writes everything found into one JSON file readable by the Karaf user only. */
    public synchronized Path export(SubjectKey key, String principal) throws IOException {
        SubjectScan s = scan(key);
        Instant now = clock.instant();
        ObjectNode root = JSON.createObjectNode();
        root.put("subject", key.key());
        root.put("reference", key.reference());
        root.put("exportedAt", now.toString());
        root.put("exportedBy", principal);
        ArrayNode found = root.putArray("places");
        for (Finding f : s.findings()) {
            ObjectNode p = found.addObject();
            p.put("kind", f.kind());
            p.put("location", f.location());
            if (f.runId() != null) {
                p.put("run", f.runId());
            }
            f.header().forEach(p.putArray("columns")::add);
            ArrayNode rows = p.putArray("rows");
            for (List<String> row : f.rows()) {
                ArrayNode r = rows.addArray();
                row.forEach(r::add);
            }
        }
        s.derivedRuns().stream().sorted().forEach(root.putArray("derivedRuns")::add);
        ArrayNode models = root.putArray("models");
        s.models().forEach(m -> models.addObject().put("name", m.name()).put("version", m.version()).put("run", m.runId()));
        s.notSearched().forEach(root.putArray("notSearched")::add);
        Path dir = places.exportFolder();
        Files.createDirectories(dir);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        Path file = dir.resolve("subject-" + key.reference().substring("sha256:".length()) + "-"
                + now.toString().replace(":", "").replace(".", "") + ".json");
        Files.writeString(file, JSON.writeValueAsString(root));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rows", Long.toString(s.rows()));
        details.put("places", Integer.toString(s.findings().size()));
        details.put("derivedRuns", Integer.toString(s.derivedRuns().size()));
        details.put("models", Integer.toString(s.models().size()));
        details.put("file", file.getFileName().toString());
        audit.record(principal, AuditAction.EXPORT, key.reference(), details);
        return file;
    }

    /**
     * Erases the subject from every place found, marks the derived models tainted and, when asked,
     * re-runs the derived workflows that are still deployed. A place that cannot be changed is
     * reported, and the others are still erased.
     */
    public synchronized Erasure erase(SubjectKey key, CsvRows.Erasure how, boolean rerun, String principal)
            throws IOException {
        SubjectScan s = scan(key);
        int changed = 0;
        List<String> failures = new ArrayList<>();
        for (Finding f : s.findings()) {
            try {
                changed += switch (f.kind()) {
                    case "run-text" -> TextLines.erase(key, f.file());
                    case "table" -> eraseTable(key, f, s, how);
                    default -> CsvRows.erase(key, f.file(), how);
                };
            } catch (IOException | SQLException | RuntimeException e) {
                failures.add(f.location() + ": " + e.getMessage());
            }
        }
        Instant now = clock.instant();
        List<String> tainted = new ArrayList<>();
        for (SubjectScan.ModelRef m : s.models()) {
            try {
                ModelTaint.mark(m.properties(), "trained by run " + m.runId() + " on rows of data subject "
                        + key.reference() + ", erased " + now, now);
                tainted.add(m.name() + " v" + m.version());
                audit.record(principal, AuditAction.MODEL, m.name(), Map.of("version", Integer.toString(m.version()),
                        "change", "tainted", "subject", key.reference()));
            } catch (IOException e) {
                failures.add("model " + m.name() + " v" + m.version() + ": " + e.getMessage());
            }
        }
        List<String> reruns = new ArrayList<>();
        if (rerun) {
            for (String wf : s.derivedWorkflows()) {
                if (workflows.get(wf).isPresent()) {
                    reruns.add(runs.start(wf, "re-run after erasure of data subject " + key.reference(), principal)
                            .runId());
                }
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mode", how.name().toLowerCase(java.util.Locale.ROOT));
        details.put("rows", Integer.toString(changed));
        details.put("places", Integer.toString(s.findings().size()));
        details.put("derivedRuns", String.join(",", s.derivedRuns()));
        details.put("tainted", String.join(",", tainted));
        details.put("reruns", String.join(",", reruns));
        details.put("failures", Integer.toString(failures.size()));
        audit.record(principal, AuditAction.ERASE, key.reference(), details);
        return new Erasure(s, changed, tainted, reruns, failures);
    }

    private int eraseTable(SubjectKey key, Finding f, SubjectScan s, CsvRows.Erasure how) throws SQLException {
        String ds = f.location().substring(0, f.location().indexOf('/'));
        String table = f.location().substring(f.location().indexOf('/') + 1);
        DataSource source = dataSources.apply(ds).orElseThrow(() -> new SQLException("data source " + ds + " is gone"));
        return JdbcTables.erase(key, source, table, s.tableHits.get(f.location()), how);
    }
}
