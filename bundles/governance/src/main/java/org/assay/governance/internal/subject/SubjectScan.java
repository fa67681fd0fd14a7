package org.assay.governance.internal.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assay.engine.RunInfo;

/**
 * Everything stored about a data subject, and what was derived from it: the places holding its
 * rows (data files, run outputs and quarantines, reports and logs, database tables written or
 * read by runs), the runs that read or wrote them (lineage from each run's workflow.json: its
 * path and table parameters), and the models those runs trained.
 */
public final class SubjectScan {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEXT = Set.of("html", "htm", "log", "txt", "md", "json");
    /** The engine's own records: rewritten by the engine, and they hold counts, not rows. */
    private static final Set<String> ENGINE_FILES = Set.of("run.json", "workflow.json", "outputs.json");

    /** A table a run wrote or read. */
    record TableRef(String dataSource, String table) {
    }

    /** A stored model version trained by a run. */
    public record ModelRef(String name, int version, String runId, Path properties) {
    }

    final SubjectKey key;
    final List<Finding> findings = new ArrayList<>();
    final Map<String, JdbcTables.TableHit> tableHits = new LinkedHashMap<>();
    final Set<String> derivedRuns = new LinkedHashSet<>();
    final Map<String, String> runWorkflows = new LinkedHashMap<>();
    final List<ModelRef> models = new ArrayList<>();
    final List<String> notSearched = new ArrayList<>();

    private SubjectScan(SubjectKey key) {
        this.key = key;
    }

    /**
     * @param dataSources a data source by its name, or empty when not installed
     */
    public static SubjectScan of(SubjectKey key, Path dataFolder, List<RunInfo> runs, Path modelFolder,
            Function<String, Optional<DataSource>> dataSources) throws IOException {
        SubjectScan s = new SubjectScan(key);
        Set<Path> dataHits = new LinkedHashSet<>();
        for (Path f : csvFiles(dataFolder)) {
            Finding found = CsvRows.find(key, "data-file", null, f);
            if (!found.rows().isEmpty()) {
                s.findings.add(found);
                dataHits.add(f.toAbsolutePath().normalize());
            }
        }
        Map<String, Set<TableRef>> tablesOfRun = new LinkedHashMap<>();
        Map<String, Set<Path>> filesOfRun = new LinkedHashMap<>();
        for (RunInfo r : runs) {
            if (r.folder() == null || !Files.isDirectory(r.folder())) {
                continue;
            }
            s.runWorkflows.put(r.runId(), r.workflowId());
            s.scanRunFolder(r);
            readLineage(r.folder().resolve("workflow.json"), dataFolder, tablesOfRun.computeIfAbsent(r.runId(),
                    k -> new LinkedHashSet<>()), filesOfRun.computeIfAbsent(r.runId(), k -> new LinkedHashSet<>()));
        }
        Set<TableRef> tables = new LinkedHashSet<>();
        tablesOfRun.values().forEach(tables::addAll);
        Set<TableRef> tablesHit = new LinkedHashSet<>();
        for (TableRef t : tables) {
            Optional<DataSource> ds = dataSources.apply(t.dataSource());
            if (ds.isEmpty() || !JdbcTables.validTable(t.table())) {
                s.notSearched.add("table " + t.dataSource() + "/" + t.table() + " (data source not available)");
                continue;
            }
            try {
                JdbcTables.TableHit hit = JdbcTables.find(key, ds.get(), t.dataSource(), t.table());
                if (!hit.finding().rows().isEmpty()) {
                    s.findings.add(hit.finding());
                    s.tableHits.put(t.dataSource() + "/" + t.table(), hit);
                    tablesHit.add(t);
                }
            } catch (SQLException e) {
                s.notSearched.add("table " + t.dataSource() + "/" + t.table() + " (" + e.getMessage() + ")");
            }
        }
        for (String run : s.runWorkflows.keySet()) {
            boolean readHit = filesOfRun.getOrDefault(run, Set.of()).stream().anyMatch(dataHits::contains);
            boolean tableHit = tablesOfRun.getOrDefault(run, Set.of()).stream().anyMatch(tablesHit::contains);
            if (readHit || tableHit) {
                s.derivedRuns.add(run);
            }
        }
        s.models.addAll(models(modelFolder, s.derivedRuns));
        return s;
    }

    private void scanRunFolder(RunInfo r) throws IOException {
        try (Stream<Path> files = Files.walk(r.folder())) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
                Finding found;
                if (ENGINE_FILES.contains(name)) {
                    continue;
                } else if (ext.equals("csv")) {
                    found = CsvRows.find(key, "run-file", r.runId(), f);
                } else if (TEXT.contains(ext)) {
                    found = TextLines.find(key, r.runId(), f);
                } else {
                    notSearched.add(r.folder().relativize(f) + " of run " + r.runId() + " (binary: charts, models)");
                    continue;
                }
                if (!found.rows().isEmpty()) {
                    findings.add(found);
                    derivedRuns.add(r.runId());
                }
            }
        }
    }

    /** The data files (any string parameter naming an existing file) and tables (jdbc steps) a run used. */
    private static void readLineage(Path workflowJson, Path dataFolder, Set<TableRef> tables, Set<Path> files)
            throws IOException {
        if (!Files.isRegularFile(workflowJson)) {
            return;
        }
        JsonNode root = JSON.readTree(Files.readString(workflowJson));
        for (JsonNode step : root.path("steps")) {
            JsonNode p = step.path("params");
            if (step.path("type").asText().startsWith("jdbc-") && p.path("table").isTextual()) {
                tables.add(new TableRef(p.path("dataSource").asText("assay"), p.path("table").asText()));
            }
            p.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                    try {
                        files.add(dataFolder.resolve(e.getValue().asText()).toAbsolutePath().normalize());
                    } catch (java.nio.file.InvalidPathException notAPath) {
                        // Not a path parameter: nothing to follow.
                    }
                }
            });
        }
    }

    private static List<Path> csvFiles(Path folder) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<ModelRef> models(Path folder, Set<String> runs) throws IOException {
        List<ModelRef> out = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder) || runs.isEmpty()) {
            return out;
        }
        try (Stream<Path> files = Files.walk(folder, 3)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("model.properties")).sorted().toList()) {
                Map<String, String> meta = ModelTaint.read(f);
                if (runs.contains(meta.get("run"))) {
                    int version = Integer.parseInt(meta.getOrDefault("version", "0"));
                    out.add(new ModelRef(meta.getOrDefault("name", f.getParent().getParent().getFileName().toString()),
                            version, meta.get("run"), f));
                }
            }
        }
        return out;
    }

    public SubjectKey key() {
        return key;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public Set<String> derivedRuns() {
        return Set.copyOf(derivedRuns);
    }

    /** The workflows of the derived runs, in the order first met. */
    public Set<String> derivedWorkflows() {
        Set<String> out = new LinkedHashSet<>();
        derivedRuns.forEach(r -> out.add(runWorkflows.get(r)));
        return out;
    }

    public List<ModelRef> models() {
        return List.copyOf(models);
    }

    public List<String> notSearched() {
        return List.copyOf(notSearched);
    }

    public long rows() {
        return findings.stream().mapToLong(f -> f.rows().size()).sum();
    }
}
