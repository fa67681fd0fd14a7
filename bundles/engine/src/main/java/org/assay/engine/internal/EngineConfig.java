package org.assay.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.assay.engine} (etc/org.assay.engine.cfg). */
@ObjectClassDefinition(name = "Assay engine", description = "Where workflows and runs live, and how many run at once.")
public @interface EngineConfig {

    @AttributeDefinition(description = "Folder watched for workflow JSON files; relative data paths in those "
            + "workflows resolve against it. Empty means ${karaf.base}/workflows.")
    String workflowDir() default "";

    @AttributeDefinition(description = "Folder for deployed workflow versions and run folders. "
            + "Empty means ${karaf.data}/assay.")
    String dataDir() default "";

    @AttributeDefinition(description = "More folders workflows may read, comma-separated absolute paths. The "
            + "workflow folder and the run's own folder are always readable; Karaf's etc folder never is.")
    String readRoots() default "";

    @AttributeDefinition(description = "More folders workflows may write, comma-separated absolute paths. The run's "
            + "own folder and the workflow folder's data/ are always writable; Karaf's etc, deploy, system, lib, "
            + "bin and data folders never are.")
    String writeRoots() default "";

    @AttributeDefinition(description = "Runs executed at the same time; further runs queue.")
    int threads() default 2;

    @AttributeDefinition(description = "Steps executed at the same time, over all runs: independent branches of a "
            + "workflow run in parallel. Steps joined by streamed edges always run together, so a segment larger "
            + "than this still starts (it takes all of them). 0 means the number of processors, at least 2.")
    int stepThreads() default 0;

    @AttributeDefinition(description = "How long a run waits for a step type that is not installed before it fails.")
    int stepWaitTimeoutSeconds() default 600;

    @AttributeDefinition(description = "How often the workflow folder is scanned for changes, in seconds.")
    int scanIntervalSeconds() default 2;

    @AttributeDefinition(description = "Finished runs kept per workflow, folders and records; older ones are "
            + "deleted when a run of the same workflow ends. 0 keeps every run.")
    int keepRunsPerWorkflow() default 100;

    @AttributeDefinition(description = "Resume runs that were in flight when the engine stopped (Karaf stop, "
            + "crash, engine restart): finished steps keep their results, the rest run again. Off: such runs are "
            + "marked failed.")
    boolean resumeInterruptedRuns() default true;

    @AttributeDefinition(description = "Keep the intermediate datasets (spool files) of finished runs, for debugging.")
    boolean keepSpools() default false;

    @AttributeDefinition(description = "Largest workflow file accepted, in KiB; a larger file is refused before "
            + "it is read.")
    int maxWorkflowFileKib() default 1024;

    @AttributeDefinition(description = "Most steps one workflow may have.")
    int maxStepsPerWorkflow() default 500;

    @AttributeDefinition(description = "Shortest time between two firings of a workflow's schedule, in seconds; "
            + "a schedule that fires more often is refused.")
    int minScheduleIntervalSeconds() default 60;
}
