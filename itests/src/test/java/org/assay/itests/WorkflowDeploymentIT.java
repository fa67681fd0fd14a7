package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowRejectedException;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A bad edit of a workflow file in the watched folder is rejected with where and why, and the
 * previously deployed version stays active.
 */
public class WorkflowDeploymentIT extends AssayKarafTestSupport {

    private static final String ID = "itest-deploy";
    private Path file;

    @Before
    public void deployGoodVersionFromFolder() throws Exception {
        installTestSteps("1.0.0");
        file = workflowDir().resolve(ID + ".json");
        write("itest-deploy.json");
        awaitDeployment(w -> w.origin().contains(ID + ".json") && w.lastRejected().isEmpty(), "deployed from " + file);
    }

    /** Deleting the file undeploys the workflow, so the next test starts from nothing. */
    @After
    public void removeFile() throws Exception {
        Files.deleteIfExists(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (workflows().get(ID).isPresent()) {
            if (System.nanoTime() > deadline) {
                fail(ID + " still deployed 30 s after " + file + " was deleted");
            }
            Thread.sleep(100);
        }
    }

    /**
     * The shell passes the logged-in Karaf user as the acting principal, and assay:run-list
     * filters and pages through the engine's run query (the shell filters nothing itself).
     */
    @Test
    public void runListFiltersAndPagesAndTheKarafUserIsTheRunsPrincipal() throws Exception {
        String started = executeCommand("assay:run " + ID + " --wait");
        assertTrue(started, started.contains(") as karaf"));
        RunInfo byShell = runs().list().stream().filter(r -> r.workflowId().equals(ID)).findFirst().orElseThrow();
        assertEquals("karaf", awaitFinished(byShell.runId()).startedBy());
        RunInfo bySchedule = awaitFinished(runs().start(ID, "by schedule 0 0 2 * * ?").runId());
        assertEquals(RunService.SYSTEM, bySchedule.startedBy());

        String show = executeCommand("assay:run-show " + byShell.runId());
        assertTrue(show, show.contains("Started by karaf (on demand)"));
        String all = executeCommand("assay:run-list --workflow " + ID + " --status succeeded,failed");
        assertTrue(all, all.contains(byShell.runId()) && all.contains(bySchedule.runId()));
        assertTrue(all, all.lines().anyMatch(l -> l.contains(byShell.runId()) && l.contains("karaf")));
        assertTrue(all, all.lines().anyMatch(l -> l.contains(bySchedule.runId()) && l.contains(RunService.SYSTEM)));

        String first = executeCommand("assay:run-list -w " + ID + " -n 1 --since 1h");
        assertTrue(first, first.contains(bySchedule.runId()) && !first.contains(byShell.runId()));
        String next = first.lines().filter(l -> l.startsWith("More runs: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no next page in:\n" + first)).substring("More runs: ".length());
        String second = executeCommand(next);
        assertTrue(second, second.contains(byShell.runId()) && !second.contains(bySchedule.runId()));

        assertTrue(executeCommand("assay:run-list --workflow " + ID + " --status failed").contains("No runs match."));
        assertTrue(executeCommand("assay:run-list --workflow " + ID + " --since 2099-01-01").contains("No runs match."));
        try {
            executeCommand("assay:run-list --status finshed");
            fail("a misspelt status was accepted");
        } catch (Exception e) {
            // Thrown through Subject.doAs, which wraps it.
            Throwable cause = e instanceof java.security.PrivilegedActionException ? e.getCause() : e;
            assertTrue(String.valueOf(cause), cause instanceof IllegalArgumentException
                    && cause.getMessage().contains("--status finshed is not a run status"));
        }
    }

    /** A deployment and an undeployment through the shell name the Karaf user. */
    @Test
    public void deployAndUndeployFromTheShellRecordTheKarafUser() throws Exception {
        Path other = Files.createTempFile("itest-principal", ".json");
        try {
            Files.writeString(other, resource("itest-deploy.json").replace("\"" + ID + "\"", "\"itest-principal\""),
                    StandardCharsets.UTF_8);
            String deployed = executeCommand("assay:workflow-deploy " + other);
            assertTrue(deployed, deployed.contains("Deployed workflow itest-principal version 1 from " + other + " as karaf"));
            assertEquals("karaf", workflows().get("itest-principal").orElseThrow().deployedBy());
            String show = executeCommand("assay:workflow-show itest-principal");
            assertTrue(show, show.contains(" by karaf"));
            String undeployed = executeCommand("assay:workflow-undeploy itest-principal");
            assertTrue(undeployed, undeployed.contains("Undeployed workflow itest-principal as karaf"));
            assertTrue(workflows().get("itest-principal").isEmpty());
        } finally {
            Files.deleteIfExists(other);
            workflows().undeploy("itest-principal");
        }
    }

    /** The README writes the option after the id; Karaf's parser alone would call it "too many arguments". */
    @Test
    public void sourceIsShownWithTheOptionAfterOrBeforeTheId() throws Exception {
        String after = executeCommand("assay:workflow-show " + ID + " --source");
        assertTrue(after, after.contains("\"id\": \"" + ID + "\""));
        assertEquals(executeCommand("assay:workflow-show --source " + ID), after);
    }

    @Test
    public void syntaxErrorIsRejectedWithLineAndColumnAndOldVersionStays() throws Exception {
        int version = workflows().get(ID).orElseThrow().version();

        write("itest-deploy-syntax-error.json");
        DeployedWorkflow active = awaitDeployment(w -> !w.lastRejected().isEmpty(), "a rejected edit");

        assertEquals("the old version stays active", version, active.version());
        assertEquals("Deployment itest", active.definition().name());
        ValidationProblem problem = active.lastRejected().get(0);
        assertEquals(active.lastRejected().toString(), 6, problem.line());
        assertTrue(problem.toString(), problem.column() > 0);
    }

    @Test
    public void badParameterInTheFolderIsRejectedWithPathAndLine() throws Exception {
        int version = workflows().get(ID).orElseThrow().version();

        write("itest-deploy-bad-param.json");
        DeployedWorkflow active = awaitDeployment(w -> !w.lastRejected().isEmpty(), "a rejected edit");

        assertEquals("the old version stays active", version, active.version());
        assertEquals("Deployment itest", active.definition().name());
        ValidationProblem problem = problemAt(active.lastRejected(), "$.steps[0].params.rows");
        assertEquals(problem.toString(), 6, problem.line());
        assertTrue(problem.toString(), problem.column() > 0);
    }

    @Test
    public void badParameterIsRejectedByTheServiceWithPathAndLine() throws Exception {
        try {
            workflows().deploy(resource("itest-deploy-bad-param.json"), "itest-deploy-bad-param.json");
            fail("a string for the integer parameter 'rows' must be rejected");
        } catch (WorkflowRejectedException e) {
            ValidationProblem problem = problemAt(e.problems(), "$.steps[0].params.rows");
            assertEquals(problem.toString(), 6, problem.line());
            assertTrue(problem.toString(), problem.column() > 0);
        }
        assertEquals("Deployment itest", workflows().get(ID).orElseThrow().definition().name());
    }

    /**
     * The engine's policy: a step type that is not installed is not an error (its bundle may
     * come later, and runs wait for it) but a warning with path and line on the new version.
     */
    @Test
    public void unknownStepTypeIsDeployedWithAWarningAtItsLine() throws Exception {
        int version = workflows().get(ID).orElseThrow().version();

        write("itest-deploy-unknown-type.json");
        DeployedWorkflow active = awaitDeployment(w -> w.version() > version, "a new version");

        ValidationProblem warning = problemAt(active.warnings(), "$.steps[1].type");
        assertEquals(warning.toString(), 7, warning.line());
        assertTrue(warning.toString(), warning.message().contains("no-such-step"));
    }

    /**
     * Issue 5's first exploit: a dropped workflow whose csv-writer overwrites Karaf's users file
     * (and so logs an attacker in as admin). Refused at deploy, at the parameter, and the file
     * is untouched.
     */
    @Test
    public void workflowThatWritesKarafsUsersFileIsRefused() throws Exception {
        Path users = Path.of(System.getProperty("karaf.etc")).resolve("users.properties");
        String before = Files.readString(users);
        String json = "{\"format\": 1, \"id\": \"itest-evil-write\", \"steps\": [\n"
                + "  {\"id\": \"in\", \"type\": \"csv-reader\", \"params\": {\"path\": \"data/customers.csv\"}},\n"
                + "  {\"id\": \"out\", \"type\": \"csv-writer\", \"inputs\": {\"in\": \"in\"},\n"
                + "   \"params\": {\"path\": \"" + users + "\", \"delimiter\": \"|\", \"header\": false, \"pii\": \"write\"}}]}";
        try {
            workflows().deploy(json, "itest-evil-write.json");
            fail("a workflow writing " + users + " must be rejected");
        } catch (WorkflowRejectedException e) {
            ValidationProblem p = problemAt(e.problems(), "$.steps[1].params.path");
            assertTrue(p.toString(), p.message().contains("which workflows may never write"));
            assertEquals(p.toString(), 4, p.line());
        }
        assertTrue(workflows().get("itest-evil-write").isEmpty());
        assertEquals(before, Files.readString(users));
    }

    /**
     * A column typo deep in the sample is found at deploy, before anything runs: csv-reader reads
     * the file's header for its design-time schema and every step passes its columns on.
     */
    @Test
    public void aColumnTypoInTheSampleIsRejectedAtDeployWithASuggestion() throws Exception {
        String sample = Files.readString(workflowDir().resolve("customer-segmentation.json"), StandardCharsets.UTF_8)
                .replace("\"customer-segmentation\"", "\"itest-typo\"")
                .replace("\"total_spend\", \"last_purchase\"]", "\"total_spnd\", \"last_purchase\"]");
        try {
            workflows().deploy(sample, "itest-typo.json");
            fail("a clustering column that does not exist must be rejected at deploy");
        } catch (WorkflowRejectedException e) {
            ValidationProblem p = e.problems().stream().filter(x -> x.path().startsWith("$.steps[2].params.columns"))
                    .findFirst().orElseThrow(() -> new AssertionError(e.problems().toString()));
            assertTrue(p.toString(), p.message().contains("no column 'total_spnd' in the input of step 'segments' "
                    + "(from step 'filled'); did you mean 'total_spend'?"));
            assertTrue(p.toString(), p.line() > 0 && p.column() > 0);
        }
        String schemas = executeCommand("assay:workflow-show customer-segmentation --schemas");
        assertTrue(schemas, schemas.contains("segment") && schemas.contains("categorical"));
        assertTrue(schemas, schemas.contains("email") && schemas.contains("pii"));
    }

    /** An expression that reads a column its input lacks is refused at deploy, at the expression. */
    @Test
    public void anExpressionTypoIsRejectedAtDeploy() throws Exception {
        String sample = Files.readString(workflowDir().resolve("customer-orders.json"), StandardCharsets.UTF_8)
                .replace("\"customer-orders\"", "\"itest-expr-typo\"").replace("amount > 0", "amont > 0");
        try {
            workflows().deploy(sample, "itest-expr-typo.json");
            fail("an expression reading a missing column must be rejected at deploy");
        } catch (WorkflowRejectedException e) {
            ValidationProblem p = problemAt(e.problems(), "$.steps[2].params.expression");
            assertTrue(p.toString(), p.message().contains("reads no column 'amont' in the input; did you mean 'amount'?"));
            assertTrue(p.toString(), p.line() > 0);
        }
    }

    /** The second exploit: reading /etc/passwd, relative or absolute. */
    @Test
    public void workflowThatReadsOutsideTheWorkflowFolderIsRefused() throws Exception {
        for (String path : List.of("../../../../../../../../etc/passwd", "/etc/shadow")) {
            String json = "{\"format\": 1, \"id\": \"itest-evil-read\", \"steps\": [\n"
                    + "  {\"id\": \"in\", \"type\": \"csv-reader\", \"params\": {\"path\": \"" + path + "\"}}]}";
            try {
                workflows().deploy(json, "itest-evil-read.json");
                fail("a workflow reading " + path + " must be rejected");
            } catch (WorkflowRejectedException e) {
                ValidationProblem p = problemAt(e.problems(), "$.steps[0].params.path");
                assertTrue(p.toString(), p.message().contains("is outside the folders workflows may read"));
            }
        }
    }

    private static ValidationProblem problemAt(List<ValidationProblem> problems, String path) {
        return problems.stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " among " + problems));
    }

    /**
     * Replaces the watched file. The modification time moves on explicitly: the watcher compares
     * it (and the size), and two writes within one clock tick must still count as an edit.
     */
    private void write(String resourceName) throws Exception {
        FileTime previous = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.from(Instant.EPOCH);
        Path tmp = file.resolveSibling("." + ID + ".tmp");
        Files.writeString(tmp, resource(resourceName), StandardCharsets.UTF_8);
        Instant later = previous.toInstant().plusSeconds(2);
        Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().isAfter(later) ? Instant.now() : later));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private DeployedWorkflow awaitDeployment(Predicate<DeployedWorkflow> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            DeployedWorkflow w = workflows().get(ID).orElse(null);
            if (w != null && condition.test(w)) {
                return w;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(ID + ": expected " + what + " but have " + workflows().get(ID).orElse(null));
    }
}
