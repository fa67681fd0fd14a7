package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.Optional;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.junit.After;
import org.junit.Test;

/**
 * A workflow with a {@code schedule} is fired by Karaf's scheduler: its job shows in
 * {@code scheduler:list}, runs start on their own and say so, and undeploying removes the job.
 */
public class ScheduleIT extends AssayKarafTestSupport {

    private static final String ID = "itest-scheduled";
    private static final String EVERY_2_SECONDS = "*/2 * * * * ?";

    private static String workflow(String schedule) {
        return "{\"format\": 1, \"id\": \"" + ID + "\", \"schedule\": \"" + schedule + "\", \"steps\": ["
                + "{\"id\": \"read\", \"type\": \"csv-reader\", \"params\": {\"path\": \"data/customers.csv\"}}]}";
    }

    @After
    public void undeploy() throws Exception {
        workflows().undeploy(ID);
    }

    @Test
    public void scheduledWorkflowRunsByItselfUntilUndeployed() throws Exception {
        deploy(workflow(EVERY_2_SECONDS), "ScheduleIT");

        String jobs = awaitOutput("scheduler:list", "assay-workflow:" + ID, true);
        assertTrue(jobs, jobs.contains(EVERY_2_SECONDS));
        String list = executeCommand("assay:workflow-list");
        assertTrue(list, list.contains("every 2 seconds"));

        RunInfo first = awaitScheduledRun();
        assertTrue(first.events().toString(), first.events().stream()
                .anyMatch(e -> e.contains("(by schedule " + EVERY_2_SECONDS)));
        RunInfo done = awaitFinished(first.runId());
        assertEquals(describe(done), RunStatus.SUCCEEDED, done.status());

        assertTrue(workflows().undeploy(ID));
        awaitOutput("scheduler:list", "assay-workflow:" + ID, false);
    }

    @Test
    public void editingTheScheduleReschedulesTheJob() throws Exception {
        deploy(workflow("0 0 3 * * ?"), "ScheduleIT");
        awaitOutput("scheduler:list", "0 0 3 * * ?", true);
        deploy(workflow("0 15 4 ? * SUN"), "ScheduleIT");
        String jobs = awaitOutput("scheduler:list", "0 15 4 ? * SUN", true);
        assertFalse("the old expression is gone: " + jobs, jobs.contains("0 0 3 * * ?"));
        String show = executeCommand("assay:workflow-show " + ID);
        assertTrue(show, show.contains("Schedule: 0 15 4 ? * SUN") && show.contains("next "));
    }

    private RunInfo awaitScheduledRun() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RunInfo> run = runs().list().stream().filter(r -> r.workflowId().equals(ID)).findFirst();
            if (run.isPresent()) {
                return run.get();
            }
            Thread.sleep(200);
        }
        fail("no scheduled run of " + ID + " within 60 s");
        return null;
    }

    /** Polls a command until its output contains (or no longer contains) a text. */
    private String awaitOutput(String command, String text, boolean present) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String out = executeCommand(command);
        while (out.contains(text) != present) {
            if (System.nanoTime() > deadline) {
                fail("'" + command + "' " + (present ? "never showed " : "still shows ") + text + " after 30 s:\n" + out);
            }
            Thread.sleep(200);
            out = executeCommand(command);
        }
        return out;
    }
}
