package org.assay.visualizers.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each new chart computes: the numbers in its CSV, its rules and its own parameter checks. */
class NewChartsTest {

    @TempDir
    Path dir;

    private static final Schema SALES = Schema.of(Field.of("day", FieldType.DATE), Field.of("amount", FieldType.DECIMAL),
            Field.of("lower", FieldType.DECIMAL), Field.of("upper", FieldType.DECIMAL),
            Field.of("shop", FieldType.STRING));

    private StepTestRunner runner(org.assay.api.step.StepType type, String sub) {
        return new StepTestRunner(type, dir.resolve(sub));
    }

    @Test
    void lineChartSumsPerMonthAndDrawsTheBand() throws Exception {
        StepTestRunner r = runner(new LineChartStepType(), "line").param("x", "day").param("y", List.of("amount"))
                .param("period", "month").param("lower", "lower").param("upper", "upper")
                .input("in", SALES, row(LocalDate.of(2024, 1, 5), 10.0, 8.0, 12.0, "A"),
                        row(LocalDate.of(2024, 1, 20), 20.0, 15.0, 25.0, "B"),
                        row(LocalDate.of(2024, 2, 1), 5.0, null, null, "A"),
                        row(null, 99.0, null, null, "A")).run();
        List<String> csv = ChartAssertions.assertChartFiles(r, "Sum of amount by day");
        assertEquals(List.of("line,day,sum of amount,lower,upper,rows", "amount,2024-01,30,23,37,2",
                "amount,2024-02,5,,,1"), csv);
    }

    @Test
    void lineChartMergesPointsBeyondMaxPointsAndSaysSo() throws Exception {
        Schema schema = Schema.of(Field.of("x", FieldType.INTEGER), Field.of("y", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 25; i++) {
            rows.add(row(i, 1.0));
        }
        StepTestRunner r = runner(new LineChartStepType(), "merge").param("x", "x").param("y", List.of("y"))
                .param("maxPoints", 10).input("in", schema, rows, 7).run();
        assertEquals("Sum of y by x (25 x values merged into 10 equal-count buckets)", r.artifacts().get(0).title());
        List<String> csv = ChartAssertions.assertChartFiles(r, null);
        assertEquals(11, csv.size());
        // Every row is still in some bucket.
        assertEquals(25, csv.subList(1, csv.size()).stream().mapToLong(l -> Long.parseLong(l.split(",")[3])).sum());
    }

    @Test
    void lineChartChecksItsParameters() {
        runner(new LineChartStepType(), "p").param("x", "day").param("y", List.of("amount")).param("lower", "lower")
                .assertInvalid("upper", "a band needs both 'lower' and 'upper'");
        runner(new LineChartStepType(), "p").param("x", "amount").param("y", List.of("amount")).param("period", "month")
                .input("in", SALES, new Object[0][]).assertInvalid("period", "a period groups dates, but 'amount' is decimal");
        runner(new LineChartStepType(), "p").param("x", "day").param("y", List.of("amount", "lower"))
                .param("series", "shop").assertInvalid("series", "a series column splits one 'y' column");
        runner(new LineChartStepType(), "p").param("x", "day").param("y", List.of())
                .assertInvalid("y", "name at least one numeric column");
        runner(new LineChartStepType(), "p").param("x", "day").param("y", List.of("shop"))
                .input("in", SALES, new Object[0][]).assertInvalid("y", "column 'shop' is string");
    }

    @Test
    void pieChartFoldsTheTailIntoOtherAndRefusesNegativeSums() throws Exception {
        Schema schema = Schema.of(Field.of("city", FieldType.STRING), Field.of("revenue", FieldType.DECIMAL));
        List<Object[]> rows = List.of(row("A", 50.0), row("B", 30.0), row("C", 10.0), row("D", 6.0), row("E", 4.0));
        StepTestRunner r = runner(new PieChartStepType(), "pie").param("category", "city").param("value", "revenue")
                .param("maxSlices", 3).input("in", schema, rows, 64).run();
        assertEquals(List.of("city,revenue,share,rows", "A,50,0.5,1", "B,30,0.3,1", "Other (3),20,0.2,3"),
                ChartAssertions.assertChartFiles(r, "Share of revenue by city"));
        StepFailure negative = assertThrows(StepFailure.class, () -> runner(new PieChartStepType(), "neg")
                .param("category", "city").param("value", "revenue")
                .input("in", schema, row("A", 5.0), row("B", -3.0)).run());
        assertTrue(negative.getMessage().contains("is negative"), negative.getMessage());
        runner(new PieChartStepType(), "p").param("category", "city").param("maxSlices", 1)
                .assertInvalid("maxSlices", "must be at least 2");
    }

    @Test
    void boxPlotHasTukeyWhiskersAndOutliers() throws Exception {
        Schema schema = Schema.of(Field.of("v", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            rows.add(row((double) i));
        }
        rows.add(row(100.0));
        rows.add(row((Object) null));
        StepTestRunner r = runner(new BoxPlotStepType(), "box").param("value", "v").input("in", schema, rows, 64).run();
        List<String> csv = ChartAssertions.assertChartFiles(r, "Distribution of v");
        assertEquals("box,rows,values,mean,min,lower_whisker,q1,median,q3,upper_whisker,max,outliers,sampled",
                csv.get(0));
        // 1..9 and 100: type-7 quartiles 3.25, 5.5, 7.75; IQR 4.5, upper fence 14.5: 100 is the outlier.
        assertEquals("v,11,10,14.5,1,1,3.25,5.5,7.75,9,100,1,false", csv.get(1));
        runner(new BoxPlotStepType(), "p").param("value", "v").param("category", "v")
                .assertInvalid("category", "it names the same column as 'value'");
    }

    @Test
    void boxStatsSampleIsBoundedAndExactExtremesStay() {
        BoxStats b = new BoxStats();
        for (int i = 0; i < 100_000; i++) {
            b.add(i);
        }
        assertTrue(b.sampled());
        assertEquals(0, b.min());
        assertEquals(99_999, b.max());
        assertEquals(49_999.5, b.mean(), 1e-9);
        assertEquals(50_000, b.quantile(0.5), 2_500);
    }

    @Test
    void histogramUsesFreedmanDiaconisAndFallsBackToSturges() throws Exception {
        Schema schema = Schema.of(Field.of("v", FieldType.DECIMAL), Field.of("n", FieldType.INTEGER));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(row(i / 10.0, 7L));
        }
        StepTestRunner r = runner(new HistogramStepType(), "fd").param("column", "v").input("in", schema, rows, 128)
                .run();
        List<String> csv = ChartAssertions.assertChartFiles(r,
                "Distribution of v (10 bins, each 9.99 wide, Freedman–Diaconis)");
        // IQR 49.95 over n = 1000: width 2 * 49.95 / 10 = 9.99, so ceil(99.9 / 9.99) = 10 bins.
        assertEquals(11, csv.size(), csv.toString());
        assertEquals(1000, csv.subList(1, csv.size()).stream().mapToLong(l -> Long.parseLong(l.split(",")[3])).sum());

        StepTestRunner constant = runner(new HistogramStepType(), "sturges").param("column", "n")
                .input("in", schema, rows, 64).run();
        assertTrue(constant.artifacts().get(0).title().endsWith("Sturges (IQR is 0))"),
                constant.artifacts().get(0).title());
        StepTestRunner fixed = runner(new HistogramStepType(), "fixed").param("column", "v").param("bins", 9)
                .input("in", schema, rows, 64).run();
        assertEquals("Distribution of v (9 bins, each 11.1 wide)", fixed.artifacts().get(0).title());
        runner(new HistogramStepType(), "p").param("column", "v").param("bins", 0)
                .assertInvalid("bins", "must be at least 1");
        runner(new HistogramStepType(), "p").param("column", "v").param("rule", "scott")
                .assertInvalid("rule", "use one of [freedman-diaconis, sturges, sqrt]");
    }

    @Test
    void rocChartComputesTheAreaAndThinsTheCurve() throws Exception {
        Schema schema = ChartGalleryTest.CURVES;
        StepTestRunner r = runner(new RocChartStepType(), "roc").param("positiveClass", "yes")
                .input("in", schema, ChartGalleryTest.curveRows(5000), 1000).run();
        List<String> csv = ChartAssertions.assertChartFiles(r, null);
        assertTrue(r.artifacts().get(0).title().matches("ROC curve for class = yes \\(AUC 0\\.8\\d\\d\\)"),
                r.artifacts().get(0).title());
        // 5001 points thinned on a 200 x 200 grid: a monotone path crosses at most 401 cells.
        assertTrue(csv.size() - 1 <= 401 && csv.size() - 1 > 100, "points drawn: " + (csv.size() - 1));

        StepTestRunner perfect = runner(new RocChartStepType(), "perfect").input("in", schema,
                row("yes", 1.0, 1.0, 1.0, 1.0), row("yes", 0.5, 0.0, 1.0, 0.3), row("yes", 0.0, 0.0, 0.0, 0.0)).run();
        assertEquals("ROC curve (AUC 1.000)", perfect.artifacts().get(0).title());
        StepFailure unknown = assertThrows(StepFailure.class, () -> runner(new RocChartStepType(), "unknown")
                .param("positiveClass", "maybe").input("in", schema, row("yes", 1.0, 1.0, 1.0, 1.0)).run());
        assertTrue(unknown.getMessage().contains("no row of 'class' is 'maybe'"), unknown.getMessage());
        runner(new LiftChartStepType(), "p").param("x", "sample_share").param("y", "sample_share")
                .assertInvalid("y", "it names the same column as 'x'");
    }

    @Test
    void confusionMatrixSumsCountsOrCountsRows() throws Exception {
        StepTestRunner r = runner(new ConfusionMatrixStepType(), "counts").param("count", "count")
                .param("normalize", "actual").input("in", ChartGalleryTest.CONFUSION, row("no", "no", 6.0),
                        row("no", "yes", 2.0), row("yes", "no", 1.0), row("yes", "yes", 3.0), row("no", "no", 2.0))
                .run();
        List<String> csv = ChartAssertions.assertChartFiles(r,
                "Confusion matrix (share of each actual class), accuracy 78.6%");
        assertEquals(List.of("actual,predicted,count,share_of_actual", "no,no,8,0.8", "no,yes,2,0.2",
                "yes,no,1,0.25", "yes,yes,3,0.75"), csv);

        Schema scored = Schema.of(Field.of("churned", FieldType.CATEGORICAL), Field.of("pred", FieldType.CATEGORICAL));
        StepTestRunner rows = runner(new ConfusionMatrixStepType(), "rows").param("actual", "churned")
                .param("predicted", "pred").input("in", scored, row("yes", "yes"), row("yes", "no"), row("no", "no"))
                .run();
        assertEquals("no,no,1,1", ChartAssertions.assertChartFiles(rows, null).get(1));
        runner(new ConfusionMatrixStepType(), "p").param("actual", "x").param("predicted", "x")
                .assertInvalid("predicted", "it names the same column as 'actual'");
    }

    @Test
    void heatmapAggregatesPerCell() throws Exception {
        Schema schema = Schema.of(Field.of("region", FieldType.STRING), Field.of("plan", FieldType.STRING),
                Field.of("spend", FieldType.DECIMAL));
        StepTestRunner r = runner(new HeatmapStepType(), "heat").param("x", "region").param("y", "plan")
                .param("value", "spend").input("in", schema, row("N", "basic", 10.0), row("N", "basic", 20.0),
                        row("S", "pro", 5.0), row("S", "basic", null)).run();
        assertEquals(List.of("region,plan,Mean of spend,rows", "N,basic,15,2", "S,pro,5,1"),
                ChartAssertions.assertChartFiles(r, "Mean of spend by region and plan"));
        runner(new HeatmapStepType(), "p").param("x", "region").param("y", "region")
                .assertInvalid("y", "it names the same column as 'x'");
        runner(new HeatmapStepType(), "p").param("x", "region").param("y", "plan").param("aggregate", "sum")
                .assertInvalid("aggregate", "sum needs parameter 'value'");
    }

    private static final Schema NUMBERS = Schema.of(Field.of("a", FieldType.DECIMAL), Field.of("b", FieldType.DECIMAL),
            Field.of("c", FieldType.INTEGER), Field.of("d", FieldType.DECIMAL), Field.of("mail", FieldType.STRING)
                    .withTags(org.assay.api.data.FieldTag.PII));

    @Test
    void heatmapDrawsACorrelationMatrix() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // b rises with a, c falls with a, d is constant; every tenth b is missing (pairwise deletion).
            rows.add(row((double) i, i % 10 == 9 ? null : 2.0 * i + 5, (long) -i, 7.0, "x" + i + "@example.org"));
        }
        StepTestRunner r = runner(new HeatmapStepType(), "correlation").param("columns", List.of("a", "b", "c", "d"))
                .input("in", NUMBERS, rows, 128).run();
        List<String> csv = ChartAssertions.assertChartFiles(r, "Correlation (Pearson's r) of 4 columns (4 undefined,"
                + " left empty)");
        assertEquals(List.of("column_a,column_b,pearson_r,n", "a,b,1,900", "a,c,-1,1000", "a,d,,1000", "b,c,-1,900",
                "b,d,,900", "c,d,,1000"), csv);
        assertEquals(1000, r.countedOut());
    }

    @Test
    void correlationHeatmapChecksItsParameters() {
        runner(new HeatmapStepType(), "c1").param("columns", List.of("a")).input("in", NUMBERS, new Object[0][])
                .assertInvalid("columns", "from 2 to 20");
        runner(new HeatmapStepType(), "c2").param("columns", List.of("a", "b")).param("x", "a")
                .input("in", NUMBERS, new Object[0][]).assertInvalid("x", "has no 'x'");
        runner(new HeatmapStepType(), "c3").param("columns", List.of("a", "mail")).input("in", NUMBERS,
                new Object[0][]).assertInvalid("columns", "mail");
        runner(new HeatmapStepType(), "c4").input("in", NUMBERS, new Object[0][])
                .assertInvalid("x", "needs 'x' and 'y'");
    }

    @Test
    void imputedValuesAreCountedInTheTitle() throws Exception {
        // As impute writes it with "indicators": ["amount"].
        Schema filled = Schema.of(Field.of("shop", FieldType.STRING), Field.of("day", FieldType.DATE),
                Field.of("amount", FieldType.DECIMAL), Field.of("amount_was_missing", FieldType.BOOLEAN));
        List<Object[]> rows = List.of(row("A", LocalDate.of(2024, 1, 1), 10.0, false),
                row("A", LocalDate.of(2024, 1, 2), 12.0, true), row("B", LocalDate.of(2024, 1, 3), 12.0, true),
                row("B", LocalDate.of(2024, 1, 4), 9.0, false), row("B", LocalDate.of(2024, 1, 5), 11.0, false));
        StepTestRunner bar = runner(new BarChartStepType(), "imputed-bar").param("category", "shop")
                .param("value", "amount").input("in", filled, rows, 2).run();
        assertTrue(bar.artifacts().get(0).title().endsWith(" (2 of 5 amount values imputed)"),
                bar.artifacts().get(0).title());
        StepTestRunner line = runner(new LineChartStepType(), "imputed-line").param("x", "day")
                .param("y", List.of("amount")).param("title", "Sales").input("in", filled, rows, 2).run();
        assertEquals("Sales (2 of 5 amount values imputed)", line.artifacts().get(0).title());
        // A chart of columns impute did not mark says nothing.
        StepTestRunner pie = runner(new PieChartStepType(), "imputed-pie").param("category", "shop")
                .input("in", filled, rows, 2).run();
        assertEquals("Share of rows by shop", pie.artifacts().get(0).title());
    }

    @Test
    void categoryColoursFollowTheDeclaredOrderWhateverTheChartShows() {
        Field segment = Field.of("segment", FieldType.CATEGORICAL).withCategories(List.of("c0", "c1", "c2", "c3"));
        CategoryColours all = CategoryColours.of(segment, List.of("c0", "c1", "c2", "c3"));
        CategoryColours some = CategoryColours.of(segment, List.of("c3", "c1"));
        assertEquals(all.colour("c3"), some.colour("c3"));
        assertEquals(ChartLook.PALETTE[3], some.colour("c3"));
        assertEquals(ChartLook.OTHER, some.colour("Other (2)"));
        assertEquals(ChartLook.OTHER, some.colour("(missing)"));
        // Undeclared values are numbered in their natural order.
        Field city = Field.of("city", FieldType.STRING);
        CategoryColours cities = CategoryColours.of(city, List.of("Oslo", "Bergen"));
        assertEquals(ChartLook.PALETTE[0], cities.colour("Bergen"));
        assertNotEquals(cities.colour("Bergen"), cities.colour("Oslo"));
    }
}
