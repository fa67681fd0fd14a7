package org.assay.scheduler.internal;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.karaf.scheduler.Job;
import org.apache.karaf.scheduler.Scheduler;
import org.apache.karaf.scheduler.SchedulerError;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.WorkflowListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Karaf scheduler job per deployed workflow that has a {@code schedule}: added,
 * changed or removed as the workflow is deployed, edited or undeployed. A firing while the
 * previous run of the same workflow is still queued or running is skipped (and logged), so a
 * slow workflow never piles up runs.
 */
@Component(service = WorkflowListener.class, immediate = true)
public final class WorkflowScheduler implements WorkflowListener {

    /** Job names in {@code scheduler:list}. */
    static final String JOB_PREFIX = "assay-workflow:";
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowScheduler.class);

    private final Scheduler scheduler;
    /**
     * The run service, looked up when a job fires rather than injected: the engine's
     * WorkflowService binds this listener while its own RunService waits for WorkflowService,
     * and any DS reference from here to RunService closes that cycle (SCR then refuses the
     * listener, or two activating threads wait on each other at boot).
     */
    private final RunServiceAccess runs;
    /** Workflow id to the expression its job fires on. */
    private final Map<String, String> scheduled = new ConcurrentHashMap<>();

    @Activate
    public WorkflowScheduler(@Reference Scheduler scheduler, BundleContext context) {
        this(scheduler, action -> {
            ServiceReference<RunService> ref = context.getServiceReference(RunService.class);
            RunService service = ref == null ? null : context.getService(ref);
            if (service == null) {
                return false;
            }
            try {
                action.accept(service);
                return true;
            } finally {
                context.ungetService(ref);
            }
        });
    }

    /** Without OSGi, for tests. */
    WorkflowScheduler(Scheduler scheduler, RunService runs) {
        this(scheduler, action -> {
            action.accept(runs);
            return true;
        });
    }

    private WorkflowScheduler(Scheduler scheduler, RunServiceAccess runs) {
        this.scheduler = scheduler;
        this.runs = runs;
    }

    /** Runs an action with the run service; false when there is none (the engine is restarting). */
    @FunctionalInterface
    interface RunServiceAccess {
        boolean use(Consumer<RunService> action);
    }

    @Deactivate
    void deactivate() {
        scheduled.keySet().forEach(this::unschedule);
    }

    @Override
    public synchronized void deployed(DeployedWorkflow workflow) {
        String id = workflow.id();
        String expression = workflow.definition().schedule();
        if (Objects.equals(expression, scheduled.get(id))) {
            return;
        }
        unschedule(id);
        if (expression == null) {
            return;
        }
        try {
            scheduler.schedule((Job) context -> fire(id, expression),
                    scheduler.EXPR(expression).name(JOB_PREFIX + id).canRunConcurrently(false));
            scheduled.put(id, expression);
            LOG.info("Workflow {} version {} scheduled: {}", id, workflow.version(), expression);
        } catch (IllegalArgumentException | SchedulerError e) {
            // The engine validated the expression; Quartz disagreeing is a bug worth a loud log.
            LOG.error("Cannot schedule workflow {} with '{}': {}", id, expression, e.getMessage());
        }
    }

    @Override
    public synchronized void undeployed(String workflowId) {
        unschedule(workflowId);
    }

    private void unschedule(String workflowId) {
        if (scheduled.remove(workflowId) != null) {
            scheduler.unschedule(JOB_PREFIX + workflowId);
            LOG.info("Workflow {} unscheduled", workflowId);
        }
    }

    /** Starts a run unless the previous one of this workflow has not finished. */
    void fire(String workflowId, String expression) {
        if (!runs.use(service -> fire(service, workflowId, expression))) {
            LOG.warn("Scheduled run of {} skipped: the run service is not available (the engine is restarting)",
                    workflowId);
        }
    }

    private static void fire(RunService runs, String workflowId, String expression) {
        Optional<RunInfo> previous = runs.list().stream()
                .filter(r -> r.workflowId().equals(workflowId) && !r.status().isFinished())
                .findFirst();
        if (previous.isPresent()) {
            LOG.warn("Scheduled run of {} skipped: run {} is still {}", workflowId, previous.get().runId(),
                    previous.get().status().label());
            return;
        }
        try {
            RunInfo run = runs.start(workflowId, "by schedule " + expression);
            LOG.info("Scheduled run {} of {} started", run.runId(), workflowId);
        } catch (NoSuchElementException e) {
            // Undeployed between the firing and now.
            LOG.info("Scheduled run of {} not started: {}", workflowId, e.getMessage());
        }
    }
}
