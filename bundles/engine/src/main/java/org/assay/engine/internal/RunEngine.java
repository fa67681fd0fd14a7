package org.assay.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
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
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.WorkflowService;
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
    private static final Duration RECORD_INTERVAL = Duration.ofSeconds(1);

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
    public RunEngine(@Reference StepRegistry registry, @Reference WorkflowService workflows, EngineConfig config) {
        this(registry, workflows, EngineSettings.from(config));
    }

    RunEngine(StepRegistry registry, WorkflowService workflows, EngineSettings settings) {
        this(registry, workflows, settings, RECORD_INTERVAL);
    }

    RunEngine(StepRegistry registry, WorkflowService workflows, EngineSettings settings, Duration recordInterval) {
        this.registry = registry;
        this.workflows = workflows;
        this.settings = settings;
        FileAccess files = FileAccess.of(settings);
        this.validator = new WorkflowValidator(registry, files, settings.limits());
        this.pool = fixedPool(settings.threads(), "assay-run-");
        this.stepPool = Executors.newCachedThreadPool(daemons("assay-step-"));
        this.store = new RunStore(settings, recordInterval);
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
        for (RunState r : store.liveRuns()) {
            r.engineStopping = true;
            r.event("engine stopping: the run pauses here"
                    + (settings.resumeInterruptedRuns() ? " and resumes when the engine starts again" : ""));
        }
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
    public RunInfo start(String workflowId, String trigger) {
        DeployedWorkflow wf = workflows.get(workflowId).orElseThrow(() -> new NoSuchElementException(
                "no workflow '" + workflowId + "' is deployed; see assay:workflow-list, or deploy it with assay:workflow-deploy <file>"));
        String source = workflows.source(workflowId).orElseThrow();
        RunState run = store.create(wf, source, trigger);
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
    public boolean cancel(String runId) {
        Optional<RunState> live = store.live(runId);
        if (live.isEmpty() || live.get().status.isFinished()) {
            return false;
        }
        RunState r = live.get();
        r.cancelRequested = true;
        r.event("cancel requested");
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
        executor.providerGone(step);
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
