package org.assay.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.assay.api.workflow.InputRef;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.RunEvent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;

/**
 * Picks up a run the engine was executing when it stopped: steps that had finished keep
 * their results (spooled outputs, counts, artifacts, quarantine); the rest run again from
 * their inputs. The workflow version is the one the run started with.
 */
final class Resume {

    /** A run rebuilt from its folder, ready to execute from where it stopped. */
    record Resumed(RunState run, String source, Map<String, Path> kept, Set<String> done) { }

    private Resume() {
    }

    static Resumed prepare(RunInfo r) throws IOException, SourceDocument.SyntaxError {
        String source = Files.readString(r.folder().resolve(RunStore.WORKFLOW_FILE), StandardCharsets.UTF_8);
        WorkflowDefinition def = WorkflowValidator.readDeployed(source);
        RunState run = new RunState(r.runId(), def, r.workflowVersion(), r.folder(), r.queuedAt());
        run.startedAt = r.startedAt();
        run.restore(r);
        run.holdEvents();
        // The record was touched while the engine lived: after a crash its time is about the moment of death.
        Instant stoppedAt = RunRecords.lastAlive(r.folder().resolve(RunRecords.FILE_NAME));
        long down = Math.max(0, Duration.between(stoppedAt, Instant.now()).toMillis());
        // Before its start the downtime is queueing time, outside the run's duration anyway.
        run.downtimeMillis = r.downtimeMillis() + (r.startedAt() == null ? 0 : down);
        Map<String, Path> kept = SpoolIndex.read(r.folder().resolve(SpoolIndex.SPOOL_DIR));
        Set<String> succeeded = new HashSet<>();
        for (StepRunInfo s : r.steps()) {
            if (s.status() == RunStatus.SUCCEEDED && run.steps.containsKey(s.stepId())) {
                succeeded.add(s.stepId());
            }
        }
        Set<String> done = done(def, succeeded, kept.keySet());
        for (StepRunInfo s : r.steps()) {
            StepState st = run.steps.get(s.stepId());
            if (st == null) {
                continue;
            }
            st.attempts = s.attempts();
            if (done.contains(s.stepId())) {
                st.status = RunStatus.SUCCEEDED;
                st.provider = s.provider();
                st.counts.rowsIn.set(s.rowsIn());
                st.counts.rowsOut.set(s.rowsOut());
                st.counts.quarantined.set(s.quarantined());
                st.counts.filtered.set(s.filtered());
                st.counts.artifacts.addAll(s.artifacts());
                st.counts.progress = 1;
                st.durationMillis = s.durationMillis();
            }
        }
        for (StepRunInfo s : r.steps()) {
            if (!done.contains(s.stepId()) && s.attempts() > 0 && run.steps.containsKey(s.stepId())) {
                // Saved as running (a crash) or queued again (a stop): either way its attempt was cut short.
                run.event(RunEvent.Kind.NOTE, s.stepId(), "step '" + s.stepId() + "' was interrupted by engine stop at " + RunState.time(stoppedAt)
                        + " during attempt " + s.attempts() + "; it runs again from its inputs");
            }
        }
        kept.keySet().removeIf(k -> !done.contains(k.substring(0, k.lastIndexOf('.'))));
        run.event(RunEvent.Kind.RUN_RESUMED, null, "engine started again after " + down / 1000 + " s stopped: run resumed "
                + (done.isEmpty() ? "from the start" : "after " + String.join(", ", def.steps().stream()
                        .map(StepDefinition::id).filter(done::contains).toList())
                        + " (their results were kept)"));
        return new Resumed(run, source, kept, done);
    }

    /**
     * The succeeded steps whose results can be kept: each output that a step running again
     * reads must be in the spool index. An output that was streamed is not spooled, so its
     * producer runs again with the consumer, unless the consumer finished too.
     */
    static Set<String> done(WorkflowDefinition wf, Set<String> succeeded, Set<String> spooled) {
        Set<String> done = new HashSet<>(succeeded);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (StepDefinition s : wf.steps()) {
                if (done.contains(s.id())) {
                    continue;
                }
                for (InputRef ref : s.inputs().values()) {
                    if (done.contains(ref.stepId()) && !spooled.contains(ref.stepId() + "." + ref.port())) {
                        done.remove(ref.stepId());
                        changed = true;
                    }
                }
            }
        }
        return done;
    }
}
