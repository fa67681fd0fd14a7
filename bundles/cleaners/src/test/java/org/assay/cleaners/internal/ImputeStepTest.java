package org.assay.cleaners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Batch;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImputeStepTest {

    @TempDir
    Path dir;

    private static final Schema CUSTOMERS = Schema.of(
            Field.of("customer_id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("city", FieldType.CATEGORICAL),
            Field.of("age", FieldType.INTEGER),
            Field.of("income", FieldType.DECIMAL),
            Field.of("last_purchase", FieldType.DATE));

    private static List<Object[]> customers() {
        return List.of(
                row(1L, "a@example.com", "Oslo", 30L, 100.0, LocalDate.of(2024, 1, 1)),
                row(2L, null, "Rome", null, 300.0, null),
                row(null, "c@example.com", null, 41L, null, LocalDate.of(2024, 3, 1)),
                row(4L, "d@example.com", "Rome", 50L, 250.5, LocalDate.of(2024, 3, 1)),
                row(5L, "e@example.com", "Oslo", 20L, null, LocalDate.of(2024, 2, 1)));
    }

    private StepTestRunner impute(List<Object[]> rows, int batchSize) {
        return new StepTestRunner(new ImputeStepType(), dir).input("in", CUSTOMERS, rows, batchSize);
    }

    private static List<Object> column(StepTestRunner r, int col) {
        return r.output().stream().map(row -> row[col]).toList();
    }

    @Test
    void medianByDefaultFillsNumbersAndGivesTextTheMode() throws Exception {
        StepTestRunner r = impute(customers(), 2).run();

        assertEquals(Arrays.asList(30L, 36L, 41L, 50L, 20L), column(r, 3), "median of 20,30,41,50 is 35.5, rounded");
        assertEquals(Arrays.asList(100.0, 300.0, 250.5, 250.5, 250.5), column(r, 4));
        assertEquals(Arrays.asList(1L, 2L, null, 4L, 5L), column(r, 0), "ids are never made up");
        assertEquals(null, r.output().get(1)[1], "pii is left alone");
        assertEquals("Oslo", r.output().get(2)[2], "median does not fit a categorical column: the mode does");
        assertEquals(null, r.output().get(1)[5], "median does not fit a date column");
        assertEquals(CUSTOMERS, r.outputSchema("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void indicatorsMarkTheValuesThatWereMissing() throws Exception {
        StepTestRunner r = impute(customers(), 2).param("indicators", List.of("age", "income")).run();
        assertEquals(Arrays.asList(false, true, false, false, false), column(r, 6));
        assertEquals(Arrays.asList(false, false, true, false, true), column(r, 7));
        assertEquals(Arrays.asList(30L, 36L, 41L, 50L, 20L), column(r, 3), "still filled");
        Schema out = r.outputSchema("out");
        assertEquals(List.of("age_was_missing", "income_was_missing"), out.names().subList(6, 8));
        assertEquals(out, new ImputeStepType().outputSchemas(Parameters.of(new ImputeStepType().descriptor(),
                Map.of("indicators", List.of("age", "income"))), Map.of("in", CUSTOMERS)).orElseThrow().get("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void anIndicatorThatClashesOrNamesNoColumnIsRefused() {
        impute(customers(), 2).param("indicators", List.of("agee")).assertInvalid("indicators", "did you mean 'age'");
        Schema s = Schema.of(Field.of("age", FieldType.INTEGER), Field.of("age_was_missing", FieldType.BOOLEAN));
        new StepTestRunner(new ImputeStepType(), dir).input("in", s, List.of(), 1).param("indicators", List.of("age"))
                .assertInvalid("indicators", "already has a column 'age_was_missing'");
    }

    @Test
    void summaryTableListsEveryColumnWithMissingValuesAndWhatWasDone() throws Exception {
        StepTestRunner r = impute(customers(), 2).run();

        StepTestRunner.Artifact a = r.artifacts().get(0);
        assertEquals(ArtifactKind.TABLE, a.kind());
        assertEquals("Imputation summary", a.title());
        assertEquals("""
                column,missing,strategy,filled,value,note
                customer_id,1,leave,0,,"left missing: tagged id, and a made-up id makes up a record; name it in \
                columns to fill it"
                email,1,leave,0,,"left missing: tagged pii, and a statistic is no person's data; name it in columns \
                to fill it"
                city,1,mode,1,Oslo,"median does not apply to categorical, so filled with the mode; name it in columns \
                with ""leave"" to keep it missing"
                age,1,median,1,36,
                income,2,median,2,250.5,
                last_purchase,1,leave,0,,"left missing: median does not apply to date; name it in columns with \
                ""mode"" or ""constant:<value>"" to fill it"
                """, Files.readString(a.file()));
    }

    @Test
    void theReportSectionSaysHowManyValuesWereImputedAndHow() throws Exception {
        StepTestRunner r = impute(customers(), 2).run();
        StepTestRunner.Artifact a = r.artifacts().get(1);
        assertEquals(ArtifactKind.DATA, a.kind());
        org.assay.api.report.ReportSection section = org.assay.api.report.ReportSections.read(a.file());
        assertEquals(org.assay.api.report.ReportSection.DATA, section.order());
        assertEquals(List.of("1 value imputed by mode in city (step step-under-test).",
                "1 value imputed by median in age (step step-under-test).",
                "2 values imputed by median in income (step step-under-test)."), section.summary());
        org.assay.api.report.ReportBlock.Table table = (org.assay.api.report.ReportBlock.Table) section.blocks().get(1);
        assertEquals(List.of("income", "2", "median", "2", "250.5", ""), table.rows().get(4));
        // The pii column is listed (it had a gap) but it was not filled, and no value of it is shown.
        assertEquals(List.of("email", "1", "leave", "0"), table.rows().get(1).subList(0, 4));
    }

    @Test
    void summaryTableListsNamedColumnsEvenWithoutMissingValues() throws Exception {
        StepTestRunner r = impute(customers(), 2).param("columns", Map.of("city", "mode", "customer_id", "leave"))
                .param("strategy", "mean").run();
        List<String> lines = Files.readAllLines(r.artifacts().get(0).file());
        assertEquals("customer_id,1,leave,0,,left missing: columns says leave", lines.get(1));
        assertEquals("city,1,mode,1,Oslo,", lines.get(3));
    }

    @Test
    void textUnderANumericStrategyGetsTheModeOnlyWhenAValueRepeats() throws Exception {
        Schema s = Schema.of(Field.of("city", FieldType.CATEGORICAL), Field.of("note", FieldType.STRING),
                Field.of("spend", FieldType.DECIMAL));
        List<Object[]> rows = List.of(row("Berlin", "called twice", 1.0), row(null, null, 2.0),
                row("Berlin", "prefers email", null), row("Paris", "new", 4.0), row(null, "vip", 5.0));
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).param("strategy", "mean")
                .input("in", s, rows, 2).run();

        assertEquals(Arrays.asList("Berlin", "Berlin", "Berlin", "Paris", "Berlin"), column(r, 0));
        assertEquals(null, r.output().get(1)[1], "every note is different: there is no mode to fill with");
        assertEquals(3.0, r.output().get(2)[2]);
        List<String> lines = Files.readAllLines(r.artifacts().get(0).file());
        assertEquals("city,2,mode,2,Berlin,\"mean does not apply to categorical, so filled with the mode; name it in"
                + " columns with \"\"leave\"\" to keep it missing\"", lines.get(1));
        assertEquals("note,1,mode,0,,\"left missing: mean does not apply to string, and no value occurs twice, so"
                + " there is no mode to fill with; name it in columns with \"\"constant:<value>\"\" to fill it\"",
                lines.get(2));
        r.assertRowsAccountedFor();
    }

    @Test
    void leaveKeepsATextColumnMissing() throws Exception {
        StepTestRunner r = impute(customers(), 2).param("columns", Map.of("city", "leave")).run();
        assertEquals(null, r.output().get(2)[2]);
        assertTrue(Files.readString(r.artifacts().get(0).file())
                .contains("\ncity,1,leave,0,,left missing: columns says leave\n"));
    }

    @Test
    void constantThatDoesNotParseForAColumnSaysSo() throws Exception {
        StepTestRunner r = impute(customers(), 10).param("strategy", "constant").param("value", "0").run();
        assertTrue(Files.readString(r.artifacts().get(0).file()).contains("\nlast_purchase,1,leave,0,,\"left missing:"
                + " value '0' is not a date value; name it in columns with \"\"constant:<value>\"\" to fill it\"\n"));
    }

    @Test
    void parametersAreCheckedAtTheParameterAsTheEngineChecksThem() {
        new StepTestRunner(new ImputeStepType(), dir).param("strategy", "constant")
                .assertInvalid("value", "strategy constant needs the fill value");
        new StepTestRunner(new ImputeStepType(), dir).param("strategy", "leave")
                .assertInvalid("strategy", "is given per column, in columns");
        new StepTestRunner(new ImputeStepType(), dir).param("columns", Map.of("city", "avg"))
                .assertInvalid("columns", "column 'city': 'avg' is not a strategy");
        new StepTestRunner(new ImputeStepType(), dir).param("strategy", "average")
                .assertInvalid("strategy", "'average' is not allowed; use one of [mean, median, mode, interpolate, knn, constant, leave]");
        new StepTestRunner(new ImputeStepType(), dir).param("strategey", "mean")
                .assertInvalid("strategey", "has no parameter 'strategey'; did you mean 'strategy'?");
    }

    @Test
    void theDescriptorComesFromTheRecordAndDocumentsEveryStrategy() {
        var d = new ImputeStepType().descriptor();
        assertEquals("impute", d.typeId());
        assertEquals(List.of("strategy", "columns", "value", "indicators", "groupBy", "orderBy", "edge", "neighbours",
                "knnFeatures", "knnReference"), d.parameters().stream().map(p -> p.name()).toList());
        var strategy = d.parameter("strategy").orElseThrow();
        assertEquals("median", strategy.defaultValue());
        assertTrue(strategy.description().contains("\"mode\": the most frequent value"), strategy.description());
        assertTrue(d.parameter("columns").orElseThrow().column() != null, "columns names columns of the input");
        assertFalse(d.parameter("value").orElseThrow().required());
    }

    @Test
    void leaveIsAValidColumnRule() {
        assertEquals(List.of(), new ImputeStepType().validate(Parameters.of(new ImputeStepType().descriptor(),
                Map.of("columns", Map.of("city", "leave")))));
    }

    @Test
    void meanOfIntegerColumnIsRounded() throws Exception {
        Schema s = Schema.of(Field.of("orders", FieldType.INTEGER));
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).param("strategy", "mean")
                .input("in", s, row(1L), row(2L), row(2L), row((Object) null));
        r.run();
        assertEquals(2L, r.output().get(3)[0], "mean 1.67 rounds to 2");
    }

    @Test
    void modeFillsAnyTypeAndBreaksTiesToTheSmallest() throws Exception {
        StepTestRunner r = impute(customers(), 3).param("strategy", "mode").run();

        assertEquals("Oslo", r.output().get(2)[2], "Oslo and Rome tie; Oslo sorts first");
        assertEquals(LocalDate.of(2024, 3, 1), r.output().get(1)[5]);
        assertEquals(20L, r.output().get(1)[3], "all ages appear once: the smallest wins");
        assertEquals(null, r.output().get(1)[1], "pii is left alone by the global strategy");
    }

    @Test
    void constantFillsColumnsWhoseTypeTheValueParsesAs() throws Exception {
        StepTestRunner r = impute(customers(), 10).param("strategy", "constant").param("value", "0").run();

        assertEquals(0L, r.output().get(1)[3]);
        assertEquals(0.0, r.output().get(2)[4]);
        assertEquals("0", r.output().get(2)[2]);
        assertEquals(null, r.output().get(1)[5], "0 is not a date");
    }

    @Test
    void perColumnRulesOverrideTheStrategyAndMayTouchPii() throws Exception {
        StepTestRunner r = impute(customers(), 2)
                .param("columns", Map.of("email", "constant:unknown@example.com", "age", "mean",
                        "last_purchase", "constant:2000-01-01", "city", "constant:n/a"))
                .run();

        assertEquals("unknown@example.com", r.output().get(1)[1]);
        assertEquals(35L, r.output().get(1)[3], "mean of 20,30,41,50 is 35.25");
        assertEquals(LocalDate.of(2000, 1, 1), r.output().get(1)[5]);
        assertEquals("n/a", r.output().get(2)[2]);
        assertEquals(250.5, r.output().get(2)[4], "other columns keep the default median");
    }

    @Test
    void categoricalConstantJoinsTheKnownCategories() throws Exception {
        Schema s = Schema.of(Field.of("tier", FieldType.CATEGORICAL).withCategories(List.of("gold", "silver")),
                Field.of("n", FieldType.INTEGER));
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).param("columns", Map.of("tier", "constant:none"))
                .input("in", s, List.of(row("gold", 1L), row("silver", 2L), row(null, 3L)), 2);
        r.run();
        assertEquals(List.of("gold", "silver", "none"), r.outputSchema("out").field("tier").categories());
        assertEquals("none", r.output().get(2)[0]);
    }

    @Test
    void unknownColumnListsTheAvailableOnesBeforeTheRunAsTheEngineDoesAtDeploy() {
        impute(customers(), 2).param("columns", Map.of("salary", "median")).assertInvalid("columns",
                "no column 'salary' in the input; its columns are [customer_id, email, city, age, income, last_purchase]");
        impute(customers(), 2).param("columns", Map.of("agee", "median"))
                .assertInvalid("columns", "no column 'agee' in the input; did you mean 'age'?");
    }

    @Test
    void meanOnATextColumnIsRefused() {
        StepFailure e = assertThrows(StepFailure.class,
                () -> impute(customers(), 2).param("columns", Map.of("city", "mean")).run());
        assertTrue(e.getMessage().startsWith("parameter columns: column 'city' is categorical, and mean works only on "
                + "integer and decimal columns"), e.getMessage());
    }

    @Test
    void badConstantNamesTheColumnAndTheFix() {
        StepFailure e = assertThrows(StepFailure.class,
                () -> impute(customers(), 2).param("columns", Map.of("age", "constant:old")).run());
        assertEquals("parameter columns: column 'age': 'old' is not a valid integer value. Write a whole number, e.g. "
                + "\"constant:0\".", e.getMessage());
    }

    @Test
    void validateNeedsValueForConstantAndKnownStrategies() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> impute(customers(), 2).param("strategy", "constant").param("columns", Map.of("age", "avg")).run());
        assertTrue(e.getMessage().contains("parameter value: strategy constant needs the fill value"), e.getMessage());
        assertTrue(e.getMessage().contains("column 'age': 'avg' is not a strategy"), e.getMessage());
    }

    @Test
    void allNullColumnIsLeftEmptyAndSaysWhy() throws Exception {
        Schema s = Schema.of(Field.of("x", FieldType.DECIMAL));
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir)
                .input("in", s, row((Object) null), row((Object) null));
        r.run();
        assertEquals(null, r.output().get(0)[0]);
        assertTrue(Files.readString(r.artifacts().get(0).file())
                .contains("x,2,median,0,,no values to compute the median from; left empty"));
    }

    @Test
    void batchBoundariesAndUntouchedColumnsAreKept() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(row((long) i, "p" + i + "@example.com", "Oslo", i % 4 == 0 ? null : (long) i, (double) i,
                    LocalDate.of(2024, 1, 1 + i)));
        }
        StepTestRunner r = new StepTestRunner(new ImputeStepType(), dir).input("in", CUSTOMERS, rows, 3);
        r.run();

        List<Batch> out = r.outputBatches("out");
        assertEquals(List.of(3, 3, 3, 1), out.stream().map(Batch::rowCount).toList());
        // Non-null ages: 1,2,3,5,6,7,9 -> median 5.
        assertEquals(Arrays.asList(5L, 1L, 2L, 3L, 5L, 5L, 6L, 7L, 5L, 9L), column(r, 3));
        for (Batch b : out) {
            assertEquals(0, b.column("age").nullCount());
        }
        r.assertRowsAccountedFor();
    }

    @Test
    void medianBeyondTheMemoryBudgetTakesExtraPassesAndStaysExact() throws Exception {
        Random rnd = new Random(11);
        Schema s = Schema.of(Field.of("spend", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (i % 50 == 0) {
                rows.add(row((Object) null));
            } else {
                double v = Math.round(Math.exp(rnd.nextGaussian() + 4) * 100) / 100.0;
                values.add(v);
                rows.add(row(v));
            }
        }
        values.sort(null);
        int n = values.size();
        double expected = (values.get((n - 1) / 2) + values.get(n / 2)) / 2;

        StepType tinyBudget = new ImputeStepType(1000);
        StepTestRunner r = new StepTestRunner(tinyBudget, dir).input("in", s, rows, 4096);
        r.run();

        assertEquals(expected, r.output().get(0)[0]);
        r.assertRowsAccountedFor();
    }
}
