package org.assay.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.scheduler.Job;
import org.apache.karaf.scheduler.ScheduleOptions;
import org.apache.karaf.scheduler.Scheduler;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunInfo;
import org.assay.engine.RunContent;
import org.assay.engine.RunPage;
import org.assay.engine.RunQuery;
import org.assay.engine.RunService;
import org.assay.engine.RunStatus;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping between deployments and scheduler jobs. Quartz firing the jobs is covered
 * by ScheduleIT on the real distribution; here a recording scheduler stands in for it.
 */
class WorkflowSchedulerTest {

    /** Jobs by name with their expression, as Karaf's scheduler would hold them. */
    private final Map<String, String> jobs = new LinkedHashMap<>();
    private final Map<String, Job> jobObjects = new LinkedHashMap<>();
    private final List<String> started = new ArrayList<>();
    private RunStatus previousRun;

    private final Scheduler scheduler = (Scheduler) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Scheduler.class}, (proxy, method, args) -> switch (method.getName()) {
                case "EXPR" -> new Options((String) args[0], null);
                case "schedule" -> {
                    Options o = (Options) args[1];
                    jobs.put(o.name, o.expression);
                    jobObjects.put(o.name, (Job) args[0]);
                    yield null;
                }
                case "unschedule" -> jobs.remove((String) args[0]) != null;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final RunService runs = new RunService() {
        @Override
        public RunInfo start(String workflowId, String trigger, String principal) {
            started.add(workflowId + " " + trigger);
            return run(workflowId, RunStatus.QUEUED);
        }

        @Override
        public Optional<RunInfo> get(String runId) {
            return Optional.empty();
        }

        @Override
        public List<RunInfo> list() {
            return previousRun == null ? List.of() : List.of(run("wf", previousRun));
        }

        @Override
        public boolean cancel(String runId, String principal) {
            return false;
        }

        @Override
        public RunPage query(RunQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RunContent> openArtifact(String runId, String artifactId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RunContent> openReport(String runId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RunContent> openQuarantine(String runId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RunContent> openLog(String runId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunInfo await(String runId, Duration timeout) {
            throw new UnsupportedOperationException();
        }
    };

    private final WorkflowScheduler workflowScheduler = new WorkflowScheduler(scheduler, runs);

    private static RunInfo run(String workflowId, RunStatus status) {
        return new RunInfo("20261123-0001", workflowId, 1, status, Instant.now(), null, null, null, null, null,
                List.of(), List.of());
    }

    private static DeployedWorkflow deployed(String schedule, int version) {
        return new DeployedWorkflow(new WorkflowDefinition(1, "wf", null, null, schedule, List.of()), version, "test",
                Instant.now(), List.of(), List.of());
    }

    @Test
    void followsTheScheduleThroughEditsAndUndeploy() {
        workflowScheduler.deployed(deployed("0 0 2 * * ?", 1));
        assertEquals(Map.of("assay-workflow:wf", "0 0 2 * * ?"), jobs);

        workflowScheduler.deployed(deployed("0 0 2 * * ?", 2));
        assertEquals(Map.of("assay-workflow:wf", "0 0 2 * * ?"), jobs, "same schedule: job kept");

        workflowScheduler.deployed(deployed("0 30 6 ? * MON-FRI", 3));
        assertEquals(Map.of("assay-workflow:wf", "0 30 6 ? * MON-FRI"), jobs);

        workflowScheduler.deployed(deployed(null, 4));
        assertTrue(jobs.isEmpty(), "schedule removed from the workflow: job removed");

        workflowScheduler.deployed(deployed("0 0 2 * * ?", 5));
        workflowScheduler.undeployed("wf");
        assertTrue(jobs.isEmpty());
    }

    @Test
    void firingStartsARunThatSaysWhy() {
        workflowScheduler.deployed(deployed("0 0 2 * * ?", 1));
        jobObjects.get("assay-workflow:wf").execute(null);
        assertEquals(List.of("wf by schedule 0 0 2 * * ?"), started);
    }

    @Test
    void firingIsSkippedWhileThePreviousRunIsGoing() {
        workflowScheduler.deployed(deployed("0 0 2 * * ?", 1));
        previousRun = RunStatus.RUNNING;
        jobObjects.get("assay-workflow:wf").execute(null);
        assertEquals(List.of(), started);
        previousRun = RunStatus.SUCCEEDED;
        jobObjects.get("assay-workflow:wf").execute(null);
        assertEquals(1, started.size());
    }

    /** What Karaf's scheduler keeps of the options we pass. */
    private static final class Options implements ScheduleOptions {
        final String expression;
        String name;

        Options(String expression, String name) {
            this.expression = expression;
            this.name = name;
        }

        @Override
        public ScheduleOptions config(Map<String, Serializable> config) {
            return this;
        }

        @Override
        public ScheduleOptions name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public ScheduleOptions canRunConcurrently(boolean concurrent) {
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean canRunConcurrently() {
            return false;
        }

        @Override
        public String schedule() {
            return expression;
        }
    }
}
