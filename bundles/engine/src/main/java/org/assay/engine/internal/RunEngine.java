package org.assay.engine.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assay.api.step.Parameters;
import org.assay.api.step.Step;
import org.assay.api.step.StepCancelledException;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.api.workflow.InputRef;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunContent;
import org.assay.engine.RunEvent.Kind;
import org.assay.engine.RunInfo;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunService;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes runs on a bounded pool. Each step's outputs are spooled to the run folder, so
 * a step can be replayed from its inputs when the bundle providing it is updated or
 * stopped mid-run, and a run waits (visibly, with a timeout) for step types that are not
 * installed yet. Run records are written to {@code run.json} and reloaded on start.
 */
@Component(service = RunService.class, configurationPid = "org.assay.engine")
@Designate(ocd = EngineConfig.class)
public final class RunEngine implements RunService, StepRegistry.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);
    /** Replays of one step before the run gives up: bundles flapping forever must not spin a run forever. */
    private static final int MAX_ATTEMPTS = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** The workflow source as the run started it, in the run folder. */
    private static final String WORKFLOW_FILE = "workflow.json";
    private static final String SPOOL_DIR = ".spool";
    /** Which spool file holds each finished step output ("step.port"), for resuming. */
    private static final String SPOOL_INDEX = "outputs.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<RunInfo> NEWEST_FIRST = Comparator
            .comparing(RunInfo::queuedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RunInfo::runId, Comparator.reverseOrder());

    private final StepRegistry registry;
    private final WorkflowService workflows;
    private final EngineSettings settings;
    private final WorkflowValidator validator;
    private final FileAccess files;
    /** Runs coordinators: one thread per run in progress. */
    private final ExecutorService pool;
    /** Steps of all runs; separate from the run pool so a coordinator never waits for its own thread. */
    private final ExecutorService stepPool;
    private final Map<String, RunState> live = new ConcurrentHashMap<>();
    private final Map<String, RunInfo> history = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Longest a change of a run waits to reach its run.json. */
    private static final Duration RECORD_INTERVAL = Duration.ofSeconds(1);
    private final RunRecordWriter records;
    /** The run listener whiteboard: events of every run go there. */
    private final RunEvents events;
    /** Signalled when a step type arrives or a run is cancelled, to wake waiting runs. */
    private final Object stepTypesChanged = new Object();

    @Activate
    public RunEngine(@Reference StepRegistry registry, @Reference WorkflowService workflows,
            @Reference RunEvents events, EngineConfig config) {
        this(registry, workflows, EngineSettings.from(config), RECORD_INTERVAL, events);
    }

    RunEngine(StepRegistry registry, WorkflowService workflows, EngineSettings settings) {
        this(registry, workflows, settings, RECORD_INTERVAL);
    }

    RunEngine(StepRegistry registry, WorkflowService workflows, EngineSettings settings, Duration recordInterval) {
        this(registry, workflows, settings, recordInterval, new RunEvents());
    }

    RunEngine(StepRegistry registry, WorkflowService workflows, EngineSettings settings, Duration recordInterval,
            RunEvents events) {
        this.registry = registry;
        this.events = events;
        this.workflows = workflows;
        this.settings = settings;
        this.files = FileAccess.of(settings);
        this.validator = new WorkflowValidator(registry, files, settings.limits());
        this.pool = fixedPool(settings.threads(), "assay-run-");
        this.stepPool = fixedPool(settings.stepThreads(), "assay-step-");
        this.records = new RunRecordWriter(recordInterval, live::values, new RunObserver(events, Duration.ofSeconds(1)));
        closeDataDir(settings);
        loadHistory();
        registry.addListener(this);
        toResume.forEach(this::resume);
        toResume.clear();
    }

    /** Run folders hold personal data: the engine's data folder is the Karaf user's alone. */
    static void closeDataDir(EngineSettings settings) {
        try {
            OwnerOnly.directory(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the engine's data folder " + settings.dataDir()
                    + " (dataDir in etc/org.assay.engine.cfg): " + e.getMessage(), e);
        }
    }

    private static ExecutorService fixedPool(int threads, String namePrefix) {
        AtomicInteger threadNo = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, namePrefix + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(this);
        for (RunState r : live.values()) {
            r.engineStopping = true;
            r.event(Kind.RUN_PAUSED, null, "engine stopping: the run pauses here"
                    + (settings.resumeInterruptedRuns() ? " and resumes when the engine starts again" : ""));
        }
        synchronized (stepTypesChanged) {
            stepTypesChanged.notifyAll();
        }
        stepPool.shutdownNow();
        pool.shutdownNow();
        try {
            stepPool.awaitTermination(10, TimeUnit.SECONDS);
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RunState r : live.values()) {
            if (!r.status.isFinished()) {
                // The next start resumes it or marks it failed: see loadHistory.
                records.writeNow(r);
            }
        }
        records.close();
    }

    /** Run records written so far; lets tests see that changes are coalesced. */
    long recordWrites() {
        return records.writes();
    }

    /** Runs that were in flight when the engine last stopped, resumed once it is up. */
    private final List<RunInfo> toResume = new ArrayList<>();

    private void loadHistory() {
        Path runs = settings.runsDir();
        if (!Files.isDirectory(runs)) {
            return;
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
    }

    /** Records a run that was in flight when Karaf stopped and will not resume as failed. */
    private RunInfo markInterrupted(RunInfo r) {
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

    @Override
    public RunInfo start(String workflowId, String trigger, String principal) {
        DeployedWorkflow wf = workflows.get(workflowId).orElseThrow(() -> new NoSuchElementException(
                "no workflow '" + workflowId + "' is deployed; see assay:workflow-list, or deploy it with assay:workflow-deploy <file>"));
        String source = workflows.source(workflowId).orElseThrow();
        String runId = nextRunId();
        Path folder = settings.runsDir().resolve(runId);
        try {
            OwnerOnly.directory(folder);
            Files.writeString(folder.resolve(WORKFLOW_FILE), source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + folder, e);
        }
        RunState run = new RunState(runId, wf.definition(), wf.version(), folder, Instant.now());
        run.startedBy = principal == null || principal.isBlank() ? SYSTEM : principal;
        run.trigger = trigger;
        run.publishTo(events::publish);
        live.put(runId, run);
        run.event(Kind.RUN_QUEUED, null, "queued workflow " + workflowId + " version " + wf.version() + " ("
                + trigger + ", by " + run.startedBy + ")");
        records.writeNow(run);
        pool.execute(() -> execute(run, source, new HashMap<>(), Set.of()));
        return run.snapshot();
    }

    @Override
    public Optional<RunInfo> get(String runId) {
        RunState r = live.get(runId);
        return r != null ? Optional.of(r.snapshot()) : Optional.ofNullable(history.get(runId));
    }

    @Override
    public List<RunInfo> list() {
        Map<String, RunInfo> all = new HashMap<>(history);
        live.values().forEach(r -> all.put(r.runId, r.snapshot()));
        List<RunInfo> out = new ArrayList<>(all.values());
        out.sort(NEWEST_FIRST);
        return out;
    }

    @Override
    public RunPage query(RunQuery query) {
        return RunQueries.page(list(), query, Instant.now());
    }

    @Override
    public Optional<RunContent> openArtifact(String runId, String artifactId) throws IOException {
        return RunContents.artifact(get(runId), artifactId);
    }

    @Override
    public Optional<RunContent> openReport(String runId) throws IOException {
        return RunContents.report(get(runId));
    }

    @Override
    public Optional<RunContent> openQuarantine(String runId) throws IOException {
        return RunContents.quarantine(get(runId));
    }

    @Override
    public Optional<RunContent> openLog(String runId) throws IOException {
        return RunContents.log(get(runId));
    }

    @Override
    public boolean cancel(String runId, String principal) {
        RunState r = live.get(runId);
        if (r == null || r.status.isFinished()) {
            return false;
        }
        r.cancelledBy = principal == null || principal.isBlank() ? SYSTEM : principal;
        r.cancelRequested = true;
        r.event(Kind.CANCEL_REQUESTED, null, "cancel requested by " + r.cancelledBy);
        synchronized (stepTypesChanged) {
            stepTypesChanged.notifyAll();
        }
        return true;
    }

    @Override
    public RunInfo await(String runId, Duration timeout) throws InterruptedException {
        RunState r = live.get(runId);
        if (r != null) {
            r.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return get(runId).orElseThrow(() -> new NoSuchElementException("no run '" + runId + "'"));
    }

    // ---- hot-swap ----

    @Override
    public void added(RegisteredStep step) {
        synchronized (stepTypesChanged) {
            stepTypesChanged.notifyAll();
        }
    }

    @Override
    public void removed(RegisteredStep step) {
        for (RunState run : live.values()) {
            for (StepState s : run.steps.values()) {
                if (s.status == RunStatus.RUNNING && s.providerServiceId == step.serviceId()) {
                    s.providerGone = true;
                    run.event(Kind.STEP_REPLAYED, s.id(), "step '" + s.id() + "': provider " + step.provider()
                            + " went away mid-step");
                }
            }
        }
    }

    // ---- execution ----

    /**
     * Runs the graph to its end. {@code keptSpools} and {@code done} carry the results of
     * steps finished before a restart; empty for a new run.
     */
    private void execute(RunState run, String source, Map<String, Path> keptSpools, Set<String> done) {
        if (run.startedAt == null) {
            run.startedAt = Instant.now();
        }
        run.stepRunning();
        Path spoolDir = run.folder.resolve(SPOOL_DIR);
        boolean paused = false;
        try (QuarantineLog quarantine = new QuarantineLog(run.folder, spoolDir)) {
            Files.createDirectories(spoolDir);
            runGraph(run, source, spoolDir, quarantine, new ConcurrentHashMap<>(keptSpools), new HashSet<>(done));
            paused = run.engineStopping && run.status != RunStatus.FAILED && !run.cancelRequested;
            if (!paused) {
                run.finish();
                List<QuarantineLog.Entry> preview = quarantine.finish(
                        run.workflow.steps().stream().map(StepDefinition::id).toList());
                writeReport(run, preview, quarantine);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Run {} failed inside the engine", run.runId, e);
            run.failed("internal engine error: " + e);
            run.finish();
            paused = false;
        } finally {
            run.log.close();
            if (paused) {
                // Spools, quarantine parts and the record stay for the next start to resume.
                records.writeNow(run);
                run.finished.countDown();
                LOG.info("Run {} of {} paused: the engine is stopping", run.runId, run.workflow.id());
            } else {
                if (!settings.keepSpools()) {
                    deleteTree(spoolDir);
                }
                records.writeNow(run);
                history.put(run.runId, run.snapshot());
                live.remove(run.runId);
                pruneRuns(run.workflow.id());
                run.finished.countDown();
                LOG.info("Run {} of {} {}", run.runId, run.workflow.id(), run.status.label());
            }
        }
    }

    /** Keeps the newest {@code keepRunsPerWorkflow} finished runs of a workflow, if set. */
    private void pruneRuns(String workflowId) {
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

    /**
     * Picks up a run the engine was executing when it stopped: steps that had finished keep
     * their results (spooled outputs, counts, artifacts, quarantine); the rest run again from
     * their inputs. The workflow version is the one the run started with.
     */
    private void resume(RunInfo r) {
        try {
            String source = Files.readString(r.folder().resolve(WORKFLOW_FILE), StandardCharsets.UTF_8);
            WorkflowDefinition def = WorkflowValidator.readDeployed(source);
            RunState run = new RunState(r.runId(), def, r.workflowVersion(), r.folder(), r.queuedAt());
            run.startedAt = r.startedAt();
            run.restore(r);
            run.publishTo(events::publish);
            // The record was touched while the engine lived: after a crash its time is about the moment of death.
            Instant stoppedAt = RunRecords.lastAlive(r.folder().resolve(RunRecords.FILE_NAME));
            long down = Math.max(0, Duration.between(stoppedAt, Instant.now()).toMillis());
            // Before its start the downtime is queueing time, outside the run's duration anyway.
            run.downtimeMillis = r.downtimeMillis() + (r.startedAt() == null ? 0 : down);
            Path spoolDir = r.folder().resolve(SPOOL_DIR);
            Map<String, Path> kept = readSpoolIndex(spoolDir);
            Set<String> done = new HashSet<>();
            for (StepRunInfo s : r.steps()) {
                StepState st = run.steps.get(s.stepId());
                if (st == null) {
                    continue;
                }
                st.attempts = s.attempts();
                if (s.status() == RunStatus.SUCCEEDED && outputsKept(def, s.stepId(), kept)) {
                    st.status = RunStatus.SUCCEEDED;
                    st.provider = s.provider();
                    st.rowsIn.set(s.rowsIn());
                    st.rowsOut.set(s.rowsOut());
                    st.quarantined.set(s.quarantined());
                    st.filtered.set(s.filtered());
                    st.durationMillis = s.durationMillis();
                    st.progress = 1;
                    st.artifacts.addAll(s.artifacts());
                    done.add(s.stepId());
                }
            }
            for (StepRunInfo s : r.steps()) {
                if (!done.contains(s.stepId()) && s.attempts() > 0 && run.steps.containsKey(s.stepId())) {
                    // Saved as running (a crash) or queued again (a stop): either way its attempt was cut short.
                    run.event(Kind.NOTE, s.stepId(), "step '" + s.stepId() + "' was interrupted by engine stop at " + RunState.time(stoppedAt)
                            + " during attempt " + s.attempts() + "; it runs again from its inputs");
                }
            }
            kept.keySet().removeIf(k -> !done.contains(k.substring(0, k.lastIndexOf('.'))));
            run.event(Kind.RUN_RESUMED, null, "engine started again after " + down / 1000 + " s stopped: run resumed "
                    + (done.isEmpty() ? "from the start" : "after " + String.join(", ", done)
                            + " (their results were kept)"));
            live.put(run.runId, run);
            records.writeNow(run);
            pool.execute(() -> execute(run, source, kept, done));
            LOG.info("Resuming run {} of {}; finished steps kept: {}", r.runId(), def.id(), done);
        } catch (IOException | RuntimeException | SourceDocument.SyntaxError e) {
            LOG.error("Cannot resume run {}: {}", r.runId(), e.getMessage());
            markInterrupted(r);
        }
    }

    /** Whether every output of a step that another step reads is in the spool index. */
    private static boolean outputsKept(WorkflowDefinition wf, String stepId, Map<String, Path> kept) {
        return unsuppliedInput(wf, stepId, port -> kept.containsKey(stepId + "." + port)).isEmpty();
    }

    private static Map<String, Path> readSpoolIndex(Path spoolDir) throws IOException {
        Map<String, Path> kept = new HashMap<>();
        Path index = spoolDir.resolve(SPOOL_INDEX);
        if (Files.isRegularFile(index)) {
            JSON.readTree(index.toFile()).fields().forEachRemaining(e -> {
                Path file = spoolDir.resolve(e.getValue().asText());
                if (Files.isRegularFile(file)) {
                    kept.put(e.getKey(), file);
                }
            });
        }
        return kept;
    }

    /** Records which spool file holds each finished output; replaced atomically. */
    private static void writeSpoolIndex(Path spoolDir, Map<String, Path> spools) throws IOException {
        synchronized (spools) {
            ObjectNode index = JSON.createObjectNode();
            new TreeMap<>(spools).forEach((key, file) -> index.put(key, file.getFileName().toString()));
            Path tmp = spoolDir.resolve(SPOOL_INDEX + ".tmp");
            Files.writeString(tmp, index.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, spoolDir.resolve(SPOOL_INDEX), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Starts every step whose inputs are complete on the step pool, in document order, and
     * waits for them; independent branches so run in parallel. A failed step stops the
     * others in flight (they see {@link RunState#shouldStop()}) and starts no new one.
     */
    private void runGraph(RunState run, String source, Path spoolDir, QuarantineLog quarantine,
            Map<String, Path> spools, Set<String> succeeded) {
        Set<String> started = new HashSet<>(succeeded);
        CompletionService<Boolean> done = new ExecutorCompletionService<>(stepPool);
        Map<Future<Boolean>, StepState> inFlight = new HashMap<>();
        while (true) {
            if (!run.shouldStop()) {
                for (StepDefinition def : run.workflow.steps()) {
                    if (!started.contains(def.id())
                            && def.inputs().values().stream().allMatch(r -> succeeded.contains(r.stepId()))) {
                        started.add(def.id());
                        StepState step = run.steps.get(def.id());
                        inFlight.put(done.submit(() -> runStep(run, step, source, spools, spoolDir, quarantine)), step);
                    }
                }
            }
            if (inFlight.isEmpty()) {
                return;
            }
            Future<Boolean> next;
            try {
                next = done.take();
            } catch (InterruptedException e) {
                // The engine is stopping: steps see the flag, and their pool is shut down too.
                Thread.currentThread().interrupt();
                run.engineStopping = true;
                return;
            }
            StepState step = inFlight.remove(next);
            try {
                // A step that returns false has failed (which stops the run) or was stopped.
                if (next.get()) {
                    succeeded.add(step.id());
                }
            } catch (ExecutionException e) {
                LOG.error("Step {} of run {} failed inside the engine", step.id(), run.runId, e.getCause());
                fail(run, step, "internal engine error: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.engineStopping = true;
                return;
            }
        }
    }

    /** Runs one step, replaying it if its provider goes away. @return whether the run goes on */
    private boolean runStep(RunState run, StepState step, String source, Map<String, Path> spools, Path spoolDir,
            QuarantineLog quarantine) {
        StepDefinition def = step.definition;
        while (true) {
            if (run.shouldStop()) {
                step.status = run.engineStopping ? RunStatus.QUEUED : RunStatus.CANCELLED;
                return false;
            }
            Optional<RegisteredStep> provider = awaitProvider(run, step);
            if (provider.isEmpty()) {
                return false;
            }
            RegisteredStep p = provider.get();
            StepDescriptor descriptor = p.info().descriptor();
            if (step.attempts == 0) {
                Optional<String> invalid = revalidate(run, source, def);
                if (invalid.isPresent()) {
                    return fail(run, step, invalid.get());
                }
            }
            step.resetForAttempt();
            quarantine.startAttempt(step.id());
            step.attempts++;
            step.provider = p.provider();
            step.providerServiceId = p.serviceId();
            step.startNanos = System.nanoTime();
            step.status = RunStatus.RUNNING;
            run.stepRunning();
            records.changed(run);
            if (!registry.isRegistered(p.serviceId())) {
                // Went away between lookup and start: look again.
                continue;
            }
            Map<String, Path> inputs = new LinkedHashMap<>();
            def.inputs().forEach((port, ref) -> inputs.put(port, spools.get(ref.stepId() + "." + ref.port())));
            EngineStepContext ctx = new EngineStepContext(run, step, Parameters.of(descriptor, def.params()),
                    descriptor, inputs, spoolDir, files, quarantine);
            Throwable thrown = null;
            try {
                Step instance = p.type().newStep();
                instance.run(ctx);
            } catch (Throwable t) {
                thrown = t;
            }
            step.durationMillis = (System.nanoTime() - step.startNanos) / 1_000_000;
            if (step.providerGone) {
                ctx.discardOutputs();
                run.event(Kind.STEP_REPLAYED, step.id(), "step '" + step.id() + "': attempt " + step.attempts + " on " + step.provider
                        + " discarded; replaying from its inputs on the new provider");
                if (step.attempts >= MAX_ATTEMPTS) {
                    return fail(run, step, "the bundle providing " + def.type() + " changed " + MAX_ATTEMPTS
                            + " times during this step; start the run again once it is stable");
                }
                step.status = RunStatus.WAITING_FOR_STEPS;
                continue;
            }
            if (run.engineStopping && !run.cancelRequested) {
                // Not the step's fault: it runs again, from its inputs, when the run resumes.
                ctx.discardOutputs();
                step.status = RunStatus.QUEUED;
                step.progress = 0;
                return false;
            }
            if (run.cancelRequested && (thrown == null || thrown instanceof StepCancelledException)
                    || run.stopping && thrown instanceof StepCancelledException) {
                ctx.discardOutputs();
                step.status = RunStatus.CANCELLED;
                if (!run.cancelRequested) {
                    step.error = "stopped because another step failed";
                }
                return false;
            }
            if (thrown != null) {
                ctx.discardOutputs();
                return fail(run, step, describe(step, thrown));
            }
            Map<String, Path> outputs;
            try {
                outputs = ctx.finishOutputs();
            } catch (IOException e) {
                return fail(run, step, "cannot store the output of step '" + step.id() + "': " + e.getMessage());
            }
            outputs.forEach((port, file) -> spools.put(step.id() + "." + port, file));
            Optional<String> missing = missingOutputs(run.workflow, step, outputs);
            if (missing.isPresent()) {
                return fail(run, step, missing.get());
            }
            try {
                writeSpoolIndex(spoolDir, spools);
            } catch (IOException e) {
                return fail(run, step, "cannot record the output of step '" + step.id() + "' under " + spoolDir
                        + ": " + e.getMessage());
            }
            long in = step.rowsIn.get();
            long accounted = step.rowsOut.get() + step.quarantined.get() + step.filtered.get();
            if (in != accounted) {
                return fail(run, step, "step '" + step.id() + "' (" + step.provider + ") lost track of rows: "
                        + in + " in, but " + step.rowsOut.get() + " out + " + step.quarantined.get()
                        + " quarantined + " + step.filtered.get() + " filtered; this is a bug in the step");
            }
            step.progress = 1;
            step.status = RunStatus.SUCCEEDED;
            if (step.attempts > 1) {
                run.event(Kind.NOTE, step.id(), "step '" + step.id() + "' completed on " + step.provider + " after " + step.attempts
                        + " attempts (replayed from its inputs; no rows lost)");
            }
            records.changed(run);
            return true;
        }
    }

    /** Waits until the step type is installed, the run is cancelled, or the wait times out. */
    private Optional<RegisteredStep> awaitProvider(RunState run, StepState step) {
        String type = step.definition.type();
        long deadline = System.nanoTime() + settings.stepWaitTimeout().toNanos();
        boolean announced = false;
        synchronized (stepTypesChanged) {
            while (true) {
                Optional<RegisteredStep> p = registry.provider(type);
                if (p.isPresent()) {
                    if (announced) {
                        run.event(Kind.NOTE, step.id(), "step type " + type + " arrived from " + p.get().provider()
                                + "; continuing");
                    }
                    return p;
                }
                if (run.shouldStop()) {
                    step.status = run.engineStopping ? RunStatus.QUEUED : RunStatus.CANCELLED;
                    return Optional.empty();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail(run, step, "step type " + type + " was not installed within "
                            + settings.stepWaitTimeout().toSeconds() + " s; install the bundle or feature providing it "
                            + "(see assay:step-list) and run the workflow again");
                    return Optional.empty();
                }
                Optional<String> slip = WorkflowValidator.oneSlipFrom(type,
                        registry.list().stream().map(i -> i.typeId()).toList());
                if (slip.isPresent()) {
                    // Deployed before the type it misspells was installed: waiting would be for nothing.
                    fail(run, step, "unknown step type '" + type + "'; did you mean '" + slip.get()
                            + "'? Correct the workflow and run it again");
                    return Optional.empty();
                }
                if (!announced) {
                    announced = true;
                    step.status = RunStatus.WAITING_FOR_STEPS;
                    // The reason with the status: whoever sees the run waiting must also see why.
                    run.stepWaiting("waiting for step type " + type + " (step '" + step.id() + "') to be installed");
                    run.event(Kind.STEP_WAITING, step.id(), "step '" + step.id() + "' waits for step type " + type
                            + " to be installed");
                    records.changed(run);
                }
                try {
                    stepTypesChanged.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    run.cancelRequested = true;
                }
                if (announced && registry.provider(type).isPresent()) {
                    run.clearWaiting();
                }
            }
        }
    }

    /**
     * Parameters of a type that was missing at deploy time are checked when it arrives. The
     * whole workflow is validated once per run and set of installed step types, not once per
     * step: validation walks every step and may peek at files for design-time schemas.
     */
    private Optional<String> revalidate(RunState run, String source, StepDefinition def) {
        Set<Long> providers = registry.serviceIds();
        RunState.Validated v = run.validated;
        if (v == null || !v.providers().equals(providers)) {
            v = new RunState.Validated(providers, validator.validate(source).errors());
            run.validated = v;
        }
        String at = "$.steps[" + run.workflow.steps().indexOf(def) + "]";
        List<ValidationProblem> errors = v.errors().stream()
                .filter(p -> p.path().equals(at) || p.path().startsWith(at + ".")).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("step '" + def.id() + "' has invalid parameters for " + def.type() + ": "
                + String.join("; ", errors.stream().map(ValidationProblem::toString).toList()));
    }

    private static Optional<String> missingOutputs(WorkflowDefinition wf, StepState step, Map<String, Path> outputs) {
        return unsuppliedInput(wf, step.id(), outputs::containsKey).map(reader -> "step '" + step.id() + "' ("
                + step.provider + ") wrote no output '" + reader.getValue().port() + "', which step '"
                + reader.getKey() + "' reads");
    }

    /** The first input (reading step id, reference) that reads a port of {@code stepId} that {@code has} lacks. */
    private static Optional<Map.Entry<String, InputRef>> unsuppliedInput(WorkflowDefinition wf, String stepId,
            Predicate<String> has) {
        for (StepDefinition s : wf.steps()) {
            for (InputRef ref : s.inputs().values()) {
                if (ref.stepId().equals(stepId) && !has.test(ref.port())) {
                    return Optional.of(Map.entry(s.id(), ref));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean fail(RunState run, StepState step, String message) {
        step.status = RunStatus.FAILED;
        step.error = message;
        run.failed("step '" + step.id() + "' failed: " + message);
        return false;
    }

    /** A user-facing message: the step's own words for a StepFailure, else a short description. */
    private static String describe(StepState step, Throwable t) {
        if (t instanceof StepFailure) {
            return t.getMessage();
        }
        LOG.error("Step {} ({}) failed", step.id(), step.provider, t);
        String what = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "internal error in " + step.definition.type() + " (" + step.provider + "): " + what
                + "; the Karaf log (log:display) has the details";
    }

    private void writeReport(RunState run, List<QuarantineLog.Entry> preview, QuarantineLog quarantine) {
        try {
            Path report = run.folder.resolve("report.html");
            RunReport.write(run.snapshot(), preview, quarantine.exists() ? quarantine.file() : null, report);
            run.report = report;
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the report of run {}", run.runId, e);
            run.event("report could not be written: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
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
