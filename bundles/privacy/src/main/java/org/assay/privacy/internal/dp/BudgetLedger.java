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
 * spends epsilon (and, for the Gaussian mechanism, delta), and the sums a workflow has spent are
 * what its outputs together reveal. Accounting is basic (sequential) composition: releases that
 * are (epsilon_i, delta_i)-DP are together (sum epsilon_i, sum delta_i)-DP, whichever mechanism
 * made each (Laplace releases have delta 0), so mixing Laplace and Gaussian steps is sound. It
 * overstates the loss of many Gaussian releases (zCDP or RDP accounting would be tighter) but never
 * understates it. The ledger is an append-only file {@code budget-ledger.tsv} (instant, workflow,
 * run, step, epsilon, delta; lines written before delta existed have five fields and delta 0), owner-only, forced to disk before the noisy release is computed, under Karaf's data
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

        @AttributeDefinition(description = "Total delta a workflow may spend over all its runs (Gaussian releases), "
                + "unless deltaBudgets names it. Keep it well below 1 / the number of people.")
        double defaultDeltaBudget() default 1e-5;

        @AttributeDefinition(description = "Per-workflow delta budgets, e.g. \"customer-privacy=1e-6\".")
        String deltaBudgets() default "";
    }

    /** One charge: what the workflow had spent before, this charge and its budget, for epsilon and delta. */
    public record Charge(String workflowId, double spentBefore, double charged, double budget, boolean repeated,
            double deltaSpentBefore, double deltaCharged, double deltaBudget) {
        public double remaining() {
            return budget - spentBefore - charged;
        }

        public double deltaRemaining() {
            return deltaBudget - deltaSpentBefore - deltaCharged;
        }
    }

    private final Path file;
    private final double defaultBudget;
    private final Map<String, Double> budgets;
    private final double defaultDeltaBudget;
    private final Map<String, Double> deltaBudgets;
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
                config.defaultDeltaBudget(), parseBudgets(config.deltaBudgets()),
                runId -> workflowFromEngine(context, runId));
    }

    /** @param workflowOfRun the workflow of a run id (the engine's, in Karaf) */
    public BudgetLedger(Path folder, double defaultBudget, Map<String, Double> budgets,
            Function<String, Optional<String>> workflowOfRun) {
        this(folder, defaultBudget, budgets, 1e-5, Map.of(), workflowOfRun);
    }

    /** @param defaultDeltaBudget and {@code deltaBudgets}: the same for delta */
    public BudgetLedger(Path folder, double defaultBudget, Map<String, Double> budgets, double defaultDeltaBudget,
            Map<String, Double> deltaBudgets, Function<String, Optional<String>> workflowOfRun) {
        this.file = folder.resolve(FILE);
        this.defaultBudget = defaultBudget;
        this.budgets = Map.copyOf(budgets);
        this.defaultDeltaBudget = defaultDeltaBudget;
        this.deltaBudgets = Map.copyOf(deltaBudgets);
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

    double deltaBudgetOf(String workflowId) {
        return deltaBudgets.getOrDefault(workflowId, defaultDeltaBudget);
    }

    /** One line of the ledger: workflow, run, step, epsilon and delta. */
    private record Entry(String workflow, String run, String step, double epsilon, double delta) {
        static Optional<Entry> parse(String line) {
            String[] f = line.split("\t");
            if (f.length != 5 && f.length != 6) {
                return Optional.empty();
            }
            return Optional.of(new Entry(f[1], f[2], f[3], Double.parseDouble(f[4]),
                    f.length == 6 ? Double.parseDouble(f[5]) : 0.0));
        }
    }

    /** Charges {@code epsilon} (delta 0: a Laplace release) to the run's workflow. */
    public Charge charge(String runId, String stepId, double epsilon) throws StepFailure {
        return charge(runId, stepId, epsilon, 0.0);
    }

    /**
     * Charges {@code epsilon} and {@code delta} to the run's workflow.
     *
     * @throws StepFailure when the charge would exceed the workflow's epsilon or delta budget
     *                     (saying what was spent, what is asked and who can change it), or the
     *                     ledger cannot be written
     */
    public synchronized Charge charge(String runId, String stepId, double epsilon, double delta) throws StepFailure {
        String workflow = workflowOfRun.apply(runId).orElseThrow(() -> new StepFailure("dp-aggregate: the engine "
                + "does not know run " + runId + ", so its privacy budget cannot be charged"));
        try {
            double spent = 0;
            double deltaSpent = 0;
            Entry repeated = null;
            for (Entry e : entries(workflow)) {
                if (e.run().equals(runId) && e.step().equals(stepId)) {
                    repeated = e;
                } else {
                    spent += e.epsilon();
                    deltaSpent += e.delta();
                }
            }
            double budget = budgetOf(workflow);
            double deltaBudget = deltaBudgetOf(workflow);
            if (repeated != null) {
                return new Charge(workflow, spent, repeated.epsilon(), budget, true, deltaSpent, repeated.delta(),
                        deltaBudget);
            }
            if (spent + epsilon > budget + 1e-9) {
                throw new StepFailure(String.format(Locale.ROOT, "dp-aggregate: workflow '%s' would exceed its "
                        + "privacy budget: %s of %s epsilon spent by earlier runs, this step needs %s more. "
                        + "Lower epsilon or the number of queries, or an administrator raises the budget in "
                        + "etc/org.assay.privacy.cfg (budgets=%s=...), knowing every release so far already "
                        + "spent its share", workflow, CsvTable.number(spent), CsvTable.number(budget),
                        CsvTable.number(epsilon), workflow));
            }
            if (delta > 0 && deltaSpent + delta > deltaBudget * (1 + 1e-9)) {
                throw new StepFailure(String.format(Locale.ROOT, "dp-aggregate: workflow '%s' would exceed its "
                        + "delta budget: %s of %s delta spent by earlier runs, this step needs %s more. Lower delta "
                        + "or the number of queries, use mechanism laplace (delta 0), or an administrator raises it "
                        + "in etc/org.assay.privacy.cfg (deltaBudgets=%s=...)", workflow, deltaSpent, deltaBudget,
                        delta, workflow));
            }
            append(String.join("\t", Instant.now().toString(), workflow, runId, stepId, Double.toString(epsilon),
                    Double.toString(delta)));
            return new Charge(workflow, spent, epsilon, budget, false, deltaSpent, delta, deltaBudget);
        } catch (IOException | RuntimeException e) {
            throw new StepFailure("dp-aggregate: cannot read or write the privacy budget ledger " + file + " ("
                    + e.getClass().getSimpleName() + "); nothing was released");
        }
    }

    /** Epsilon the workflow has spent over all runs. */
    public synchronized double spent(String workflowId) throws IOException {
        return entries(workflowId).stream().mapToDouble(Entry::epsilon).sum();
    }

    /** Delta the workflow has spent over all runs. */
    public synchronized double deltaSpent(String workflowId) throws IOException {
        return entries(workflowId).stream().mapToDouble(Entry::delta).sum();
    }

    private List<Entry> entries(String workflow) throws IOException {
        List<Entry> out = new java.util.ArrayList<>();
        for (String line : lines()) {
            Entry.parse(line).filter(e -> e.workflow().equals(workflow)).ifPresent(out::add);
        }
        return out;
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
