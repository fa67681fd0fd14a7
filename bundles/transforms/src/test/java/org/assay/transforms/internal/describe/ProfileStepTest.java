package org.assay.transforms.internal.describe;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStepTest {

    @TempDir
    Path dir;

    private static final Schema CUSTOMERS = Schema.of(
            Field.of("customer_id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("city", FieldType.CATEGORICAL),
            Field.of("age", FieldType.INTEGER),
            Field.of("income", FieldType.DECIMAL),
            Field.of("joined", FieldType.DATE),
            Field.of("birth_year", FieldType.INTEGER).withTags(FieldTag.PII));

    private static List<Object[]> customers() {
        return List.of(
                row(1L, "ann@example.com", "Oslo", 30L, 100.0, LocalDate.of(2024, 1, 1), 1994L),
                row(2L, null, "Rome", null, 300.0, null, 1981L),
                row(3L, "cid@example.com", "Rome", 41L, null, LocalDate.of(2024, 3, 1), 1983L),
                row(3L, "dan@example.com", "Rome", 50L, 250.5, LocalDate.of(2024, 3, 1), 1974L),
                row(5L, "eve@example.com", "Oslo", 20L, null, LocalDate.of(2024, 2, 1), 2004L));
    }

    private StepTestRunner profile(List<Object[]> rows, int batchSize) {
        return new StepTestRunner(new ProfileStepType(), dir).input("in", CUSTOMERS, rows, batchSize);
    }

    private static List<Map<String, String>> table(StepTestRunner r, String file) throws Exception {
        StepTestRunner.Artifact a = r.artifacts().stream().filter(x -> x.file().getFileName().toString().equals(file))
                .findFirst().orElseThrow();
        assertEquals(ArtifactKind.TABLE, a.kind());
        return CsvRows.read(a.file());
    }

    private static Map<String, String> column(StepTestRunner r, String name) throws Exception {
        return CsvRows.byKey(table(r, ProfileStep.PROFILE_FILE), "column", name);
    }

    @Test
    void numericStatisticsAreExactOnSmallData() throws Exception {
        StepTestRunner r = profile(customers(), 2).run();

        Map<String, String> age = column(r, "age");
        assertEquals("5", age.get("count"));
        assertEquals("1", age.get("missing"));
        assertEquals("0.8", age.get("completeness"));
        assertEquals("4", age.get("distinct"));
        assertEquals("exact", age.get("distinct_method"));
        assertEquals("20", age.get("min"));
        assertEquals("50", age.get("max"));
        assertEquals("35.25", age.get("mean"));
        // Sample standard deviation by hand: squared deviations 27.5625 + 33.0625 + 217.5625 + 232.5625 = 510.75, / 3.
        assertEquals(Math.sqrt(510.75 / 3), Double.parseDouble(age.get("std")), 1e-8);
        // Type 7 on 20, 30, 41, 50: positions 0.75, 1.5, 2.25.
        assertEquals("27.5", age.get("q1"));
        assertEquals("35.5", age.get("median"));
        assertEquals("43.25", age.get("q3"));
        assertEquals("exact", age.get("quartile_method"));

        Map<String, String> income = column(r, "income");
        assertEquals("2", income.get("missing"));
        assertEquals("100", income.get("min"));
        assertEquals("300", income.get("max"));
        assertEquals("216.8333333", income.get("mean"));

        Map<String, String> joined = column(r, "joined");
        assertEquals("2024-01-01", joined.get("min"));
        assertEquals("2024-03-01", joined.get("max"));
        assertEquals("", joined.get("mean"), "dates get no mean");
        assertEquals("2024-03-01=2; 2024-01-01=1; 2024-02-01=1", joined.get("top_values"));
    }

    @Test
    void rowsPassThroughUnchangedWithTheInputSchema() throws Exception {
        StepTestRunner r = profile(customers(), 2).run();

        assertEquals(CUSTOMERS, r.outputSchema("out"));
        List<Object[]> out = r.output();
        assertEquals(5, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(java.util.Arrays.asList(customers().get(i)), java.util.Arrays.asList(out.get(i)));
        }
        r.assertRowsAccountedFor();
        assertTrue(r.quarantined().isEmpty());
    }

    @Test
    void topValuesAreMostFrequentFirstTiesInValueOrder() throws Exception {
        StepTestRunner r = profile(customers(), 3).run();

        assertEquals("Rome=3; Oslo=2", column(r, "city").get("top_values"));
        assertEquals("Oslo", column(r, "city").get("min"));
        assertEquals("3=2; 1=1; 2=1; 5=1", column(r, "customer_id").get("top_values"));

        StepTestRunner two = new StepTestRunner(new ProfileStepType(), dir.resolve("two")).param("topValues", 1)
                .input("in", CUSTOMERS, customers(), 10).run();
        assertEquals("Rome=3", column(two, "city").get("top_values"));
    }

    @Test
    void piiColumnsGetCountsOnlyAndNoValueReachesTheArtifacts() throws Exception {
        StepTestRunner r = profile(customers(), 2).run();

        Map<String, String> email = column(r, "email");
        assertEquals("5", email.get("count"));
        assertEquals("1", email.get("missing"));
        assertEquals("4", email.get("distinct"));
        for (String stat : List.of("min", "max", "top_values", "histogram", "mean", "q1", "median", "q3")) {
            assertEquals("", email.get(stat), stat);
        }
        assertTrue(email.get("note").contains("pii"));
        Map<String, String> year = column(r, "birth_year");
        for (String stat : List.of("min", "max", "top_values", "histogram", "mean", "std", "q1", "median", "q3")) {
            assertEquals("", year.get(stat), "a numeric pii column publishes no value either: " + stat);
        }

        assertEquals(List.of("customer_id", "city", "age", "income", "joined"), tileColumns(r),
                "no chart of a pii column");
        for (StepTestRunner.Artifact a : r.artifacts()) {
            if (a.kind() == ArtifactKind.CHART) {
                continue;
            }
            String text = Files.readString(a.file(), StandardCharsets.UTF_8);
            for (Object[] row : customers()) {
                if (row[1] != null) {
                    assertFalse(text.contains((String) row[1]), a.file() + " leaks " + row[1]);
                    assertFalse(text.contains("example.com"), a.file() + " leaks a mail domain");
                }
                assertFalse(text.contains(row[6].toString()), a.file() + " leaks birth year " + row[6]);
            }
        }
    }

    @Test
    void allowPiiPublishesPiiStatistics() throws Exception {
        StepTestRunner r = profile(customers(), 2).param("allowPii", true).run();

        Map<String, String> email = column(r, "email");
        assertEquals("ann@example.com", email.get("min"));
        assertTrue(email.get("top_values").contains("eve@example.com=1"));
        assertEquals("1974", column(r, "birth_year").get("min"));
        assertEquals("", email.get("note"));
    }

    @Test
    void idColumnsReportUniquenessAndDuplicates() throws Exception {
        StepTestRunner r = profile(customers(), 2).run();

        Map<String, String> id = column(r, "customer_id");
        assertEquals("0.8", id.get("uniqueness"));
        assertEquals("1", id.get("duplicates"));
        assertEquals("", column(r, "city").get("uniqueness"), "only id columns are judged on uniqueness");

        List<Map<String, String>> quality = table(r, ProfileStep.QUALITY_FILE);
        Map<String, String> unique = CsvRows.byKey(quality, "metric", "unique:customer_id");
        assertEquals("false", unique.get("value"));
        assertTrue(unique.get("note").startsWith("1 duplicate and 0 missing ids, exact"), unique.get("note"));
        assertEquals("5", CsvRows.byKey(quality, "metric", "rows").get("value"));
        assertEquals("2", CsvRows.byKey(quality, "metric", "complete_rows").get("value"));
        // 35 cells, 5 missing: email, age, income twice, joined.
        assertEquals(Double.toString(1 - 5.0 / 35).substring(0, 8),
                CsvRows.byKey(quality, "metric", "completeness").get("value").substring(0, 8));
    }

    @Test
    void validityCountsValuesThatBreakTheDeclaredType() throws Exception {
        Schema typed = Schema.of(
                Field.of("code", FieldType.INTEGER).withNullable(false),
                Field.of("tier", FieldType.CATEGORICAL).withCategories(List.of("gold", "silver")),
                Field.of("ratio", FieldType.DECIMAL));
        StepTestRunner r = new StepTestRunner(new ProfileStepType(), dir)
                .input("in", typed, row(1L, "gold", 0.5), row(null, "bronze", Double.NaN), row(3L, null, 1.5),
                        row(4L, "silver", Double.POSITIVE_INFINITY)).run();

        assertEquals("1", column(r, "code").get("invalid"), "a null where the schema says not nullable");
        assertEquals("0.75", column(r, "code").get("validity"));
        assertEquals("1", column(r, "tier").get("invalid"), "bronze is not a declared category");
        assertEquals("1", column(r, "tier").get("missing"), "a missing category is missing, not invalid");
        Map<String, String> ratio = column(r, "ratio");
        assertEquals("2", ratio.get("invalid"), "NaN and infinity");
        assertEquals("1", ratio.get("mean"), "statistics leave NaN and infinity out");
        assertEquals("1.5", ratio.get("max"));
        assertEquals("4", CsvRows.byKey(table(r, ProfileStep.QUALITY_FILE), "metric", "invalid_values").get("value"));
        r.assertRowsAccountedFor();
    }

    @Test
    void aReportSectionOfSmallChartsOnePerColumn() throws Exception {
        StepTestRunner r = profile(customers(), 2).run();

        List<StepTestRunner.Artifact> charts = r.artifacts().stream().filter(a -> a.kind() == ArtifactKind.CHART)
                .toList();
        assertEquals(1, charts.size());
        assertEquals("Column charts", charts.get(0).title());
        assertEquals("profile-charts-1.png", charts.get(0).file().getFileName().toString());
        java.awt.image.BufferedImage sheet = javax.imageio.ImageIO.read(charts.get(0).file().toFile());
        assertEquals(3 * 360, sheet.getWidth(), "three tiles a row");
        assertEquals(2 * 220, sheet.getHeight(), "five tiles in two rows");
        assertFalse(Files.exists(charts.get(0).file().resolveSibling("profile-charts-1.png.part")));

        List<ProfileCharts.Tile> tiles = ProfileCharts.tiles(profiles(r));
        ProfileCharts.Tile age = tiles.stream().filter(t -> t.column().equals("age")).findFirst().orElseThrow();
        assertTrue(age.histogram());
        assertEquals(4, age.bars().stream().mapToLong(ColumnProfile.Bar::count).sum(), "every age value in a bin");
        ProfileCharts.Tile city = tiles.stream().filter(t -> t.column().equals("city")).findFirst().orElseThrow();
        assertFalse(city.histogram());
        assertEquals(List.of(new ColumnProfile.Bar("Rome", 3), new ColumnProfile.Bar("Oslo", 2)), city.bars());

        StepTestRunner off = profile(customers(), 2).param("charts", false).run();
        assertTrue(off.artifacts().stream().noneMatch(a -> a.kind() == ArtifactKind.CHART));
        StepTestRunner empty = profile(List.of(), 2).run();
        assertTrue(empty.artifacts().stream().noneMatch(a -> a.kind() == ArtifactKind.CHART), "nothing to draw");
    }

    @Test
    void wideTablesGetABoundedNumberOfSheets() throws Exception {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < 70; c++) {
            fields.add(Field.of("c" + c, FieldType.INTEGER));
        }
        Object[] values = new Object[70];
        java.util.Arrays.fill(values, 1L);
        StepTestRunner r = new StepTestRunner(new ProfileStepType(), dir)
                .input("in", Schema.of(fields), List.<Object[]>of(values, values.clone()), 10).run();
        List<String> titles = r.artifacts().stream().filter(a -> a.kind() == ArtifactKind.CHART)
                .map(StepTestRunner.Artifact::title).toList();
        assertEquals(ProfileCharts.MAX_SHEETS, titles.size());
        assertEquals("Column charts (1 of 5)", titles.get(0));
        assertEquals(70, table(r, ProfileStep.PROFILE_FILE).size(), "the table has every column");
    }

    /** The profiles the step would chart, rebuilt from the rows it was fed. */
    private static List<ColumnProfile> profiles(StepTestRunner r) {
        ProfileParameters p = new ProfileParameters(List.of(), false, 10, 20_000, 100_000, 42,
                BinRule.FREEDMAN_DIACONIS, 50, true);
        List<ColumnProfile> out = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            ColumnProfile c = new ColumnProfile(CUSTOMERS.field(i), i, p);
            for (org.assay.api.data.Batch b : r.outputBatches("out")) {
                c.add(b.column(i), b.rowCount());
            }
            out.add(c);
        }
        return out;
    }

    /** The columns that get a tile, as the step chooses them. */
    private static List<String> tileColumns(StepTestRunner r) {
        return ProfileCharts.tiles(profiles(r)).stream().map(ProfileCharts.Tile::column).toList();
    }

    @Test
    void emptyInputGivesAProfileOfZeros() throws Exception {
        StepTestRunner r = profile(List.of(), 10).run();

        assertEquals(CUSTOMERS, r.outputSchema("out"));
        assertTrue(r.output().isEmpty());
        List<Map<String, String>> rows = table(r, ProfileStep.PROFILE_FILE);
        assertEquals(CUSTOMERS.size(), rows.size());
        Map<String, String> age = CsvRows.byKey(rows, "column", "age");
        assertEquals("0", age.get("count"));
        assertEquals("", age.get("completeness"));
        assertEquals("", age.get("mean"));
        assertEquals("", age.get("histogram"));
        assertEquals("0", CsvRows.byKey(table(r, ProfileStep.QUALITY_FILE), "metric", "rows").get("value"));
        r.assertRowsAccountedFor();
    }

    @Test
    void allMissingAndConstantColumns() throws Exception {
        Schema s = Schema.of(Field.of("x", FieldType.DECIMAL), Field.of("k", FieldType.INTEGER));
        StepTestRunner r = new StepTestRunner(new ProfileStepType(), dir)
                .input("in", s, row(null, 7L), row(null, 7L), row(null, 7L)).run();

        assertEquals("3", column(r, "x").get("missing"));
        assertEquals("0", column(r, "x").get("distinct"));
        assertEquals("", column(r, "x").get("min"));
        Map<String, String> k = column(r, "k");
        assertEquals("0", k.get("std"));
        assertEquals("7..7:3", k.get("histogram"), "a constant column has one bin");
    }

    @Test
    void histogramBinsFollowTheStatedRule() throws Exception {
        Schema s = Schema.of(Field.of("v", FieldType.INTEGER), Field.of("d", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= 10; i++) {
            rows.add(row(i, (double) i));
        }
        // Freedman-Diaconis: IQR 7.75 - 3.25 = 4.5, width 2 * 4.5 / cbrt(10) = 4.18, ceil(9 / 4.18) = 3 bins.
        StepTestRunner fd = new StepTestRunner(new ProfileStepType(), dir.resolve("fd")).input("in", s, rows, 4).run();
        assertEquals("1..4:3; 4..7:3; 7..10:4", column(fd, "d").get("histogram"));
        // Integers get whole widths, inclusive bounds: ceil(10 values / 3) = 4 per bin.
        assertEquals("1..4:4; 5..8:4; 9..10:2", column(fd, "v").get("histogram"));
        // Sturges: ceil(log2 10) + 1 = 5 bins of width 1.8 (integers: 2).
        StepTestRunner st = new StepTestRunner(new ProfileStepType(), dir.resolve("st")).param("bins", "sturges")
                .input("in", s, rows, 4).run();
        assertEquals("1..2.8:2; 2.8..4.6:2; 4.6..6.4:2; 6.4..8.2:2; 8.2..10:2", column(st, "d").get("histogram"));
        assertEquals("1..2:2; 3..4:2; 5..6:2; 7..8:2; 9..10:2", column(st, "v").get("histogram"));
    }

    @Test
    void aboveTheBudgetsDistinctIsEstimatedAndQuartilesSampledSeeded() throws Exception {
        Schema s = Schema.of(Field.of("v", FieldType.INTEGER), Field.of("name", FieldType.STRING));
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 5000; i++) {
            rows.add(row(i, "n" + (i % 3000)));
        }
        StepTestRunner r = new StepTestRunner(new ProfileStepType(), dir.resolve("a")).param("distinctBudget", 100)
                .param("sampleSize", 500).input("in", s, rows, 700).run();
        Map<String, String> v = column(r, "v");
        assertEquals("hyperloglog", v.get("distinct_method"));
        long estimate = Long.parseLong(v.get("distinct"));
        assertTrue(Math.abs(estimate - 5000) < 5000 * 0.05, "HyperLogLog estimate " + estimate + " of 5000");
        long names = Long.parseLong(column(r, "name").get("distinct"));
        assertTrue(Math.abs(names - 3000) < 3000 * 0.05, "HyperLogLog estimate " + names + " of 3000");
        assertEquals("sample of 500 (seed 42)", v.get("quartile_method"));
        double median = Double.parseDouble(v.get("median"));
        assertTrue(Math.abs(median - 2499.5) < 300, "sampled median " + median);
        assertEquals("0", v.get("min"), "min and max are exact whatever the sample");
        assertEquals("4999", v.get("max"));
        assertEquals("2499.5", v.get("mean"), "the mean is exact whatever the sample");
        assertTrue(v.get("note").contains("first 100 distinct"));

        StepTestRunner again = new StepTestRunner(new ProfileStepType(), dir.resolve("b")).param("distinctBudget", 100)
                .param("sampleSize", 500).input("in", s, rows, 700).run();
        assertEquals(v, column(again, "v"), "the same seed gives the same profile");
        r.assertRowsAccountedFor();
    }

    @Test
    void columnsParameterChoosesAndOrdersTheProfile() throws Exception {
        StepTestRunner r = profile(customers(), 2).param("columns", List.of("income", "city")).run();
        List<Map<String, String>> rows = table(r, ProfileStep.PROFILE_FILE);
        assertEquals(List.of("income", "city"), rows.stream().map(m -> m.get("column")).toList());
        assertEquals(5, r.output().size());
    }

    @Test
    void aColumnMissingAtRunTimeFailsWithASuggestion() {
        // Refused before the run, as the engine refuses it at deploy.
        profile(customers(), 2).param("columns", List.of("agee")).assertInvalid("columns", "no column 'agee'");
    }

    @Test
    void designTimeSchemaIsTheInputSchema() {
        ProfileStepType type = new ProfileStepType();
        assertEquals(Optional.of(Map.of("out", CUSTOMERS)),
                type.outputSchemas(Parameters.of(type.descriptor(), Map.of()), Map.of("in", CUSTOMERS)));
        assertEquals(Optional.empty(), type.outputSchemas(Parameters.of(type.descriptor(), Map.of()), Map.of()));
    }

    @Test
    void badParametersAreRefused() {
        new StepTestRunner(new ProfileStepType(), dir).param("topValues", 101).assertInvalid("topValues", "at most 100");
        new StepTestRunner(new ProfileStepType(), dir).param("distinctBudget", 0).assertInvalid("distinctBudget", "at least 1");
        new StepTestRunner(new ProfileStepType(), dir).param("bins", "square-root")
                .assertInvalid("bins", "use one of [freedman-diaconis, sturges]");
        new StepTestRunner(new ProfileStepType(), dir).param("allowPI", true)
                .assertInvalid("allowPI", "did you mean 'allowPii'?");
    }
}
