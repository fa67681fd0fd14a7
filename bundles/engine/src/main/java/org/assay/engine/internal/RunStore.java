package org.assay.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs the engine knows: ids, the live runs and the finished history, their records
 * on disk ({@code run.json}, written through {@link RunRecordWriter}) and retention. Knows
 * nothing about executing a run, so any runner can keep its runs here.
 */
final class RunStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** The workflow source as the run started it, in the run folder. */
    static final String WORKFLOW_FILE = "workflow.json";
    static final Comparator<RunInfo> NEWEST_FIRST = Comparator
            .comparing(RunInfo::queuedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RunInfo::runId, Comparator.reverseOrder());

    private final EngineSettings settings;
    private final Map<String, RunState> live = new ConcurrentHashMap<>();
    private final Map<String, RunInfo> history = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final RunRecordWriter records;

    RunStore(EngineSettings settings, Duration recordInterval) {
        this.settings = settings;
        this.records = new RunRecordWriter(recordInterval, live::values);
    }

    /**
     * Reads the records under the runs folder. Finished runs join the history; a run that
     * was in flight is returned for resuming if it can be, else recorded as failed.
     */
    List<RunInfo> load() {
        List<RunInfo> toResume = new ArrayList<>();
        Path runs = settings.runsDir();
        if (!Files.isDirectory(runs)) {
            return toResume;
        }
        int maxSeq = 0;
        String today = DAY.format(LocalDate.now());
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(RunRecords.FILE_NAME);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    RunInfo r = RunRecords.read(file);
                    if (!r.status().isFinished()) {
                        if (settings.resumeInterruptedRuns() && Files.isRegularFile(dir.resolve(WORKFLOW_FILE))) {
                            toResume.add(r);
                        } else {
                            r = markInterrupted(r);
                        }
                    } else {
                        history.put(r.runId(), r);
                    }
                    if (r.runId().startsWith(today + "-")) {
                        maxSeq = Math.max(maxSeq, Integer.parseInt(r.runId().substring(today.length() + 1)));
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.error("Cannot read run record {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run history under " + runs, e);
        }
        sequence.set(maxSeq);
        LOG.info("Loaded {} run records from {}; {} interrupted runs to resume", history.size(), runs,
                toResume.size());
        return toResume;
    }

    /** Records a run that was in flight when Karaf stopped and will not resume as failed. */
    RunInfo markInterrupted(RunInfo r) {
        RunInfo failed = new RunInfo(r.runId(), r.workflowId(), r.workflowVersion(), RunStatus.FAILED, r.queuedAt(),
                r.startedAt(), Instant.now(), "Karaf stopped while the run was " + r.status().label()
                        + "; start it again with assay:run " + r.workflowId(),
                r.folder(), r.report(), r.steps(), r.events());
        try {
            RunRecords.write(failed);
        } catch (IOException e) {
            LOG.error("Cannot write the record of run {}: {}", r.runId(), e.getMessage());
        }
        history.put(failed.runId(), failed);
        return failed;
    }

    private synchronized String nextRunId() {
        String day = DAY.format(LocalDate.now());
        String id;
        do {
            id = day + "-" + String.format("%04d", sequence.incrementAndGet());
        } while (Files.exists(settings.runsDir().resolve(id)));
        return id;
    }

    /** A new queued run of a deployed workflow: its folder, its copy of the source, its first record. */
    RunState create(DeployedWorkflow wf, String source, String trigger) {
        String runId = nextRunId();
        Path folder = settings.runsDir().resolve(runId);
        try {
            OwnerOnly.directory(folder);
            Files.writeString(folder.resolve(WORKFLOW_FILE), source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + folder, e);
        }
        RunState run = new RunState(runId, wf.definition(), wf.version(), folder, Instant.now());
        live.put(runId, run);
        run.event("queued workflow " + wf.id() + " version " + wf.version() + " (" + trigger + ")");
        records.writeNow(run);
        return run;
    }

    /** A run picked up again after a restart is live again. */
    void resumed(RunState run) {
        live.put(run.runId, run);
        records.writeNow(run);
    }

    Optional<RunInfo> get(String runId) {
        RunState r = live.get(runId);
        return r != null ? Optional.of(r.snapshot()) : Optional.ofNullable(history.get(runId));
    }

    Optional<RunState> live(String runId) {
        return Optional.ofNullable(live.get(runId));
    }

    Collection<RunState> liveRuns() {
        return live.values();
    }

    List<RunInfo> list() {
        Map<String, RunInfo> all = new HashMap<>(history);
        live.values().forEach(r -> all.put(r.runId, r.snapshot()));
        List<RunInfo> out = new ArrayList<>(all.values());
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** The run changed; its record follows within the record interval. */
    void changed(RunState run) {
        records.changed(run);
    }

    /** The run pauses (the engine stops): its record is written now, it stays for resuming. */
    void paused(RunState run) {
        records.writeNow(run);
    }

    /** The run ended: its last record is written, it joins the history, old runs go. */
    void finished(RunState run) {
        records.writeNow(run);
        history.put(run.runId, run.snapshot());
        live.remove(run.runId);
        prune(run.workflow.id());
    }

    /** Run records written so far; lets tests see that changes are coalesced. */
    long writes() {
        return records.writes();
    }

    /** Keeps the newest {@code keepRunsPerWorkflow} finished runs of a workflow, if set. */
    private void prune(String workflowId) {
        int keep = settings.keepRunsPerWorkflow();
        if (keep <= 0) {
            return;
        }
        List<RunInfo> finished = history.values().stream()
                .filter(r -> r.workflowId().equals(workflowId) && r.status().isFinished())
                .sorted(NEWEST_FIRST)
                .toList();
        for (RunInfo old : finished.subList(Math.min(keep, finished.size()), finished.size())) {
            history.remove(old.runId());
            deleteTree(settings.runsDir().resolve(old.runId()));
            LOG.info("Run {} of {} deleted: only the newest {} are kept (keepRunsPerWorkflow)", old.runId(),
                    workflowId, keep);
        }
    }

    /** Writes the records of runs still in flight (the next start resumes them), then stops writing. */
    @Override
    public void close() {
        for (RunState r : live.values()) {
            if (!r.status.isFinished()) {
                records.writeNow(r);
            }
        }
        records.close();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot clean {}: {}", dir, e.getMessage());
        }
    }
}
