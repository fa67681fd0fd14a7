package org.assay.connectors.jdbc.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.assay.api.step.StepFailure;
import org.assay.engine.RunInfo;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Watermarks in one small properties file per workflow and step under
 * {@code ${karaf.data}/assay-jdbc/watermarks}: the committed value, and the values of runs
 * not yet known to have succeeded ({@code pending.<runId>}). Whether a run succeeded is asked
 * of the engine's run records when the next run of the step starts: a succeeded run's value is
 * committed, a failed, cancelled or forgotten run's is dropped, a run still going is kept.
 */
@Component(service = Watermarks.class)
public final class FileWatermarks implements Watermarks {

    private static final String COMMITTED = "committed";
    private static final String PENDING = "pending.";

    private final Path dir;
    private final Function<String, Optional<RunInfo>> runs;
    /** The engine is asked when a run reads ({@link EngineRuns}: never a DS reference). */
    @Activate
    public FileWatermarks(BundleContext context) {
        this.dir = Path.of(System.getProperty("karaf.data", "data"), "assay-jdbc", "watermarks");
        this.runs = runId -> EngineRuns.find(context, runId);
    }

    FileWatermarks(Path dir, Function<String, Optional<RunInfo>> runs) {
        this.dir = dir;
        this.runs = runs;
    }

    @Override
    public synchronized Optional<Watermark> committed(String runId, String stepId) throws StepFailure {
        Path file = file(runId, stepId);
        Properties p = load(file);
        Watermark committed = p.containsKey(COMMITTED) ? parse(p.getProperty(COMMITTED), file) : null;
        boolean changed = false;
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(PENDING)) {
                continue;
            }
            String run = key.substring(PENDING.length());
            if (run.equals(runId)) {
                // This run's own value from an earlier attempt (a resumed run): it reads again.
                p.remove(key);
                changed = true;
                continue;
            }
            Optional<RunInfo> info = runs.apply(run);
            if (info.isPresent() && !info.get().status().isFinished()) {
                continue;
            }
            if (info.isPresent() && info.get().status() == org.assay.engine.RunStatus.SUCCEEDED) {
                Watermark w = parse(p.getProperty(key), file);
                committed = committed == null || committed.kind() != w.kind() ? w : committed.max(w.value());
                p.setProperty(COMMITTED, committed.format());
            }
            p.remove(key);
            changed = true;
        }
        if (changed) {
            store(file, p);
        }
        return Optional.ofNullable(committed);
    }

    @Override
    public synchronized void pending(String runId, String stepId, Watermark value) throws StepFailure {
        Path file = file(runId, stepId);
        Properties p = load(file);
        p.setProperty(PENDING + runId, value.format());
        store(file, p);
    }

    /** The file of the run's workflow and this step; names are hex-encoded unless plain. */
    private Path file(String runId, String stepId) throws StepFailure {
        String workflow = runs.apply(runId).map(RunInfo::workflowId).orElseThrow(() -> new StepFailure(
                "parameter watermark: the engine has no record of run " + runId + ", so its watermark cannot be kept"));
        return dir.resolve(safe(workflow)).resolve(safe(stepId) + ".properties");
    }

    private static String safe(String name) {
        return name.matches("[A-Za-z0-9_-]{1,100}") ? name
                : "x" + HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Watermark parse(String stored, Path file) throws StepFailure {
        try {
            return Watermark.parse(stored);
        } catch (RuntimeException e) {
            throw new StepFailure("parameter watermark: the stored watermark in " + file + " is damaged ('" + stored
                    + "'); delete the file to read every row again, or fix the value");
        }
    }

    private static Properties load(Path file) throws StepFailure {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new StepFailure("parameter watermark: cannot read " + file + ": " + e.getMessage());
            }
        }
        return p;
    }

    /** Written to a temporary file and moved over the old one, so a crash leaves one or the other. */
    private static void store(Path file, Properties p) throws StepFailure {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "jdbc-reader watermark; delete to read every row again");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StepFailure("parameter watermark: cannot write " + file + ": " + e.getMessage());
        }
    }
}
