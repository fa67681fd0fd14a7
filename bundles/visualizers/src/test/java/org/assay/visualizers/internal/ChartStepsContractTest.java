package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every new chart step must do alike: draw empty input, skip nulls, draw one category,
 * cap many categories (or refuse them by parameter name), refuse pii at deploy unless allowed,
 * reject bad common parameters, declare no dataset output, and write PNG, well-formed SVG and
 * CSV side by side.
 */
class ChartStepsContractTest {

    static final Schema SCHEMA = Schema.of(
            Field.of("segment", FieldType.CATEGORICAL).withCategories(List.of("a", "b", "c")),
            Field.of("region", FieldType.STRING),
            Field.of("spend", FieldType.DECIMAL),
            Field.of("day", FieldType.DATE),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("class", FieldType.CATEGORICAL),
            Field.of("false_positive_rate", FieldType.DECIMAL),
            Field.of("true_positive_rate", FieldType.DECIMAL),
            Field.of("sample_share", FieldType.DECIMAL),
            Field.of("actual", FieldType.CATEGORICAL),
            Field.of("predicted", FieldType.CATEGORICAL),
            Field.of("count", FieldType.DECIMAL));

    /** One chart type: the parameters of a plain run and the column parameter to try pii with. */
    record Case(String name, StepType type, Map<String, Object> params, String piiParameter) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("line", new LineChartStepType(), Map.of("x", "day", "y", List.of("spend"), "series", "region",
                        "period", "month"), "series"),
                new Case("pie", new PieChartStepType(), Map.of("category", "region"), "category"),
                new Case("box", new BoxPlotStepType(), Map.of("value", "spend", "category", "region"), "category"),
                new Case("histogram", new HistogramStepType(), Map.of("column", "spend", "series", "region"), "series"),
                new Case("heatmap", new HeatmapStepType(), Map.of("x", "region", "y", "segment"), "x"),
                new Case("roc", new RocChartStepType(), Map.of("classColumn", "class"), "classColumn"),
                new Case("lift", new LiftChartStepType(), Map.of(), "classColumn"),
                new Case("confusion", new ConfusionMatrixStepType(), Map.of("count", "count"), "actual"));
    }

    /** {@code n} rows over {@code k} regions and classes; every fifth row has nulls. */
    static List<Object[]> rows(int n, int k) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean nulls = i % 5 == 4;
            double t = (i % 100) / 100.0;
            rows.add(new Object[] {List.of("a", "b", "c").get(i % 3), nulls ? null : "r" + (i % k),
                nulls ? null : 10.0 + (i * 37 % 1000), nulls ? null : LocalDate.of(2024, 1, 1).plusDays(i % 400),
                "p" + i + "@example.org", nulls ? null : "k" + (i % k), nulls ? null : t,
                nulls ? null : Math.min(1, Math.sqrt(t)), t, "k" + (i % k), "k" + ((i + i / 3) % k),
                nulls ? null : (double) (i % 7)});
        }
        return rows;
    }

    @TempDir
    Path dir;

    private StepTestRunner runner(Case c, String sub) {
        StepTestRunner r = new StepTestRunner(c.type(), dir.resolve(c.name()).resolve(sub));
        c.params().forEach(r::param);
        return r;
    }

    @Test
    void emptyInputDrawsAnEmptyChart() throws Exception {
        for (Case c : cases()) {
            StepTestRunner r = runner(c, "empty").input("in", SCHEMA, new Object[0][]).run();
            List<String> csv = ChartAssertions.assertChartFiles(r, null);
            assertEquals(1, csv.size(), c.name() + ": only the header: " + csv);
            assertEquals(0, r.countedOut(), c.name());
        }
    }

    @Test
    void nullsAreSkippedAndEveryRowIsCounted() throws Exception {
        for (Case c : cases()) {
            StepTestRunner r = runner(c, "nulls").input("in", SCHEMA, rows(200, 2), 64).run();
            List<String> csv = ChartAssertions.assertChartFiles(r, null);
            assertTrue(csv.size() > 1, c.name() + ": " + csv);
            assertEquals(200, r.countedOut(), c.name());
        }
    }

    @Test
    void oneCategoryDraws() throws Exception {
        for (Case c : cases()) {
            StepTestRunner r = runner(c, "one").input("in", SCHEMA, rows(50, 1), 64).run();
            assertTrue(ChartAssertions.assertChartFiles(r, null).size() > 1, c.name());
        }
    }

    @Test
    void manyCategoriesAreCappedOrRefusedByParameter() throws Exception {
        for (Case c : cases()) {
            StepTestRunner r = runner(c, "many").input("in", SCHEMA, rows(3000, 60), 500);
            try {
                r.run();
                ChartAssertions.assertChartFiles(r, null);
            } catch (StepFailure e) {
                assertTrue(e.getMessage().startsWith("parameter '"), c.name() + ": " + e.getMessage());
            }
        }
    }

    @Test
    void piiColumnsAreRefusedAtDeployUnlessAllowed() throws Exception {
        for (Case c : cases()) {
            runner(c, "pii").param(c.piiParameter(), "email").input("in", SCHEMA, rows(10, 2), 64)
                    .assertInvalid(c.piiParameter(), "column 'email' is tagged pii");
            Map<String, Object> params = new LinkedHashMap<>(c.params());
            params.put(c.piiParameter(), "email");
            params.put("allowPii", true);
            StepTestRunner allowed = new StepTestRunner(c.type(), dir.resolve(c.name()).resolve("allowed"));
            params.forEach(allowed::param);
            allowed.input("in", SCHEMA, new Object[0][]);
            // Allowed: the deploy check passes (a run may still refuse an e-mail as, say, a number).
            List<String> problems = new ArrayList<>();
            try {
                allowed.assertInvalid(c.piiParameter(), "tagged pii");
                problems.add("still refused");
            } catch (AssertionError expected) {
                // no pii problem left
            }
            assertTrue(problems.isEmpty(), c.name() + ": allowPii did not allow the column");
        }
    }

    @Test
    void badCommonParametersAreRefused() {
        for (Case c : cases()) {
            runner(c, "bad").param("width", 10).assertInvalid("width", "must be at least 200");
            runner(c, "bad").param("file", "chart.jpg").assertInvalid("file", "must be a base name");
            runner(c, "bad").param("file", "../chart").assertInvalid("file", "must be a plain file name");
            runner(c, "bad").param("titel", "x").assertInvalid("titel", "did you mean 'title'?");
        }
    }

    @Test
    void everyChartIsAVisualizerWithOneInputAndNoDatasetOutput() {
        for (Case c : cases()) {
            assertEquals(StepCategory.VISUALIZER, c.type().descriptor().category(), c.name());
            assertEquals(List.of("in"), c.type().descriptor().inputs().stream().map(p -> p.name()).toList());
            assertTrue(c.type().descriptor().outputs().isEmpty(), c.name());
            Map<String, Object> params = new LinkedHashMap<>(c.params());
            assertEquals(Optional.of(Map.of()), c.type().outputSchemas(Parameters.of(c.type().descriptor(), params),
                    Map.of("in", SCHEMA)), c.name());
        }
    }
}
