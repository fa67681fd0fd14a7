package org.assay.transforms.internal.describe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * One run of {@code correlate}: reads the input once into a bounded {@link RowSample}, then
 * writes every pair's coefficients to correlations.csv. Nulls are deleted pairwise: each pair
 * uses the rows where both of its columns have a value, and says how many in {@code n}.
 */
final class CorrelateStep implements Step {

    static final String TABLE_FILE = "correlations.csv";
    static final List<String> HEADER = List.of("column_a", "column_b", "method", "value", "n", "note");

    private static final List<String> METHODS = List.of("pearson", "spearman");
    private static final Set<FieldType> NUMERIC = Set.of(FieldType.INTEGER, FieldType.DECIMAL);
    private static final Set<FieldType> CATEGORIES = Set.of(FieldType.CATEGORICAL, FieldType.STRING,
            FieldType.BOOLEAN);
    private static final Set<FieldType> DEFAULT_CATEGORIES = Set.of(FieldType.CATEGORICAL, FieldType.BOOLEAN);

    private final CorrelateParameters p;

    CorrelateStep(CorrelateParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        RowSample sample;
        List<Field> numeric;
        List<Field> categorical;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            numeric = choose(schema, p.columns(), "columns", NUMERIC, NUMERIC);
            categorical = choose(schema, p.categorical(), "categorical", CATEGORIES, DEFAULT_CATEGORIES);
            sample = new RowSample(positions(schema, numeric), positions(schema, categorical), p.rowBudget(),
                    p.maxCategories(), p.seed());
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                sample.add(b);
            }
        }
        String sampleNote = sample.sampled() ? "sample of " + sample.held() + " of " + sample.seen() + " rows (seed "
                + p.seed() + ")" : "";
        List<List<String>> rows = new ArrayList<>();
        double[][][] matrices = numericPairs(ctx, sample, numeric, sampleNote, rows);
        categoricalPairs(ctx, sample, categorical, sampleNote, rows);
        Path table = ctx.artifactDir().resolve(TABLE_FILE);
        CsvTable.write(table, HEADER, rows);
        ctx.addArtifact(table, ArtifactKind.TABLE, "Correlations");
        heatmaps(ctx, numeric, matrices, sampleNote);
        ctx.countOut(sample.seen());
        if (numeric.size() < 2 && categorical.size() < 2) {
            ctx.log().warn("correlate: fewer than two numeric and two categorical columns, no pair to correlate");
        }
        if (sample.sampled()) {
            ctx.log().info("correlate: coefficients from a {}", sampleNote);
        }
    }

    /** The named columns, checked as the deploy-time validator checks them; or the default set. */
    private List<Field> choose(Schema schema, List<String> named, String parameter, Set<FieldType> allowed,
            Set<FieldType> byDefault) throws StepFailure {
        List<Field> fields = new ArrayList<>();
        if (named.isEmpty()) {
            for (Field f : schema) {
                if (byDefault.contains(f.type()) && !f.has(FieldTag.ID) && !f.has(FieldTag.PII)) {
                    fields.add(f);
                }
            }
            return fields;
        }
        for (String name : named) {
            int at = schema.indexOf(name);
            if (at < 0) {
                throw new StepFailure("parameter " + parameter + ": " + ColumnNotFound.message(name, schema,
                        "the input"));
            }
            Field f = schema.field(at);
            if (!allowed.contains(f.type())) {
                throw new StepFailure("parameter " + parameter + ": column '" + name + "' is " + f.type().jsonName()
                        + "; " + parameter + " takes " + allowed.stream().map(FieldType::jsonName).sorted().toList());
            }
            if (f.has(FieldTag.PII) && !p.allowPii()) {
                throw new StepFailure("parameter " + parameter + ": column '" + name + "' is tagged pii; set "
                        + "\"allowPii\": true if correlating it is intended");
            }
            fields.add(f);
        }
        return fields;
    }

    private static int[] positions(Schema schema, List<Field> fields) {
        return fields.stream().mapToInt(f -> schema.indexOf(f.name())).toArray();
    }

    private void heatmaps(StepContext ctx, List<Field> numeric, double[][][] matrices, String sampleNote)
            throws java.io.IOException {
        if (!p.heatmap() || numeric.size() < 2) {
            return;
        }
        if (numeric.size() > CorrelationHeatmap.MAX_COLUMNS) {
            ctx.log().info("correlate: no heatmap for {} columns (at most {}); correlations.csv has every pair",
                    numeric.size(), CorrelationHeatmap.MAX_COLUMNS);
            return;
        }
        List<String> names = numeric.stream().map(Field::name).toList();
        String suffix = sampleNote.isEmpty() ? "" : " (" + sampleNote + ")";
        for (int m = 0; m < METHODS.size(); m++) {
            String method = METHODS.get(m);
            Path png = ctx.artifactDir().resolve("correlations-" + method + ".png");
            String title = (m == 0 ? "Pearson" : "Spearman") + " correlation" + suffix;
            if (CorrelationHeatmap.write(png, title, names, matrices[m])) {
                ctx.addArtifact(png, ArtifactKind.CHART, title);
            } else {
                ctx.log().info("correlate: no {} heatmap, no coefficient is defined", method);
            }
        }
    }

    /** Writes the pairs' lines; returns the Pearson and Spearman matrices (NaN where undefined, on the diagonal too for a constant column). */
    private double[][][] numericPairs(StepContext ctx, RowSample s, List<Field> fields, String sampleNote,
            List<List<String>> out) {
        int k = fields.size();
        double[][][] matrices = new double[METHODS.size()][k][k];
        int held = s.held();
        boolean[] complete = new boolean[k];
        double[][] fullRanks = new double[k][];
        for (int i = 0; i < k; i++) {
            complete[i] = java.util.Arrays.stream(s.numeric(i), 0, held).noneMatch(Double::isNaN);
        }
        for (int i = 0; i < k; i++) {
            // A column is perfectly correlated with itself unless it is constant (or nearly empty).
            double self = definedAlone(s.numeric(i), held) ? 1 : Double.NaN;
            for (double[][] m : matrices) {
                m[i][i] = self;
            }
        }
        double[] x = new double[held];
        double[] y = new double[held];
        for (int a = 0; a < fields.size(); a++) {
            ctx.checkCancelled();
            for (int b = a + 1; b < fields.size(); b++) {
                double[] va = s.numeric(a);
                double[] vb = s.numeric(b);
                int n = 0;
                for (int r = 0; r < held; r++) {
                    if (!Double.isNaN(va[r]) && !Double.isNaN(vb[r])) {
                        x[n] = va[r];
                        y[n] = vb[r];
                        n++;
                    }
                }
                String why = undefinedNumeric(fields.get(a), fields.get(b), x, y, n);
                String note = join(why, sampleNote);
                String a1 = fields.get(a).name();
                String b1 = fields.get(b).name();
                double pearson = Coefficients.pearson(x, y, n);
                // A pair of columns without missing values shares the columns' own ranks: each is sorted once.
                double spearman = n == held && complete[a] && complete[b]
                        ? Coefficients.pearson(ranks(s, a, held, fullRanks), ranks(s, b, held, fullRanks), n)
                        : Coefficients.spearman(x, y, n);
                matrices[0][a][b] = matrices[0][b][a] = pearson;
                matrices[1][a][b] = matrices[1][b][a] = spearman;
                out.add(List.of(a1, b1, METHODS.get(0), CsvTable.number(pearson), Long.toString(n), note));
                out.add(List.of(a1, b1, METHODS.get(1), CsvTable.number(spearman), Long.toString(n), note));
            }
        }
        return matrices;
    }

    private static double[] ranks(RowSample s, int column, int held, double[][] cache) {
        if (cache[column] == null) {
            cache[column] = Coefficients.ranks(s.numeric(column), held);
        }
        return cache[column];
    }

    private static boolean definedAlone(double[] v, int held) {
        double first = Double.NaN;
        for (int r = 0; r < held; r++) {
            if (!Double.isNaN(v[r])) {
                if (Double.isNaN(first)) {
                    first = v[r];
                } else if (v[r] != first) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String undefinedNumeric(Field a, Field b, double[] x, double[] y, int n) {
        if (n < 2) {
            return "undefined: fewer than 2 rows with both values";
        }
        if (constant(x, n)) {
            return "undefined: " + a.name() + " is constant over the rows with both values";
        }
        if (constant(y, n)) {
            return "undefined: " + b.name() + " is constant over the rows with both values";
        }
        return "";
    }

    private static boolean constant(double[] v, int n) {
        for (int i = 1; i < n; i++) {
            if (v[i] != v[0]) {
                return false;
            }
        }
        return true;
    }

    private void categoricalPairs(StepContext ctx, RowSample s, List<Field> fields, String sampleNote,
            List<List<String>> out) {
        int held = s.held();
        int[] x = new int[held];
        int[] y = new int[held];
        for (int a = 0; a < fields.size(); a++) {
            ctx.checkCancelled();
            for (int b = a + 1; b < fields.size(); b++) {
                String a1 = fields.get(a).name();
                String b1 = fields.get(b).name();
                String tooMany = s.tooManyCategories(a) ? a1 : s.tooManyCategories(b) ? b1 : null;
                if (tooMany != null) {
                    out.add(List.of(a1, b1, "cramers_v", "", "0", join("undefined: " + tooMany + " has more than "
                            + p.maxCategories() + " categories (maxCategories)", sampleNote)));
                    continue;
                }
                int[] ca = s.codes(a);
                int[] cb = s.codes(b);
                int n = 0;
                for (int r = 0; r < held; r++) {
                    if (ca[r] >= 0 && cb[r] >= 0) {
                        x[n] = ca[r];
                        y[n] = cb[r];
                        n++;
                    }
                }
                double v = Coefficients.cramersV(x, y, n, s.categories(a), s.categories(b));
                String why = n == 0 ? "undefined: no row with both values"
                        : Double.isNaN(v) ? "undefined: a column has one category over the rows with both values" : "";
                out.add(List.of(a1, b1, "cramers_v", CsvTable.number(v), Long.toString(n), join(why, sampleNote)));
            }
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
