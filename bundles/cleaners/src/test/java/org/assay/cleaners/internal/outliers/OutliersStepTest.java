package org.assay.cleaners.internal.outliers;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutliersStepTest {

    @TempDir
    Path dir;

    private static final Schema S = Schema.of(Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("city", FieldType.CATEGORICAL), Field.of("age", FieldType.INTEGER),
            Field.of("income", FieldType.DECIMAL).withTags(FieldTag.PII));

    /** 40 ordinary rows, one huge income (row 41), one negative age (row 42), one row of nulls. */
    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            rows.add(row((long) i + 1, i % 2 == 0 ? "Oslo" : "Rome", 30L + random.nextInt(20),
                    (i % 2 == 0 ? 40_000.0 : 80_000.0) + random.nextInt(5000)));
        }
        rows.add(row(41L, "Oslo", 35L, 5_000_000.0));
        rows.add(row(42L, "Rome", -400L, 81_000.0));
        rows.add(row(43L, null, null, null));
        return rows;
    }

    private StepTestRunner outliers() {
        return new StepTestRunner(new OutliersStepType(), dir).input("in", S, rows(), 16);
    }

    @Test
    void flagAddsABooleanAndAScoreAndLeavesNullsAlone() throws Exception {
        StepTestRunner r = outliers().run();
        List<Object[]> out = r.output();
        assertEquals(43, out.size());
        assertEquals(true, out.get(40)[4]);
        assertEquals(true, out.get(41)[4]);
        assertEquals(2, out.stream().filter(x -> Boolean.TRUE.equals(x[4])).count(),
                "only the two planted values are outliers");
        assertTrue((Double) out.get(40)[5] > 100, "robust z of the huge income");
        assertEquals(false, out.get(42)[4]);
        assertEquals(null, out.get(42)[5], "a row with nothing to check has no score");
        assertEquals(OutliersStepType.outputSchema(new OutliersStepType().bind(Parameters.of(
                new OutliersStepType().descriptor(), Map.of())), S), r.outputSchema("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void summaryListsFencesPerColumnAndTheIdColumnIsNotChecked() throws Exception {
        StepTestRunner r = outliers().run();
        List<String> lines = Files.readAllLines(r.artifacts().get(0).file());
        assertEquals("column,group,method,threshold,values,center,spread,lower_fence,upper_fence,touched,action,note",
                lines.get(0));
        assertEquals(3, lines.size(), "age and income; id is tagged id: " + lines);
        assertTrue(lines.get(1).startsWith("age,,robust-z,3.5,42,"), lines.get(1));
        assertTrue(lines.get(1).contains(",1,flag,"), lines.get(1));
    }

    @Test
    void quarantineGivesColumnFenceAndValueButNotAPiiValue() throws Exception {
        StepTestRunner r = outliers().param("action", "quarantine").run();
        assertEquals(41, r.output().size());
        assertEquals(2, r.quarantined().size());
        String income = r.quarantined().get(0).reason();
        assertTrue(income.contains("column income: the value is above the upper fence"), income);
        assertFalse(income.contains("5000000"), "income is pii: " + income);
        String age = r.quarantined().get(1).reason();
        assertTrue(age.contains("column age: -400 is below the lower fence"), age);
        assertEquals(42, r.quarantined().get(1).rowNumber());
        r.assertRowsAccountedFor();
    }

    @Test
    void capWinsorisesToTheFenceKeepingIntegersWhole() throws Exception {
        StepTestRunner r = outliers().param("action", "cap").param("method", "iqr").param("columns", List.of("age"))
                .run();
        Object capped = r.output().get(41)[2];
        assertTrue(capped instanceof Long && (Long) capped > 0 && (Long) capped < 30, "capped age " + capped);
        assertEquals(5_000_000.0, r.output().get(40)[3], "income is not among columns");
        assertEquals(S, r.outputSchema("out"));
    }

    @Test
    void setNullClearsTheValueForALaterImpute() throws Exception {
        StepTestRunner r = outliers().param("action", "set-null").param("method", "z-score")
                .param("columns", List.of("income")).param("threshold", 3.0).run();
        assertEquals(null, r.output().get(40)[3]);
        assertEquals(35L, r.output().get(40)[2]);
    }

    @Test
    void groupsHaveTheirOwnFences() throws Exception {
        // Incomes of about 40k in Oslo and 80k in Rome: 80k is ordinary in Rome, an outlier in Oslo.
        List<Object[]> rows = new ArrayList<>(rows().subList(0, 40));
        rows.add(row(50L, "Oslo", 30L, 80_500.0));
        StepTestRunner pooled = new StepTestRunner(new OutliersStepType(), dir).param("columns", List.of("income"))
                .input("in", S, rows, 100).run();
        assertEquals(false, pooled.output().get(40)[4]);
        StepTestRunner grouped = new StepTestRunner(new OutliersStepType(), Files.createDirectories(dir.resolve("g")))
                .param("columns", List.of("income")).param("groupBy", "city").input("in", S, rows, 100).run();
        assertEquals(true, grouped.output().get(40)[4]);
        assertTrue(Files.readString(grouped.artifacts().get(0).file()).contains("income,Rome,robust-z"));
    }

    @Test
    void aColumnWhoseValuesAreAllEqualIsNotChecked() throws Exception {
        Schema s = Schema.of(Field.of("x", FieldType.INTEGER));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row(7L));
        }
        StepTestRunner r = new StepTestRunner(new OutliersStepType(), dir).param("method", "iqr")
                .input("in", s, rows, 8).run();
        assertTrue(r.output().stream().noneMatch(x -> Boolean.TRUE.equals(x[1])));
        assertTrue(Files.readString(r.artifacts().get(0).file()).contains("not checked"));
    }

    @Test
    void isolationForestFindsARareCombinationOfOrdinaryValues() throws Exception {
        // Height and weight are each ordinary in the odd row; together they are not.
        Schema s = Schema.of(Field.of("height", FieldType.DECIMAL), Field.of("weight", FieldType.DECIMAL));
        Random random = new Random(5);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double h = 150 + 40 * random.nextDouble();
            rows.add(row(h, h - 100 + 5 * random.nextGaussian()));
        }
        rows.add(row(188.0, 52.0));
        StepTestRunner robust = new StepTestRunner(new OutliersStepType(), dir).input("in", s, rows, 500).run();
        assertEquals(false, robust.output().get(2000)[2], "per column, neither value is out");
        StepTestRunner forest = new StepTestRunner(new OutliersStepType(), Files.createDirectories(dir.resolve("f")))
                .param("method", "isolation-forest").input("in", s, rows, 500).run();
        assertEquals(true, forest.output().get(2000)[2]);
        long flagged = forest.output().stream().filter(x -> Boolean.TRUE.equals(x[2])).count();
        assertTrue(flagged < 40, "under 2% of ordinary rows flagged: " + flagged);
        StepTestRunner again = new StepTestRunner(new OutliersStepType(), Files.createDirectories(dir.resolve("f2")))
                .param("method", "isolation-forest").input("in", s, rows, 500).run();
        assertEquals(forest.output().get(7)[3], again.output().get(7)[3], "seeded: the same scores again");
    }

    @Test
    void badParametersAreRefusedWithTheFix() {
        outliers().param("method", "isolation-forest").param("action", "cap").assertInvalid("action", "use flag");
        outliers().param("method", "isolation-forest").param("columns", List.of("age"))
                .assertInvalid("columns", "at least two");
        outliers().param("method", "isolation-forest").param("threshold", 2.0).assertInvalid("threshold",
                "between 0.5 and 1");
        outliers().param("columns", List.of("city")).assertInvalid("columns", "");
        outliers().param("method", "isolation-forest").param("groupBy", "city").assertInvalid("groupBy", "does not group");
        Schema s = Schema.of(Field.of("outlier", FieldType.DECIMAL));
        new StepTestRunner(new OutliersStepType(), dir).input("in", s, List.of(), 1)
                .assertInvalid("action", "already has");
        Schema text = Schema.of(Field.of("name", FieldType.STRING));
        new StepTestRunner(new OutliersStepType(), dir).input("in", text, List.of(), 1)
                .assertInvalid("columns", "no integer or decimal column");
    }

    @Test
    void emptyInput() throws Exception {
        StepTestRunner r = new StepTestRunner(new OutliersStepType(), dir).input("in", S, List.of(), 4).run();
        assertEquals(0, r.output().size());
        r.assertRowsAccountedFor();
    }
}
