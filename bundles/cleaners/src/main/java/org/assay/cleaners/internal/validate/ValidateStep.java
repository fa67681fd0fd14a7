package org.assay.cleaners.internal.validate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Quarantine;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.cleaners.internal.text.CsvCell;

/** One run of {@code validate}: one pass, every rule on every row. */
final class ValidateStep implements Step {

    static final String SUMMARY_FILE = "validation-summary.csv";
    /** Row numbers the summary gives per rule. */
    static final int EXAMPLES = 5;

    private final ValidateParameters params;

    ValidateStep(ValidateParameters params) {
        this.params = params;
    }

    /** A rule with its severity and its counts over the run. */
    private static final class Checked {
        final RuleCheck check;
        final Severity severity;
        final String text;
        long broken;
        final List<String> examples = new ArrayList<>();

        Checked(RuleCheck check, Severity severity, String text) {
            this.check = check;
            this.severity = severity;
            this.text = text;
        }
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        long rows = 0;
        List<Checked> checks = new ArrayList<>();
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            List<ParameterProblem> problems = ValidateStepType.problems(params, schema);
            if (!problems.isEmpty()) {
                throw new StepFailure("parameter " + problems.get(0).parameter() + ": " + problems.get(0).message());
            }
            for (Map.Entry<String, String> e : params.rules().entrySet()) {
                checks.add(new Checked(new RuleCheck(e.getKey(), RuleParser.parse(e.getValue()), schema),
                        params.severityOf(e.getKey()), e.getValue()));
            }
            Schema out = ValidateStepType.outputSchema(params, schema);
            BatchSink sink = ctx.output(PortSpec.OUT, out);
            Quarantine q = ctx.quarantine();
            for (Batch b = in.next(); b != null; b = in.next()) {
                int n = b.rowCount();
                int[] keep = new int[n];
                String[] violations = new String[n];
                int k = 0;
                for (int r = 0; r < n; r++) {
                    StringBuilder rejected = null;
                    StringBuilder warned = null;
                    for (Checked c : checks) {
                        if (!c.check.broken(b, r)) {
                            continue;
                        }
                        c.broken++;
                        if (c.examples.size() < EXAMPLES) {
                            c.examples.add("row " + (rows + r + 1) + example(b, r, c, q));
                        }
                        if (c.severity.kind() == Severity.Kind.REJECT) {
                            rejected = (rejected == null ? new StringBuilder("validate:") : rejected.append(';'))
                                    .append(' ').append(message(b, r, c, q));
                        } else {
                            warned = (warned == null ? new StringBuilder() : warned.append(';')).append(c.check.name);
                        }
                    }
                    if (rejected != null) {
                        q.reject(rows + r + 1, b, r, rejected.toString());
                    } else {
                        violations[k] = warned == null ? null : warned.toString();
                        keep[k++] = r;
                    }
                }
                Batch kept = k == n ? b : b.select(keep, k);
                if (params.flags()) {
                    kept = kept.with(out.field(ValidateStepType.VIOLATIONS),
                            Column.ofTexts(FieldType.STRING, java.util.Arrays.copyOf(violations, k), k));
                }
                if (k > 0) {
                    sink.write(kept.schema().equals(out) ? kept : kept.withSchema(out));
                }
                rows += n;
                ctx.checkCancelled();
            }
        }
        writeSummary(ctx, checks, rows);
        for (Checked c : checks) {
            if (c.severity.kind() == Severity.Kind.FAIL && rows > 0 && (double) c.broken / rows > c.severity.failShare()) {
                throw new StepFailure("rule '" + c.check.name + "' (" + c.text + ") is broken by " + c.broken + " of "
                        + rows + " rows (" + percent((double) c.broken / rows) + "), above its limit of "
                        + percent(c.severity.failShare()) + "; see " + SUMMARY_FILE + " for examples");
            }
        }
        ctx.log().info("validate: {} rows, {} checks broken in all", rows, checks.stream().mapToLong(c -> c.broken)
                .sum());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    /** The value of the rule's first column, for the summary: masked when pii. */
    private static String example(Batch b, int r, Checked c, Quarantine q) {
        String column = c.check.rule.columns().get(0);
        if (c.check.rule instanceof Rule.Unique || c.check.rule instanceof Rule.Required) {
            return "";
        }
        return ": " + column + " = " + (q.mayShow(b.schema(), column) ? "'" + b.column(column).getString(r) + "'"
                : "***");
    }

    private String message(Batch b, int r, Checked c, Quarantine q) {
        String column = c.check.rule.columns().get(0);
        String template = params.messages().get(c.check.name);
        if (template == null) {
            return "rule " + c.check.name + " (" + c.text + ") is broken";
        }
        String value = b.column(column).getString(r);
        return template.replace("{column}", column).replace("{value}",
                q.mayShow(b.schema(), column) ? String.valueOf(value) : "***");
    }

    private static void writeSummary(StepContext ctx, List<Checked> checks, long rows) throws IOException {
        Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("rule,check,severity,rows,broken,share,examples\n");
            for (Checked c : checks) {
                w.write(CsvCell.of(c.check.name) + "," + CsvCell.of(c.text) + "," + CsvCell.of(c.severity.display()) + ","
                        + rows + "," + c.broken + "," + String.format(Locale.ROOT, "%.6f", rows == 0 ? 0.0
                        : (double) c.broken / rows) + "," + CsvCell.of(String.join("; ", c.examples)) + "\n");
            }
        }
        ctx.addArtifact(file, ArtifactKind.TABLE, "Validation summary");
    }
}
