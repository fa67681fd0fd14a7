package org.assay.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.assay.api.workflow.StepDefinition;
import org.assay.engine.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one run from its plan: starts each segment once the spools it reads are
 * committed (independent branches run in parallel), and at the end writes the quarantine
 * and the report. A segment's steps all run at once, each on its own thread, and take
 * {@code stepThreads} permits between them (all of them for a segment larger than that),
 * so a streaming segment never waits for a thread held by one of its own steps. A failed
 * step stops the others in flight (they see {@link RunState#shouldStop()}) and starts no
 * new segment.
 */
final class GraphExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(GraphExecutor.class);

    /** What a segment needs from the engine. */
    record Parts(StepRegistry registry, ProviderWaiters waiters, RunStore store, EngineSettings settings,
            FileAccess files, ExecutorService stepThreads) { }

    private final Parts parts;
    private final Semaphore stepPermits;
    private final Map<RunState, Graph> running = new ConcurrentHashMap<>();

    GraphExecutor(Parts parts) {
        this.parts = parts;
        this.stepPermits = new Semaphore(parts.settings().stepThreads(), true);
    }

    /**
     * Runs the graph to its end, or to a pause when the engine stops. {@code kept} and
     * {@code done} carry the results of steps finished before a restart; empty for a new run.
     */
    void execute(RunState run, RunValidation validation, Map<String, Path> kept, Set<String> done) {
        if (run.startedAt == null) {
            run.startedAt = Instant.now();
        }
        run.stepRunning();
        Path spoolDir = run.folder.resolve(SpoolIndex.SPOOL_DIR);
        boolean paused = false;
        try (QuarantineLog quarantine = new QuarantineLog(run.folder, spoolDir)) {
            Files.createDirectories(spoolDir);
            RunPlan plan = RunPlan.of(run.workflow, done, RunPlan.linksBy(run.workflow,
                    type -> parts.registry().provider(type).map(p -> p.info().descriptor())));
            Graph graph = new Graph(run, plan, validation, new SpoolIndex(spoolDir, kept), quarantine);
            running.put(run, graph);
            try {
                graph.run();
            } finally {
                running.remove(run);
            }
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
            if (paused) {
                // Spools, quarantine parts and the record stay for the next start to resume.
                parts.store().paused(run);
                run.finished.countDown();
                LOG.info("Run {} of {} paused: the engine is stopping", run.runId, run.workflow.id());
            } else {
                if (!parts.settings().keepSpools()) {
                    RunStore.deleteTree(spoolDir);
                }
                parts.store().finished(run);
                run.finished.countDown();
                LOG.info("Run {} of {} {}", run.runId, run.workflow.id(), run.status.label());
            }
        }
    }

    /**
     * A provider went away: every step running on it is replayed at once, with the steps it
     * streams with, without waiting for the old attempt to return.
     */
    void providerGone(RegisteredStep gone) {
        for (Graph g : running.values()) {
            g.providerGone(gone);
        }
    }

    /** The run was cancelled or the engine stops: steps blocked on a streamed edge wake up. */
    void stopStreams(RunState run, String reason) {
        Graph g = running.get(run);
        if (g != null) {
            g.stopStreams(reason);
        }
    }

    private static void writeReport(RunState run, List<QuarantineLog.Entry> preview, QuarantineLog quarantine) {
        try {
            Path report = run.folder.resolve("report.html");
            RunReport.write(run.snapshot(), preview, quarantine.exists() ? quarantine.file() : null, report);
            run.report = report;
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the report of run {}", run.runId, e);
            run.event("report could not be written: " + e.getMessage());
        }
    }

    /** The execution of one run's plan. */
    private final class Graph {

        private final RunState run;
        private final RunPlan plan;
        private final SegmentRun.Context context;
        private final BlockingQueue<SegmentRun> ended = new LinkedBlockingQueue<>();
        private final Set<SegmentRun> active = ConcurrentHashMap.newKeySet();

        Graph(RunState run, RunPlan plan, RunValidation validation, SpoolIndex spools, QuarantineLog quarantine) {
            this.run = run;
            this.plan = plan;
            this.context = new SegmentRun.Context(parts, run, plan, validation, spools, quarantine);
        }

        void run() {
            Set<Integer> started = new HashSet<>();
            Set<Integer> finished = new HashSet<>();
            while (true) {
                if (!run.shouldStop()) {
                    for (RunPlan.Segment seg : plan.ready(finished, started)) {
                        started.add(seg.index());
                        int permits = Math.min(seg.steps().size(), parts.settings().stepThreads());
                        try {
                            stepPermits.acquire(permits);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            run.engineStopping = true;
                            return;
                        }
                        SegmentRun s = new SegmentRun(context, seg, () -> stepPermits.release(permits), ended::add);
                        active.add(s);
                        s.start();
                    }
                }
                if (active.isEmpty()) {
                    return;
                }
                SegmentRun next;
                try {
                    next = ended.take();
                } catch (InterruptedException e) {
                    // The engine is stopping: steps see the flag, and their threads are interrupted too.
                    Thread.currentThread().interrupt();
                    run.engineStopping = true;
                    return;
                }
                active.remove(next);
                if (next.succeeded()) {
                    finished.add(next.segment().index());
                }
            }
        }

        void providerGone(RegisteredStep gone) {
            for (SegmentRun s : active) {
                s.providerGone(gone);
            }
        }

        void stopStreams(String reason) {
            for (SegmentRun s : active) {
                s.stopStreams(reason);
            }
        }
    }
}
