package org.assay.miners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.report.ReportBlock;
import org.assay.api.report.ReportSection;
import org.assay.api.report.ReportSections;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segments section weka-cluster publishes for the run report, and its segment files. */
class SegmentReportTest {

    static final Schema SCHEMA = Schema.of(
            Field.of("customer_id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("city", FieldType.CATEGORICAL),
            Field.of("orders", FieldType.INTEGER),
            Field.of("total_spend", FieldType.DECIMAL),
            Field.of("last_purchase", FieldType.DATE));

    /** Segment sizes 60 / 30 / 10; the small one spends ten times as much, in Berlin, recently. */
    static List<Object[]> customers() {
        Random random = new Random(3);
        List<Object[]> rows = new ArrayList<>();
        int[] sizes = {60, 30, 10};
        double[] orders = {2, 10, 40};
        double[] spend = {100, 500, 5000};
        int[] daysAgo = {300, 90, 5};
        String[] city = {"Leeds", "Paris", "Berlin"};
        long id = 1;
        LocalDate latest = LocalDate.of(2025, 6, 30);
        for (int s = 0; s < sizes.length; s++) {
            for (int i = 0; i < sizes[s]; i++) {
                rows.add(row(id, "p" + id + "@example.com", i % 5 == 0 ? "York" : city[s],
                        Math.round(orders[s] * (1 + 0.05 * random.nextGaussian())),
                        spend[s] * (1 + 0.05 * random.nextGaussian()),
                        latest.minusDays(Math.max(0, daysAgo[s] + random.nextInt(3)))));
                id++;
            }
        }
        rows.set(0, row(1L, null, null, null, 100.0, latest.minusDays(300)));
        return rows;
    }

    @TempDir
    Path dir;

    private StepTestRunner runner() {
        return new StepTestRunner(new WekaClusterStepType(), dir).input("in", SCHEMA, customers(), 16)
                .param("options", "-N 3 -S 1 -init 1").param("columns", List.of("orders", "total_spend",
                        "last_purchase"))
                .param("clusterColumn", "segment");
    }

    private ReportSection section(StepRunnerResult r) throws Exception {
        Path file = r.runner.artifacts().stream().map(StepTestRunner.Artifact::file)
                .filter(ReportSections::isSection).findFirst().orElseThrow();
        return ReportSections.read(file);
    }

    private record StepRunnerResult(StepTestRunner runner) { }

    @Test
    void theSummaryNamesEachSegmentWithItsShareOfCustomersAndRevenue() throws Exception {
        StepTestRunner r = runner().run();
        ReportSection s = section(new StepRunnerResult(r));
        assertEquals("segments", s.id());
        assertEquals(4, s.summary().size(), s.summary().toString());
        String big = s.summary().stream().filter(l -> l.contains("10 customers")).findFirst().orElseThrow();
        // 10% of the customers bring about 10 × 5000 / (60 × 100 + 30 × 500 + 10 × 5000) = 70% of revenue.
        assertTrue(big.contains("(10.0%)") && big.matches(".*, 7\\d\\.\\d% of revenue.*"), big);
        assertTrue(big.contains("High total spend") || big.contains("High orders") || big.contains("Recent"), big);
        assertTrue(s.summary().get(3).startsWith("Separation of the 3 segments: silhouette 0."), s.summary().get(3));
        r.assertRowsAccountedFor();
    }

    @Test
    void tablesCompareEveryMeasureWithTheAverageAndShowComposition() throws Exception {
        ReportSection s = section(new StepRunnerResult(runner().run()));
        List<ReportBlock.Table> tables = s.blocks().stream().filter(b -> b instanceof ReportBlock.Table)
                .map(b -> (ReportBlock.Table) b).toList();
        List<String> captions = tables.stream().map(ReportBlock.Table::caption).toList();
        assertTrue(captions.get(0).startsWith("Size and value"), captions.toString());
        assertTrue(captions.stream().anyMatch(c -> c.startsWith("Averages")), captions.toString());
        assertTrue(captions.stream().anyMatch(c -> c.startsWith("Medians")), captions.toString());
        ReportBlock.Table city = tables.stream().filter(t -> t.caption().startsWith("Composition by city"))
                .findFirst().orElseThrow();
        assertEquals("York", city.rows().get(city.rows().size() - 1).get(0).equals("York") ? "York"
                : city.rows().stream().map(row -> row.get(0)).filter("York"::equals).findFirst().orElseThrow());
        ReportBlock.Table averages = tables.stream().filter(t -> t.caption().startsWith("Averages")).findFirst()
                .orElseThrow();
        List<String> measures = averages.rows().stream().map(row -> row.get(0)).toList();
        assertEquals(List.of("orders", "total spend", "days since last purchase"), measures);
        // Missing values are counted where they are drawn: one row lacks orders and city.
        ReportBlock.Table missing = tables.stream().filter(t -> t.caption().startsWith("Missing values"))
                .findFirst().orElseThrow();
        assertEquals(List.of("orders", "city"), missing.rows().stream().map(row -> row.get(0)).toList());
        String all = s.toString();
        assertFalse(all.contains("@example.com") || all.contains("email") || all.contains("customer_id"), all);
        assertTrue(s.blocks().stream().anyMatch(b -> b instanceof ReportBlock.Figures f
                && f.figures().get(0).note().equals("set in the workflow")), all);
        assertTrue(s.blocks().stream().anyMatch(b -> b instanceof ReportBlock.Paragraph p
                && p.text().startsWith("k = 3 was set in the workflow (SimpleKMeans -N 3), not chosen from the data.")),
                all);
    }

    @Test
    void imputeIndicatorsAreNoCustomerTrait() throws Exception {
        Schema flagged = SCHEMA.with(Field.of("orders_was_missing", FieldType.BOOLEAN));
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : customers()) {
            Object[] more = java.util.Arrays.copyOf(r, r.length + 1);
            more[r.length] = r[3] == null;
            rows.add(more);
        }
        StepTestRunner r = new StepTestRunner(new WekaClusterStepType(), dir).input("in", flagged, rows, 16)
                .param("options", "-N 3 -S 1 -init 1").param("columns", List.of("orders", "total_spend",
                        "last_purchase")).param("clusterColumn", "segment").run();
        String all = section(new StepRunnerResult(r)).toString();
        assertFalse(all.contains("was missing") || all.contains("was_missing"), all);
    }

    @Test
    void segmentFilesHoldEachSegmentsCustomersWithoutPii() throws Exception {
        StepTestRunner r = runner().run();
        long lines = 0;
        for (int c = 0; c < 3; c++) {
            List<String> file = Files.readAllLines(dir.resolve("artifacts/segment-C" + c + ".csv"));
            assertEquals("customer_id,city,orders,total_spend,last_purchase", file.get(0));
            lines += file.size() - 1;
            assertTrue(file.stream().noneMatch(l -> l.contains("@")), file.toString());
        }
        assertEquals(100, lines);
    }

    @Test
    void piiInSegmentFilesOnlyWhenAllowed() throws Exception {
        runner().param("segmentFilesPii", "mask").run();
        assertTrue(Files.readAllLines(dir.resolve("artifacts/segment-C0.csv")).get(1).contains(",***,"));
        StepFailure refused = assertThrows(StepFailure.class, () -> runner().param("segmentFilesPii", "refuse").run());
        assertTrue(refused.getMessage().contains("[email]"), refused.getMessage());
    }

    @Test
    void aNamedRevenueColumnMustBeANumber() {
        StepFailure e = assertThrows(StepFailure.class, () -> runner().param("revenueColumn", "city").run());
        assertEquals("revenueColumn: 'city' is a categorical column; name an integer or decimal column, e.g."
                + " orders", e.getMessage());
    }

    @Test
    void withoutARevenueColumnTheReportSaysHowToGetOne() throws Exception {
        Schema plain = Schema.of(Field.of("a", FieldType.DECIMAL), Field.of("b", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(row((double) (i % 2 * 100 + i % 7), (double) (i % 2 * 50)));
        }
        StepTestRunner r = new StepTestRunner(new WekaClusterStepType(), dir).input("in", plain, rows, 8)
                .param("options", "-N 2 -S 1").run();
        ReportSection s = section(new StepRunnerResult(r));
        assertTrue(s.summary().get(0).matches("C[01] — (High|Low) [ab].*: 20 customers \\(50.0%\\); on average .*"),
                s.summary().get(0));
        assertTrue(s.toString().contains("set 'revenueColumn'"), s.toString());
    }

    @Test
    void numbersReadAsAReaderTakesThemIn() {
        assertEquals("7,012", SegmentSummary.fmt(7012.4));
        assertEquals("49.5", SegmentSummary.fmt(49.49));
        assertEquals("0.5", SegmentSummary.fmt(0.5));
        assertEquals("10", SegmentSummary.fmt(10.0));
        assertEquals("total spend", SegmentSummary.words("totalSpend"));
    }

    @Test
    void kIsExplainedFromTheOptions() {
        assertTrue(SegmentReport.why(4, "weka.clusterers.SimpleKMeans", "-N 4 -S 42").contains("set in the workflow"));
        assertTrue(SegmentReport.why(3, "weka.clusterers.EM", "-N -1").contains("chosen by EM from the data"));
        assertTrue(SegmentReport.why(2, "weka.clusterers.EM", "").contains("default"));
    }
}
