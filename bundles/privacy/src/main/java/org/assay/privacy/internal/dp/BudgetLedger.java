package org.assay.privacy.internal.dp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.assay.api.artifact.CsvTable;
import org.assay.api.step.StepFailure;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The privacy budget of each workflow, kept across runs: every differentially private release
 * spends epsilon, and the sum a workflow has spent is what its outputs together reveal. The
 * ledger is an append-only file {@code budget-ledger.tsv} (instant, workflow, run, step,
 * epsilon), owner-only, forced to disk before the noisy release is computed, under Karaf's data
 * folder. A charge that would take a workflow past its budget is refused. The workflow is the
 * one the engine says the run belongs to, so a workflow cannot name another's budget. Charging
 * is idempotent per run and step: a step replayed after a hot-swap or a restart (whose first
 * attempt's output was discarded) is not charged twice. Budgets are configuration (admin only),
 * never workflow parameters. Thread-safe: one lock.
 */
@Component(service = BudgetLedger.class, configurationPid = "org.assay.privacy")
@Designate(ocd = BudgetLedger.Config.class)
public final class BudgetLedger {

    static final String FILE = "budget-ledger.tsv";

    /** Configuration PID {@code org.assay.privacy} (etc/org.assay.privacy.cfg). */
    @ObjectClassDefinition(name = "Assay privacy budget", description = "Differential-privacy budgets per workflow.")
    public @interface Config {
        @AttributeDefinition(description = "Total epsilon a workflow may spend over all its runs, unless budgets "
                + "names it.")
        double defaultBudget() default 10.0;

        @AttributeDefinition(description = "Per-workflow budgets, e.g. \"customer-privacy=5, churn=2.5\".")
        String budgets() default "";

        @AttributeDefinition(description = "Folder of the ledger. Empty means ${karaf.data}/assay/privacy.")
        String folder() default "";
    }

    /** One charge: what the workflow had spent before, this charge and its budget. */
    public record Charge(String workflowId, double spentBefore, double charged, double budget, boolean repeated) {
        public double remaining() {
            return budget - spentBefore - charged;
        }
    }

    private final Path file;
    private final double defaultBudget;
    private final Map<String, Double> budgets;
    private final Function<String, Optional<String>> workflowOfRun;

    /**
     * The engine's RunService is looked up when a run is charged, not referenced: the engine's
     * step registry binds dp-aggregate, which needs this ledger, so a reference (static or
     * dynamic) to the RunService would be a cycle that SCR leaves unresolved.
     */
    @Activate
    public BudgetLedger(Config config, BundleContext context) {
        this(config.folder().isBlank()
                ? Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")), "assay", "privacy")
                : Path.of(config.folder()), config.defaultBudget(), parseBudgets(config.budgets()),
                runId -> workflowFromEngine(context, runId));
    }

    /** @param workflowOfRun the workflow of a run id (the engine's, in Karaf) */
    public BudgetLedger(Path folder, double defaultBudget, Map<String, Double> budgets,
            Function<String, Optional<String>> workflowOfRun) {
        this.file = folder.resolve(FILE);
        this.defaultBudget = defaultBudget;
        this.budgets = Map.copyOf(budgets);
        this.workflowOfRun = workflowOfRun;
    }

    private static Optional<String> workflowFromEngine(BundleContext context, String runId) {
        ServiceReference<RunService> ref = context.getServiceReference(RunService.class);
        RunService service = ref == null ? null : context.getService(ref);
        if (service == null) {
            return Optional.empty();
        }
        try {
            return service.get(runId).map(RunInfo::workflowId);
        } finally {
            context.ungetService(ref);
        }
    }

    /** {@code "a=5, b=2.5"}; a malformed entry is refused, so a typo never means "no budget". */
    static Map<String, Double> parseBudgets(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                double v = Double.parseDouble(part.substring(eq + 1).trim());
                if (eq <= 0 || !(v >= 0) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                out.put(part.substring(0, eq).trim(), v);
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("org.assay.privacy budgets: '" + part.trim() + "' is not "
                        + "workflow=epsilon, e.g. customer-privacy=5");
            }
        }
        return out;
    }

    double budgetOf(String workflowId) {
        return budgets.getOrDefault(workflowId, defaultBudget);
    }

    /**
     * Charges {@code epsilon} to the run's workflow.
     *
     * @throws StepFailure when the charge would exceed the workflow's budget (saying what was
     *                     spent, what is asked and who can change it), or the ledger cannot be written
     */
    public synchronized Charge charge(String runId, String stepId, double epsilon) throws StepFailure {
        String workflow = workflowOfRun.apply(runId).orElseThrow(() -> new StepFailure("dp-aggregate: the engine "
                + "does not know run " + runId + ", so its privacy budget cannot be charged"));
        double spent = 0;
        try {
            for (String line : lines()) {
                String[] f = line.split("\t");
                if (f.length == 5 && f[1].equals(workflow)) {
                    if (f[2].equals(runId) && f[3].equals(stepId)) {
                        return new Charge(workflow, spentExcept(workflow, runId, stepId), Double.parseDouble(f[4]),
                                budgetOf(workflow), true);
                    }
                    spent += Double.parseDouble(f[4]);
                }
            }
            double budget = budgetOf(workflow);
            if (spent + epsilon > budget + 1e-9) {
                throw new StepFailure(String.format(Locale.ROOT, "dp-aggregate: workflow '%s' would exceed its "
                        + "privacy budget: %s of %s epsilon spent by earlier runs, this step needs %s more. "
                        + "Lower epsilon or the number of queries, or an administrator raises the budget in "
                        + "etc/org.assay.privacy.cfg (budgets=%s=...), knowing every release so far already "
                        + "spent its share", workflow, CsvTable.number(spent), CsvTable.number(budget),
                        CsvTable.number(epsilon), workflow));
            }
            append(String.join("\t", Instant.now().toString(), workflow, runId, stepId, Double.toString(epsilon)));
            return new Charge(workflow, spent, epsilon, budget, false);
        } catch (IOException e) {
            throw new StepFailure("dp-aggregate: cannot read or write the privacy budget ledger " + file + " ("
                    + e.getClass().getSimpleName() + "); nothing was released");
        }
    }

    /** Epsilon the workflow has spent over all runs. */
    public synchronized double spent(String workflowId) throws IOException {
        return spentExcept(workflowId, null, null);
    }

    private double spentExcept(String workflow, String runId, String stepId) throws IOException {
        double spent = 0;
        for (String line : lines()) {
            String[] f = line.split("\t");
            if (f.length == 5 && f[1].equals(workflow) && !(f[2].equals(runId) && f[3].equals(stepId))) {
                spent += Double.parseDouble(f[4]);
            }
        }
        return spent;
    }

    private List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private void append(String line) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }
}
