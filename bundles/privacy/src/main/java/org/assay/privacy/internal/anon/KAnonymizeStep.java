package org.assay.privacy.internal.anon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * One run of {@code k-anonymize}: pass 1 encodes the quasi-identifiers ({@link QiTable}),
 * the lattice search picks the levels, pass 2 writes the generalised rows of the classes kept.
 */
final class KAnonymizeStep implements Step {

    private final KAnonymizeParameters params;

    KAnonymizeStep(KAnonymizeParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        List<String> qi = new ArrayList<>(params.quasiIdentifiers().keySet());
        int[] qiIndex;
        int sensitiveIndex;
        List<Hierarchy> hierarchies;
        QiTable.Builder builder;
        int[] tupleOf = new int[1024];
        long rows = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            hierarchies = Hierarchies.resolve("k-anonymize", "quasiIdentifiers", params.quasiIdentifiers(), schema,
                    params.hierarchyFile(), ctx);
            qiIndex = qi.stream().mapToInt(schema::indexOf).toArray();
            sensitiveIndex = -1;
            if (params.sensitive().isPresent()) {
                sensitiveIndex = schema.indexOf(params.sensitive().get());
                if (sensitiveIndex < 0) {
                    throw new StepFailure("k-anonymize: parameter sensitive: " + org.assay.api.data.ColumnNotFound
                            .message(params.sensitive().get(), schema, "the input"));
                }
            }
            builder = new QiTable.Builder(hierarchies);
            String[] values = new String[qi.size()];
            for (Batch b = in.next(); b != null; b = in.next()) {
                for (int r = 0; r < b.rowCount(); r++) {
                    for (int c = 0; c < values.length; c++) {
                        values[c] = b.column(qiIndex[c]).getString(r);
                    }
                    String s = sensitiveIndex < 0 ? null : b.column(sensitiveIndex).getString(r);
                    if (rows == tupleOf.length) {
                        tupleOf = Arrays.copyOf(tupleOf, tupleOf.length * 2);
                    }
                    try {
                        tupleOf[(int) rows] = builder.add(values, s);
                    } catch (Hierarchy.Uncovered u) {
                        tupleOf[(int) rows] = -1;
                        ctx.quarantine().reject(rows + 1, b, r, "a quasi-identifier's value does not fit its "
                                + "hierarchy: " + u.getMessage());
                    }
                    rows++;
                }
                ctx.checkCancelled();
            }
        }
        QiTable table;
        try {
            table = builder.build();
        } catch (IllegalArgumentException e) {
            throw new StepFailure("k-anonymize: " + e.getMessage() + " (quasi-identifiers counted in the order given)");
        }
        long maxSuppressed = (long) Math.floor(params.suppressionLimit() * table.rows + 1e-9);
        LatticeSearch search;
        try {
            search = new LatticeSearch(table, params.k(), params.l(), maxSuppressed, ctx::isCancelled);
        } catch (IllegalArgumentException e) {
            throw new StepFailure("k-anonymize: " + e.getMessage());
        }
        long started = System.nanoTime();
        LatticeSearch.Result result = search.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        Evaluation best = result.best();
        if (best == null) {
            throw new StepFailure("k-anonymize: no generalisation reaches k = " + params.k()
                    + (params.l() > 1 ? " and l = " + params.l() : "") + " with at most "
                    + percent(params.suppressionLimit()) + " of the " + table.rows + " rows suppressed, not even "
                    + "every quasi-identifier at *; " + (table.rows < params.k() ? "the input has fewer rows than k"
                    : "the sensitive column has fewer than l distinct values, or raise suppressionLimit"));
        }
        long filtered = write(ctx, qiIndex, table, best, tupleOf);
        ctx.countFiltered(filtered);
        report(ctx, qi, hierarchies, table, best, result, seconds);
        ctx.log().info("k-anonymize: {} rows, levels {}, achieved k {} l {}, {} suppressed, NCP {}, {} of {} "
                + "lattice nodes checked in {} s", table.rows, Arrays.toString(best.levels()), best.achievedK(),
                best.achievedL(), best.suppressed(), String.format(Locale.ROOT, "%.4f", best.loss()),
                result.checked(), result.latticeSize(), String.format(Locale.ROOT, "%.2f", seconds));
    }

    private long write(StepContext ctx, int[] qiIndex, QiTable table, Evaluation best, int[] tupleOf)
            throws Exception {
        long filtered = 0;
        long row = 0;
        int[] levels = best.levels();
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema out = KAnonymizeStepType.output(in.schema(), params.quasiIdentifiers().keySet());
            BatchSink sink = ctx.output(PortSpec.OUT, out);
            for (Batch b = in.next(); b != null; b = in.next()) {
                int n = b.rowCount();
                int[] keep = new int[n];
                int kept = 0;
                for (int r = 0; r < n; r++, row++) {
                    int t = tupleOf[(int) row];
                    if (t < 0) {
                        continue;
                    }
                    if (best.suppressedTuples()[t]) {
                        filtered++;
                    } else {
                        keep[kept++] = r;
                    }
                }
                if (kept == 0) {
                    continue;
                }
                Column[] columns = new Column[out.size()];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = b.column(c).select(keep, kept);
                }
                long first = row - n;
                for (int c = 0; c < qiIndex.length; c++) {
                    String[] texts = new String[kept];
                    for (int i = 0; i < kept; i++) {
                        int t = tupleOf[(int) (first + keep[i])];
                        int code0 = table.tuples[c][t];
                        texts[i] = table.labels[c][levels[c]][table.up[c][levels[c]][code0]];
                    }
                    columns[qiIndex[c]] = Column.ofTexts(FieldType.STRING, texts, kept);
                }
                sink.write(new Batch(out, kept, columns));
                ctx.checkCancelled();
            }
        }
        return filtered;
    }

    private void report(StepContext ctx, List<String> qi, List<Hierarchy> hierarchies, QiTable table,
            Evaluation best, LatticeSearch.Result result, double seconds) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("rows", Long.toString(table.rows)));
        rows.add(List.of("k required", Integer.toString(params.k())));
        rows.add(List.of("k achieved", Integer.toString(best.achievedK())));
        rows.add(List.of("l required", Integer.toString(params.l())));
        rows.add(List.of("l achieved", Integer.toString(best.achievedL())));
        rows.add(List.of("rows suppressed", Long.toString(best.suppressed())));
        rows.add(List.of("suppression limit", Long.toString((long) Math.floor(params.suppressionLimit() * table.rows
                + 1e-9))));
        rows.add(List.of("classes kept", Integer.toString(best.classes())));
        rows.add(List.of("information loss (NCP)", CsvTable.number(best.loss())));
        rows.add(List.of("discernibility", CsvTable.number(best.discernibility())));
        for (int c = 0; c < qi.size(); c++) {
            rows.add(List.of("level " + qi.get(c), best.levels()[c] + " of " + hierarchies.get(c).height()));
        }
        rows.add(List.of("lattice nodes", Long.toString(result.latticeSize())));
        rows.add(List.of("nodes checked", Integer.toString(result.checked())));
        rows.add(List.of("anonymous nodes", Integer.toString(result.anonymousNodes())));
        rows.add(List.of("search seconds", String.format(Locale.ROOT, "%.3f", seconds)));
        Path file = ctx.artifactDir().resolve("k-anonymity.csv");
        CsvTable.write(file, List.of("measure", "value"), rows);
        ctx.addArtifact(file, ArtifactKind.TABLE, "k-anonymity: achieved k and l, suppression, loss, levels");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
