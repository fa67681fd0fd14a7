package org.assay.cleaners.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.report.ReportSection;
import org.assay.api.report.ReportSections;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * One run of {@code impute}: a statistics pass, extra passes only for large medians, and a
 * fill pass that rebuilds only the columns with nulls in each batch.
 */
final class ImputeStep implements Step {

    /** Median keys held in memory at once, shared by all median columns: 4M longs, 32 MiB. */
    static final int MEDIAN_BUDGET = 1 << 22;
    /** The least a single median column may buffer, however many there are. */
    static final int MEDIAN_MIN_PER_COLUMN = 1 << 16;
    /** Distinct values a mode counts per column before it becomes approximate. */
    static final int MODE_MAX_DISTINCT = 100_000;

    static final String SUMMARY_FILE = "imputation-summary.csv";
    /** The reference sample of knn is seeded: the same input gives the same fills. */
    static final long KNN_SEED = 20_261_202L;

    private final ImputeParameters params;
    private final int medianBudget;

    ImputeStep(ImputeParameters params, int medianBudget) {
        this.params = params;
        this.medianBudget = medianBudget;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        List<ColumnPlan> plans;
        int[] groupBy;
        Interpolation interpolation = null;
        List<ColumnPlan> interpolated;
        Knn knn = null;
        int orderBy = -1;
        long rows = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            List<org.assay.api.step.ParameterProblem> problems = ImputeStepType.indicatorProblems(params, in.schema());
            if (!problems.isEmpty()) {
                throw new StepFailure("parameter indicators: " + problems.get(0).message());
            }
            for (String c : params.indicators()) {
                if (!in.schema().contains(c)) {
                    throw new StepFailure("parameter indicators: " + ColumnNotFound.message(c, in.schema(),
                            "the input") + ". Correct the name or remove it from indicators.");
                }
            }
            for (String c : params.groupBy()) {
                if (!in.schema().contains(c)) {
                    throw new StepFailure("parameter groupBy: " + ColumnNotFound.message(c, in.schema(), "the input")
                            + ". Correct the name or remove it from groupBy.");
                }
            }
            groupBy = params.groupBy().stream().mapToInt(in.schema()::require).toArray();
            plans = plan(in.schema(), params);
            interpolated = plans.stream().filter(p -> p.strategy == Strategy.INTERPOLATE).toList();
            if (!interpolated.isEmpty()) {
                orderBy = orderColumn(in.schema(), params);
                interpolation = new Interpolation(interpolated, params.edge() == Edge.NEAREST);
            }
            List<ColumnPlan> nearest = plans.stream().filter(p -> p.strategy == Strategy.KNN).toList();
            if (!nearest.isEmpty()) {
                knn = new Knn(knnFeatures(in.schema(), params), nearest, params.neighbours(), params.knnReference(),
                        KNN_SEED);
            }
            int medianColumns = (int) plans.stream().filter(p -> p.strategy == Strategy.MEDIAN).count();
            // A budget below the per-column floor (tests) is taken as it is, so the multi-pass path can be reached.
            int perColumn = Math.max(Math.min(MEDIAN_MIN_PER_COLUMN, medianBudget),
                    medianBudget / Math.max(1, medianColumns));
            for (ColumnPlan p : plans) {
                // A group column's own missing values have no group: it gets the overall statistic.
                int column = p.index;
                p.start(perColumn, groupBy.length > 0 && Arrays.stream(groupBy).noneMatch(g -> g == column));
            }
            for (Batch b = in.next(); b != null; b = in.next()) {
                List<Object>[] keys = groupBy.length > 0 ? CellFill.groupKeys(b, groupBy) : null;
                for (ColumnPlan p : plans) {
                    p.observe(b.column(p.index));
                    if (p.grouped()) {
                        p.observeGroups(b.column(p.index), keys);
                    }
                }
                if (knn != null) {
                    knn.observe(b);
                }
                if (interpolation != null) {
                    List<Column> columns = new ArrayList<>();
                    for (ColumnPlan p : interpolated) {
                        columns.add(b.column(p.index));
                    }
                    interpolation.observe(b.column(orderBy), keys, columns);
                }
                rows += b.rowCount();
                ctx.checkCancelled();
            }
        }
        for (ColumnPlan p : plans) {
            p.endFirstPass();
        }
        refineMedians(ctx, plans, groupBy);
        if (interpolation != null) {
            interpolation.compute();
        }
        if (knn != null) {
            knn.seal();
        }
        for (ColumnPlan p : plans) {
            p.decide();
        }
        ctx.progress(0.5);
        Schema outSchema = fill(ctx, plans, rows, params.indicators(), groupBy, interpolation, knn);
        for (ColumnPlan p : plans) {
            if (p.strategy == Strategy.KNN && p.filled < p.nulls) {
                p.note = (p.nulls - p.filled) + " left missing: no similar row had a value"
                        + (knn.referenceRows() == 0 ? " (no row has every knnFeatures column)" : "");
            }
        }
        for (ColumnPlan p : plans) {
            p.noteGroups(params.groupBy());
        }
        writeSummary(ctx, plans);
        ctx.log().info("Filled {} missing values in {} columns of {} rows; schema {}",
                plans.stream().mapToLong(p -> p.filled).sum(), plans.stream().filter(p -> p.filled > 0).count(), rows,
                outSchema);
    }

    /** A plan for every column: its strategy, or why it is left missing. */
    private static List<ColumnPlan> plan(Schema schema, ImputeParameters params) throws StepFailure {
        Map<String, String> rules = params.columns();
        for (String name : rules.keySet()) {
            if (!schema.contains(name)) {
                throw new StepFailure("parameter columns: " + ColumnNotFound.message(name, schema, "the input")
                        + ". Correct the name or remove it from columns.");
            }
        }
        Strategy global = params.strategy();
        List<ColumnPlan> plans = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Field field = schema.field(i);
            FieldType type = field.type();
            String ruleText = rules.get(field.name());
            if (ruleText != null) {
                plans.add(explicitPlan(i, field, ruleText));
                continue;
            }
            // Filling an id or a person's data with a statistic makes up a record or a person:
            // only an explicit per-column rule may do that.
            if (field.has(FieldTag.ID)) {
                plans.add(ColumnPlan.leave(i, field, false, "tagged id, and a made-up id makes up a record; name it"
                        + " in columns to fill it"));
            } else if (field.has(FieldTag.PII)) {
                plans.add(ColumnPlan.leave(i, field, false, "tagged pii, and a statistic is no person's data; name"
                        + " it in columns to fill it"));
            } else if (global.fits(type)) {
                TypedValue constant = null;
                if (global == Strategy.CONSTANT) {
                    constant = TypedValue.parse(type, params.value().orElseThrow());
                    if (constant == null) {
                        plans.add(ColumnPlan.leave(i, field, false, "value '" + params.value().orElseThrow()
                                + "' is not a " + type.jsonName() + " value; name it in columns with"
                                + " \"constant:<value>\" to fill it"));
                        continue;
                    }
                }
                plans.add(new ColumnPlan(i, field, global, constant, false));
            } else if (type == FieldType.STRING || type == FieldType.CATEGORICAL) {
                // A numeric strategy leaving city blank while filling age was the surprise: text gets
                // the nearest thing to a typical value, and the summary says so.
                plans.add(ColumnPlan.modeInstead(i, field, global));
            } else {
                plans.add(ColumnPlan.leave(i, field, false, global.jsonName() + " does not apply to "
                        + type.jsonName() + "; name it in columns with \"mode\" or \"constant:<value>\" to fill it"));
            }
        }
        return plans;
    }

    /** The orderBy column of interpolate, checked again at run time: the schema may differ from design time. */
    private static int orderColumn(Schema schema, ImputeParameters params) throws StepFailure {
        String name = params.orderBy().orElseThrow(() -> new StepFailure(
                "parameter orderBy: interpolate needs the column to order by, e.g. \"orderBy\": \"date\""));
        if (!schema.contains(name)) {
            throw new StepFailure("parameter orderBy: " + ColumnNotFound.message(name, schema, "the input")
                    + ". Correct the name.");
        }
        FieldType type = schema.field(name).type();
        if (!type.isNumeric() && type != FieldType.DATE && type != FieldType.TIMESTAMP) {
            throw new StepFailure("parameter orderBy: column '" + name + "' is " + type.jsonName()
                    + "; interpolate orders by an integer, decimal, date or timestamp column");
        }
        return schema.require(name);
    }

    private static ColumnPlan explicitPlan(int i, Field field, String ruleText) throws StepFailure {
        FieldType type = field.type();
        ColumnRule rule;
        try {
            rule = ColumnRule.parse(field.name(), ruleText);
        } catch (IllegalArgumentException e) {
            throw new StepFailure("parameter columns: " + e.getMessage());
        }
        if (rule.strategy() == Strategy.LEAVE) {
            return ColumnPlan.leave(i, field, true, "columns says leave");
        }
        if (!rule.strategy().fits(type)) {
            throw new StepFailure("parameter columns: column '" + field.name() + "' is " + type.jsonName()
                    + ", and " + rule.strategy().jsonName() + (rule.strategy() == Strategy.KNN
                            ? " does not fill dates or timestamps. Use \"interpolate\" (with orderBy), \"mode\" or"
                            + " \"constant:<value>\" for it." : " works only on integer and decimal columns. Use"
                            + " \"mode\" or \"constant:<value>\" for it."));
        }
        TypedValue constant = null;
        if (rule.strategy() == Strategy.CONSTANT) {
            constant = TypedValue.parse(type, rule.constant());
            if (constant == null) {
                throw new StepFailure("parameter columns: column '" + field.name() + "': '" + rule.constant()
                        + "' is not a valid " + type.jsonName() + " value. " + example(type));
            }
        }
        return new ColumnPlan(i, field, rule.strategy(), constant, true);
    }

    private static String example(FieldType type) {
        return switch (type) {
            case INTEGER -> "Write a whole number, e.g. \"constant:0\".";
            case DECIMAL -> "Write a number with a dot, e.g. \"constant:0.5\".";
            case BOOLEAN -> "Write \"constant:true\" or \"constant:false\".";
            case DATE -> "Write an ISO date, e.g. \"constant:2024-01-31\".";
            case TIMESTAMP -> "Write an ISO timestamp, e.g. \"constant:2024-01-31T00:00:00Z\".";
            case STRING, CATEGORICAL -> "";
        };
    }

    /** Extra passes for medians whose values did not fit in memory; only for columns that need filling. */
    private static void refineMedians(StepContext ctx, List<ColumnPlan> plans, int[] groupBy) throws IOException {
        while (true) {
            List<ColumnPlan> pending = plans.stream()
                    .filter(p -> p.median != null && p.nulls > 0 && p.needsAnotherPass()).toList();
            if (pending.isEmpty()) {
                return;
            }
            ctx.log().info("Another pass over the input for the exact median of {}",
                    pending.stream().map(p -> p.field.name()).toList());
            pending.forEach(ColumnPlan::beginRefinePass);
            try (DataStream in = ctx.input(PortSpec.IN)) {
                for (Batch b = in.next(); b != null; b = in.next()) {
                    List<Object>[] keys = groupBy.length > 0 ? CellFill.groupKeys(b, groupBy) : null;
                    for (ColumnPlan p : pending) {
                        p.refine(b.column(p.index), keys);
                    }
                    ctx.checkCancelled();
                }
            }
            pending.forEach(ColumnPlan::endRefinePass);
        }
    }

    /** The feature columns of knn: the named ones, or every integer and decimal column not tagged id or pii. */
    static int[] knnFeatures(Schema schema, ImputeParameters params) throws StepFailure {
        if (!params.knnFeatures().isEmpty()) {
            for (String c : params.knnFeatures()) {
                if (!schema.contains(c)) {
                    throw new StepFailure("parameter knnFeatures: " + ColumnNotFound.message(c, schema, "the input"));
                }
            }
            return params.knnFeatures().stream().mapToInt(schema::require).toArray();
        }
        int[] chosen = java.util.stream.IntStream.range(0, schema.size()).filter(i -> schema.field(i).type()
                .isNumeric() && !schema.field(i).has(org.assay.api.data.FieldTag.ID)
                && !schema.field(i).has(org.assay.api.data.FieldTag.PII)).toArray();
        if (chosen.length == 0) {
            throw new StepFailure("strategy knn: the input has no integer or decimal column (not tagged id or pii) to"
                    + " measure how similar rows are; name them in knnFeatures");
        }
        return chosen;
    }

    private static Schema fill(StepContext ctx, List<ColumnPlan> plans, long rows, List<String> indicators,
            int[] groupBy, Interpolation interpolation, Knn knn) throws IOException {
        List<ColumnPlan> active = plans.stream().filter(p -> (p.value != null || p.strategy == Strategy.INTERPOLATE
                || p.strategy == Strategy.KNN) && p.nulls > 0).toList();
        List<ColumnPlan> nearest = plans.stream().filter(p -> p.strategy == Strategy.KNN).toList();
        List<ColumnPlan> interpolated = plans.stream().filter(p -> p.strategy == Strategy.INTERPOLATE).toList();
        long done = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            for (ColumnPlan p : active) {
                schema = schema.with(p.index, p.outField());
            }
            Schema inSchema = in.schema();
            int[] marked = indicators.stream().mapToInt(inSchema::require).toArray();
            for (String c : indicators) {
                schema = schema.with(Field.of(c + ImputeParameters.INDICATOR_SUFFIX, FieldType.BOOLEAN));
            }
            BatchSink out = ctx.output(PortSpec.OUT, schema);
            for (Batch b = in.next(); b != null; b = in.next()) {
                Batch result = b;
                List<Object>[] keys = groupBy.length > 0 ? CellFill.groupKeys(b, groupBy) : null;
                for (int i = 0; i < marked.length; i++) {
                    Column c = b.column(marked[i]);
                    long[] flags = new long[c.size()];
                    for (int r = 0; r < flags.length; r++) {
                        flags[r] = c.isNull(r) ? 1 : 0;
                    }
                    result = result.with(schema.field(inSchema.size() + i),
                            Column.ofLongs(FieldType.BOOLEAN, flags, flags.length, null));
                }
                long offset = done;
                for (ColumnPlan p : active) {
                    Column c = b.column(p.index);
                    int nulls = c.nullCount();
                    if (nulls > 0 && p.strategy == Strategy.KNN) {
                        int i = nearest.indexOf(p);
                        Batch rowsOf = b;
                        Column f = CellFill.filled(c, r -> knn.valueFor(i, rowsOf, r));
                        result = result.with(p.field, f);
                        p.filled += nulls - f.nullCount();
                    } else if (nulls > 0 && p.strategy == Strategy.INTERPOLATE) {
                        int i = interpolated.indexOf(p);
                        Column f = CellFill.filled(c, r -> interpolation.valueAt(i, offset + r));
                        result = result.with(p.field, f);
                        p.filled += nulls - f.nullCount();
                    } else if (nulls > 0) {
                        result = result.with(p.outField(), p.grouped() ? CellFill.filled(c, r -> p.valueFor(keys[r]))
                                : CellFill.filled(c, r -> p.value));
                        p.filled += nulls;
                    }
                }
                // A categorical field may have gained its fill value as a category even in a
                // batch that had nothing to fill.
                out.write(result.schema().equals(schema) ? result : result.withSchema(schema));
                done += b.rowCount();
                ctx.progress(0.5 + 0.5 * done / Math.max(1, rows));
                ctx.checkCancelled();
            }
            return schema;
        }
    }

    /** Every column that had missing values or a rule of its own, and what was done to it. */
    private static void writeSummary(StepContext ctx, List<ColumnPlan> plans) throws IOException {
        Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("column,missing,strategy,filled,value,note\n");
            for (ColumnPlan p : plans) {
                if (p.nulls == 0 && !p.explicit) {
                    continue;
                }
                w.write(csv(p.field.name()) + "," + p.nulls + "," + p.strategy.jsonName() + "," + p.filled + ","
                        + csv(p.value == null ? "" : p.value.display()) + "," + csv(p.note) + "\n");
                if (p.nulls > 0) {
                    ctx.log().info("impute: {}", p.outcome());
                }
            }
        }
        ctx.addArtifact(file, ArtifactKind.TABLE, "Imputation summary");
        publishSection(ctx, plans);
    }

    /**
     * The report's data-quality part: a sentence per filled column for the opening summary
     * ("312 values imputed by median in income") and the table of every column with a gap, so
     * a reader of the charts knows which values were not measured.
     */
    private static void publishSection(StepContext ctx, List<ColumnPlan> plans) throws IOException {
        ReportSection.Builder section = ReportSection.builder("imputation", "Missing values filled")
                .order(ReportSection.DATA);
        List<List<String>> rows = new ArrayList<>();
        long filled = 0;
        for (ColumnPlan p : plans) {
            if (p.nulls == 0) {
                continue;
            }
            rows.add(List.of(p.field.name(), String.format(Locale.ROOT, "%,d", p.nulls), p.strategy.jsonName(),
                    String.format(Locale.ROOT, "%,d", p.filled), p.value == null ? ""
                    : p.field.has(FieldTag.PII) ? "(pii, not shown)" : p.value.display(), p.note));
            if (p.filled > 0) {
                filled += p.filled;
                section.summary(String.format(Locale.ROOT, "%,d %s imputed by %s in %s (step %s).", p.filled,
                        p.filled == 1 ? "value" : "values", p.strategy.jsonName(), p.field.name(), ctx.stepId()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        section.paragraph(String.format(Locale.ROOT, "%,d missing values were filled in %d columns. Charts of these"
                + " columns count the filled values in their titles when the impute step writes indicators.", filled,
                rows.size()));
        section.table("Per column", List.of("column", "missing", "strategy", "filled", "value", "note"), rows);
        ReportSections.publish(ctx, section.build());
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
