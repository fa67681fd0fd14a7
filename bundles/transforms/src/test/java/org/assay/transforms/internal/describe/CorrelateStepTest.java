package org.assay.transforms.internal.describe;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelateStepTest {

    @TempDir
    Path dir;

    private static final Schema NUMBERS = Schema.of(
            Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("x", FieldType.INTEGER),
            Field.of("y", FieldType.DECIMAL),
            Field.of("cube", FieldType.DECIMAL),
            Field.of("w", FieldType.DECIMAL),
            Field.of("salary", FieldType.DECIMAL).withTags(FieldTag.PII));

    private static List<Object[]> numbers() {
        return List.of(
                row(1L, 1L, 2.0, 1.0, 1.0, 10.0),
                row(2L, 2L, 4.0, 8.0, null, 20.0),
                row(3L, 3L, 5.0, 27.0, 3.0, 30.0),
                row(4L, 4L, 4.0, 64.0, null, 40.0),
                row(5L, 5L, 5.0, 125.0, 5.0, 50.0));
    }

    private StepTestRunner correlate(Schema schema, List<Object[]> rows) {
        return new StepTestRunner(new CorrelateStepType(), dir).input("in", schema, rows, 2);
    }

    private static List<Map<String, String>> table(StepTestRunner r) throws Exception {
        StepTestRunner.Artifact a = r.artifacts().get(0);
        assertEquals(ArtifactKind.TABLE, a.kind());
        assertEquals(CorrelateStep.TABLE_FILE, a.file().getFileName().toString());
        return CsvRows.read(a.file());
    }

    private static Map<String, String> line(List<Map<String, String>> rows, String a, String b, String method) {
        return rows.stream().filter(m -> m.get("column_a").equals(a) && m.get("column_b").equals(b)
                && m.get("method").equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " for " + a + "," + b + " in " + rows));
    }

    private static double value(List<Map<String, String>> rows, String a, String b, String method) {
        return Double.parseDouble(line(rows, a, b, method).get("value"));
    }

    @Test
    void pearsonAndSpearmanMatchHandComputedValues() throws Exception {
        StepTestRunner r = correlate(NUMBERS, numbers()).run();
        List<Map<String, String>> t = table(r);

        // x = 1..5, y = 2,4,5,4,5: centred sums sxy = 6, sxx = 10, syy = 6, so r = 6 / sqrt(60).
        assertEquals(6 / Math.sqrt(60), value(t, "x", "y", "pearson"), 1e-9);
        // Ranks of y with ties averaged: 1, 2.5, 4.5, 2.5, 4.5; Pearson of the ranks is 7 / sqrt(90).
        assertEquals(7 / Math.sqrt(90), value(t, "x", "y", "spearman"), 1e-9);
        assertEquals("5", line(t, "x", "y", "pearson").get("n"));
        // A monotone but not linear relation: Spearman 1, Pearson below 1.
        assertEquals(1.0, value(t, "x", "cube", "spearman"), 1e-12);
        assertTrue(value(t, "x", "cube", "pearson") < 0.99);
        r.assertRowsAccountedFor();
        assertEquals(5, r.countedOut());
    }

    @Test
    void nullsAreDeletedPairwise() throws Exception {
        List<Map<String, String>> t = table(correlate(NUMBERS, numbers()).run());

        Map<String, String> xw = line(t, "x", "w", "pearson");
        assertEquals("3", xw.get("n"), "w has two nulls: the pair x,w uses the three rows with both");
        assertEquals(1.0, Double.parseDouble(xw.get("value")), 1e-12);
        assertEquals("5", line(t, "x", "y", "pearson").get("n"), "the nulls of w do not cost other pairs rows");
    }

    @Test
    void matchesTextbookFormulasOnRandomData() throws Exception {
        Schema s = Schema.of(Field.of("a", FieldType.DECIMAL), Field.of("b", FieldType.DECIMAL));
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        double[] a = new double[300];
        double[] b = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
            b[i] = 0.6 * a[i] + 0.8 * random.nextGaussian();
            rows.add(row(a[i], b[i]));
        }
        List<Map<String, String>> t = table(correlate(s, rows).run());

        assertEquals(textbookPearson(a, b), value(t, "a", "b", "pearson"), 1e-8);
        assertEquals(textbookSpearmanWithoutTies(a, b), value(t, "a", "b", "spearman"), 1e-8);
    }

    /** r = (n sum xy - sum x sum y) / sqrt((n sum x^2 - (sum x)^2) (n sum y^2 - (sum y)^2)). */
    private static double textbookPearson(double[] x, double[] y) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxy += x[i] * y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }

    /** rho = 1 - 6 sum d^2 / (n (n^2 - 1)), valid without ties. */
    private static double textbookSpearmanWithoutTies(double[] x, double[] y) {
        int n = x.length;
        double[] rx = rank(x);
        double[] ry = rank(y);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            d2 += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        }
        return 1 - 6 * d2 / (n * ((double) n * n - 1));
    }

    private static double[] rank(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Arrays.binarySearch(sorted, v[i]) + 1;
        }
        return r;
    }

    @Test
    void aConstantColumnHasNoCorrelation() throws Exception {
        Schema s = Schema.of(Field.of("x", FieldType.INTEGER), Field.of("k", FieldType.DECIMAL));
        List<Map<String, String>> t = table(correlate(s, List.of(row(1L, 7.0), row(2L, 7.0), row(3L, 7.0))).run());

        for (String method : List.of("pearson", "spearman")) {
            Map<String, String> l = line(t, "x", "k", method);
            assertEquals("", l.get("value"), "std 0: undefined, written empty");
            assertEquals("3", l.get("n"));
            assertEquals("undefined: k is constant over the rows with both values", l.get("note"));
        }
    }

    @Test
    void cramersVMatchesHandComputedValues() throws Exception {
        Schema s = Schema.of(Field.of("a", FieldType.CATEGORICAL), Field.of("same", FieldType.CATEGORICAL),
                Field.of("cross", FieldType.CATEGORICAL), Field.of("some", FieldType.CATEGORICAL),
                Field.of("flag", FieldType.BOOLEAN), Field.of("text", FieldType.STRING));
        List<Object[]> rows = List.of(
                row("x", "p", "p", "p", true, "t1"),
                row("x", "p", "q", "p", true, "t2"),
                row("x", "p", "p", "q", false, "t3"),
                row("y", "q", "q", "q", false, "t4"),
                row("y", "q", "p", "q", true, "t5"),
                row("y", "q", "q", "q", null, "t6"),
                row(null, "q", "p", null, true, "t7"));
        StepTestRunner r = correlate(s, rows).run();
        List<Map<String, String>> t = table(r);

        assertEquals(1.0, value(t, "a", "same", "cramers_v"), 1e-12);
        // a and cross over the first six rows: x -> p,q,p and y -> q,p,q: chi2 = 4 * (2 - 1.5)^2 / 1.5 = 2/3, n = 6.
        assertEquals(Math.sqrt((2.0 / 3) / 6), value(t, "a", "cross", "cramers_v"), 1e-9);
        // a and some: x -> p,p,q, y -> q,q,q; expected 1, 2, 1, 2; chi2 = 1 + 0.5 + 1 + 0.5 = 3, n = 6.
        assertEquals(Math.sqrt(3.0 / 6), value(t, "a", "some", "cramers_v"), 1e-9);
        assertEquals("6", line(t, "a", "some", "cramers_v").get("n"));
        line(t, "a", "flag", "cramers_v");
        assertTrue(t.stream().noneMatch(m -> m.get("column_a").equals("text") || m.get("column_b").equals("text")),
                "string columns are used only when named");
        r.assertRowsAccountedFor();
    }

    @Test
    void oneCategoryAndTooManyCategoriesAreUndefined() throws Exception {
        Schema s = Schema.of(Field.of("a", FieldType.CATEGORICAL), Field.of("one", FieldType.CATEGORICAL),
                Field.of("many", FieldType.STRING));
        List<Object[]> rows = List.of(row("x", "k", "m1"), row("y", "k", "m2"), row("x", "k", "m3"));
        List<Map<String, String>> t = table(correlate(s, rows).param("categorical", List.of("a", "one", "many"))
                .param("maxCategories", 2).run());

        assertEquals("", line(t, "a", "one", "cramers_v").get("value"));
        assertTrue(line(t, "a", "one", "cramers_v").get("note").contains("one category"));
        assertEquals("", line(t, "a", "many", "cramers_v").get("value"));
        assertTrue(line(t, "a", "many", "cramers_v").get("note").contains("many has more than 2 categories"));
    }

    @Test
    void emptyInputWritesUndefinedPairs() throws Exception {
        StepTestRunner r = correlate(NUMBERS, List.of()).run();
        List<Map<String, String>> t = table(r);

        Map<String, String> xy = line(t, "x", "y", "pearson");
        assertEquals("", xy.get("value"));
        assertEquals("0", xy.get("n"));
        assertTrue(xy.get("note").contains("fewer than 2 rows"));
        assertEquals(0, r.countedOut());
        assertEquals(List.of(ArtifactKind.TABLE), r.artifacts().stream().map(StepTestRunner.Artifact::kind).toList(),
                "nothing defined: no heatmap");
        r.assertRowsAccountedFor();
    }

    @Test
    void defaultsLeaveOutIdAndPiiColumns() throws Exception {
        List<Map<String, String>> t = table(correlate(NUMBERS, numbers()).run());

        assertTrue(t.stream().noneMatch(m -> List.of("id", "salary").contains(m.get("column_a"))
                || List.of("id", "salary").contains(m.get("column_b"))), t.toString());
        assertEquals(6 * 2, t.size(), "4 numeric columns: 6 pairs, 2 methods each");
    }

    @Test
    void namingAPiiColumnNeedsAllowPii() throws Exception {
        correlate(NUMBERS, numbers()).param("columns", List.of("x", "salary"))
                .assertInvalid("columns", "column 'salary' is tagged pii; set \"allowPii\": true");

        List<Map<String, String>> t = table(correlate(NUMBERS, numbers()).param("columns", List.of("x", "salary"))
                .param("allowPii", true).run());
        assertEquals(1.0, value(t, "x", "salary", "pearson"), 1e-12);
    }

    @Test
    void namedColumnsAreCheckedAtRunTime() {
        correlate(NUMBERS, numbers()).param("columns", List.of("x", "yy"))
                .assertInvalid("columns", "no column 'yy' in the input; did you mean 'y'?");
        Schema s = Schema.of(Field.of("x", FieldType.INTEGER), Field.of("city", FieldType.CATEGORICAL));
        correlate(s, List.<Object[]>of(row(1L, "Oslo"))).param("columns", List.of("x", "city"))
                .assertInvalid("columns", "column 'city' is categorical");
    }

    @Test
    void aboveTheRowBudgetASeededSampleIsUsedAndSaid() throws Exception {
        Schema s = Schema.of(Field.of("a", FieldType.INTEGER), Field.of("b", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            rows.add(row(i, i * 2.0 + (i % 3)));
        }
        StepTestRunner r = new StepTestRunner(new CorrelateStepType(), dir.resolve("one")).param("rowBudget", 10)
                .input("in", s, rows, 16).run();
        List<Map<String, String>> t = table(r);
        Map<String, String> ab = line(t, "a", "b", "pearson");
        assertEquals("10", ab.get("n"));
        assertEquals("sample of 10 of 100 rows (seed 42)", ab.get("note"));
        assertTrue(Double.parseDouble(ab.get("value")) > 0.99);
        assertEquals(100, r.countedOut());
        r.assertRowsAccountedFor();

        StepTestRunner again = new StepTestRunner(new CorrelateStepType(), dir.resolve("two")).param("rowBudget", 10)
                .input("in", s, rows, 16).run();
        assertEquals(t, table(again), "the same seed gives the same sample");
    }

    @Test
    void heatmapsArePngChartsAndCanBeTurnedOff() throws Exception {
        Schema s = Schema.of(Field.of("x", FieldType.INTEGER), Field.of("y", FieldType.DECIMAL),
                Field.of("k", FieldType.DECIMAL));
        List<Object[]> rows = List.of(row(1L, 2.0, 7.0), row(2L, 4.0, 7.0), row(3L, 5.0, 7.0), row(4L, 4.0, 7.0));
        StepTestRunner r = correlate(s, rows).run();

        List<StepTestRunner.Artifact> charts = r.artifacts().stream().filter(a -> a.kind() == ArtifactKind.CHART)
                .toList();
        assertEquals(List.of("correlations-pearson.png", "correlations-spearman.png"),
                charts.stream().map(a -> a.file().getFileName().toString()).toList());
        for (StepTestRunner.Artifact a : charts) {
            byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(a.file()), 4);
            assertEquals("\u0089PNG", new String(head, java.nio.charset.StandardCharsets.ISO_8859_1),
                    "a constant column's undefined cells still render");
        }
        assertEquals("Pearson correlation", charts.get(0).title());

        StepTestRunner off = new StepTestRunner(new CorrelateStepType(), dir.resolve("off")).param("heatmap", false)
                .input("in", s, rows, 2).run();
        assertEquals(List.of(ArtifactKind.TABLE), off.artifacts().stream().map(StepTestRunner.Artifact::kind).toList());
    }

    @Test
    void designTimeSchemaHasNoOutputAndTheInputIsReadOnce() {
        CorrelateStepType type = new CorrelateStepType();
        assertEquals(Optional.of(Map.of()),
                type.outputSchemas(Parameters.of(type.descriptor(), Map.of()), Map.of("in", NUMBERS)));
        assertEquals(ReadMode.ONCE, type.descriptor().input(PortSpec.IN).orElseThrow().reads());
        assertTrue(type.descriptor().outputs().isEmpty());
    }

    @Test
    void deployTimeColumnRulesRefuseWrongTypesAndPii() {
        CorrelateStepType type = new CorrelateStepType();
        org.assay.api.step.ColumnRule numeric = type.descriptor().parameter("columns").orElseThrow().column();
        assertEquals(java.util.Set.of(FieldType.INTEGER, FieldType.DECIMAL), numeric.accepts());
        assertTrue(!numeric.allowPii() && "allowPii".equals(numeric.allowPiiParameter()));
        org.assay.api.step.ColumnRule categorical = type.descriptor().parameter("categorical").orElseThrow().column();
        assertTrue(categorical.accepts(FieldType.CATEGORICAL) && !categorical.accepts(FieldType.DECIMAL));
        assertTrue(!categorical.allowPii() && "allowPii".equals(categorical.allowPiiParameter()));
    }

    @Test
    void badParametersAreRefused() {
        new StepTestRunner(new CorrelateStepType(), dir).param("rowBudget", 5).assertInvalid("rowBudget", "at least 10");
        new StepTestRunner(new CorrelateStepType(), dir).param("maxCategories", 1)
                .assertInvalid("maxCategories", "at least 2");
        new StepTestRunner(new CorrelateStepType(), dir).param("method", "kendall")
                .assertInvalid("method", "has no parameter 'method'");
        new StepTestRunner(new CorrelateStepType(), dir).param("columns", "x")
                .assertInvalid("columns", "");
    }
}
