package org.assay.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunContent;
import org.assay.engine.RunEvent.Kind;
import org.assay.engine.RunInfo;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunService;
import org.assay.engine.WorkflowService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run service: starts runs of deployed workflows on a bounded pool and answers for
 * them. The work is done by its parts: {@link RunStore} (records, history, ids,
 * retention), {@link RunValidation} and {@link RunPlan} (checked and planned once per run),
 * {@link GraphExecutor} (steps, attempts, replays), {@link ProviderWaiters} (runs waiting
 * for step types) and {@link Resume} (runs interrupted by an engine stop).
 */
@Component(service = RunService.class, configurationPid = "org.assay.engine")
@Designate(ocd = EngineConfig.class)
public final class RunEngine implements RunService, StepRegistry.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);
    /** Longest a change of a run waits to reach its run.json. */
    static final Duration RECORD_INTERVAL = Duration.ofSeconds(1);

    private final StepRegistry registry;
    private final WorkflowService workflows;
    private final EngineSettings settings;
    private final WorkflowValidator validator;
    /** Runs coordinators: one thread per run in progress. */
    private final ExecutorService pool;
    /**
     * Steps of all runs, one thread each while they run; how many run at once is bounded by
     * the executor's permits (stepThreads), not by this pool, so that the steps of a streaming
     * segment always run together and an abandoned attempt never holds up its replacement.
     */
    private final ExecutorService stepPool;
    private final RunStore store;
    private final ProviderWaiters waiters;
    private final GraphExecutor executor;

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

    /** @param events the run listener whiteboard: events of every run go there */
    RunEngine(StepRegistry registry, WorkflowService workflows, EngineSettings settings, Duration recordInterval,
            RunEvents events) {
        this.registry = registry;
        this.workflows = workflows;
        this.settings = settings;
        FileAccess files = FileAccess.of(settings);
        this.validator = new WorkflowValidator(registry, files, settings.limits());
        this.pool = fixedPool(settings.threads(), "assay-run-");
        this.stepPool = Executors.newCachedThreadPool(daemons("assay-step-"));
        this.store = new RunStore(settings, recordInterval, events);
        this.waiters = new ProviderWaiters(registry);
        this.executor = new GraphExecutor(new GraphExecutor.Parts(registry, waiters, store, settings, files, stepPool));
        closeDataDir(settings);
        List<RunInfo> toResume = store.load();
        registry.addListener(this);
        toResume.forEach(this::resume);
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
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemons(namePrefix));
    }

    private static ThreadFactory daemons(String namePrefix) {
        AtomicInteger threadNo = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, namePrefix + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(this);
        pauseLiveRuns();
        waiters.wakeAll();
        stepPool.shutdownNow();
        pool.shutdownNow();
        try {
            stepPool.awaitTermination(10, TimeUnit.SECONDS);
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The next start resumes runs still in flight or marks them failed: see RunStore.load.
        store.close();
    }

    /** Run records written so far; lets tests see that changes are coalesced. */
    long recordWrites() {
        return store.writes();
    }

    @Override
    public RunInfo start(String workflowId, String trigger, String principal) {
        DeployedWorkflow wf = workflows.get(workflowId).orElseThrow(() -> new NoSuchElementException(
                "no workflow '" + workflowId + "' is deployed; see assay:workflow-list, or deploy it with assay:workflow-deploy <file>"));
        String source = workflows.source(workflowId).orElseThrow();
        RunState run = store.create(wf, source, trigger, principal);
        pool.execute(() -> executor.execute(run, new RunValidation(validator, registry, source), new HashMap<>(),
                Set.of()));
        return run.snapshot();
    }

    @Override
    public Optional<RunInfo> get(String runId) {
        return store.get(runId);
    }

    @Override
    public List<RunInfo> list() {
        return store.list();
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
        Optional<RunState> live = store.live(runId);
        if (live.isEmpty() || live.get().status.isFinished()) {
            return false;
        }
        RunState r = live.get();
        r.cancelledBy = principal == null || principal.isBlank() ? SYSTEM : principal;
        r.cancelRequested = true;
        r.event(Kind.CANCEL_REQUESTED, null, "cancel requested by " + r.cancelledBy);
        waiters.wakeAll();
        executor.stopStreams(r, "the run was cancelled");
        return true;
    }

    @Override
    public RunInfo await(String runId, Duration timeout) throws InterruptedException {
        Optional<RunState> r = store.live(runId);
        if (r.isPresent()) {
            r.get().finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return get(runId).orElseThrow(() -> new NoSuchElementException("no run '" + runId + "'"));
    }

    // ---- hot-swap ----

    @Override
    public void added(RegisteredStep step) {
        waiters.arrived(step.typeId());
    }

    @Override
    public void removed(RegisteredStep step) {
        if (frameworkStopping()) {
            // Karaf is shutting down and stops the step bundles before the engine: that is no
            // hot-swap to replay, the runs pause here and resume after the restart.
            pauseLiveRuns();
            return;
        }
        executor.providerGone(step);
    }

    private synchronized void pauseLiveRuns() {
        for (RunState r : store.liveRuns()) {
            if (!r.engineStopping) {
                r.engineStopping = true;
                r.event(Kind.RUN_PAUSED, null, "engine stopping: the run pauses here"
                        + (settings.resumeInterruptedRuns() ? " and resumes when the engine starts again" : ""));
            }
        }
    }

    /** True while the OSGi framework shuts down; false outside OSGi (unit tests). */
    private static boolean frameworkStopping() {
        Bundle own = FrameworkUtil.getBundle(RunEngine.class);
        BundleContext ctx = own == null ? null : own.getBundleContext();
        Bundle system = ctx == null ? null : ctx.getBundle(0);
        return system != null && (system.getState() & (Bundle.STOPPING | Bundle.RESOLVED)) != 0;
    }

    private void resume(RunInfo r) {
        try {
            Resume.Resumed resumed = Resume.prepare(r);
            RunState run = resumed.run();
            store.resumed(run);
            pool.execute(() -> executor.execute(run, new RunValidation(validator, registry, resumed.source()),
                    resumed.kept(), resumed.done()));
            LOG.info("Resuming run {} of {}; finished steps kept: {}", r.runId(), run.workflow.id(), resumed.done());
        } catch (IOException | RuntimeException | SourceDocument.SyntaxError e) {
            LOG.error("Cannot resume run {}: {}", r.runId(), e.getMessage());
            store.markInterrupted(r);
        }
    }
}
