package org.assay.transforms.internal.combine;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

class JoinStepTest {

    @TempDir
    Path dir;

    private static final Schema CUSTOMERS = Schema.of(
            Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("city", FieldType.CATEGORICAL));

    private static final Schema ORDERS = Schema.of(
            Field.of("customer", FieldType.INTEGER),
            Field.of("city", FieldType.STRING),
            Field.of("amount", FieldType.DECIMAL));

    private static List<Object[]> customers() {
        return List.of(row(1L, "a@x", "Oslo"), row(2L, "b@x", "Rome"), row(3L, null, null), row(null, "n@x", "Oslo"));
    }

    private static List<Object[]> orders() {
        return List.of(row(1L, "Bergen", 10.0), row(1L, "Oslo", 12.5), row(2L, "Rome", 7.0), row(9L, "Paris", 1.0),
                row(null, "Nowhere", 3.0));
    }

    private StepTestRunner join(String kind, List<Object[]> left, List<Object[]> right) {
        return new StepTestRunner(new JoinStepType(), dir).param("kind", kind).param("on", List.of("id"))
                .param("rightOn", List.of("customer"))
                .input("left", CUSTOMERS, left, 2).input("right", ORDERS, right, 2);
    }

    private static List<List<Object>> rows(StepTestRunner r) {
        List<List<Object>> out = new ArrayList<>();
        r.output().forEach(row -> out.add(Arrays.asList(row)));
        return out;
    }

    @Test
    void innerJoinFansOutOnDuplicateRightKeysAndNullKeysMatchNothing() throws Exception {
        StepTestRunner r = join("inner", customers(), orders()).run();

        assertEquals(List.of(
                Arrays.asList(1L, "a@x", "Oslo", "Bergen", 10.0),
                Arrays.asList(1L, "a@x", "Oslo", "Oslo", 12.5),
                Arrays.asList(2L, "b@x", "Rome", "Rome", 7.0)), rows(r));
        assertEquals(List.of("id", "email", "city", "city_right", "amount"), r.outputSchema("out").names());
        assertTrue(r.outputSchema("out").field("email").has(FieldTag.PII), "tags travel with the columns");
        r.assertRowsAccountedFor();
        assertEquals(9 - 3, r.filtered(), "9 rows in, 3 out");
    }

    @Test
    void leftRightAndFullKeepTheirUnmatchedRows() throws Exception {
        StepTestRunner left = join("left", customers(), orders()).run();
        assertEquals(5, left.output().size());
        assertEquals(Arrays.asList(3L, null, null, null, null), rows(left).get(3));
        assertEquals(Arrays.asList(null, "n@x", "Oslo", null, null), rows(left).get(4));
        left.assertRowsAccountedFor();

        StepTestRunner right = join("right", customers(), orders()).run();
        assertEquals(List.of(
                Arrays.asList(1L, "a@x", "Oslo", "Bergen", 10.0),
                Arrays.asList(1L, "a@x", "Oslo", "Oslo", 12.5),
                Arrays.asList(2L, "b@x", "Rome", "Rome", 7.0),
                Arrays.asList(9L, null, null, "Paris", 1.0),
                Arrays.asList(null, null, null, "Nowhere", 3.0)), rows(right));
        assertTrue(right.outputSchema("out").field("email").nullable());
        right.assertRowsAccountedFor();

        StepTestRunner full = join("full", customers(), orders()).run();
        assertEquals(7, full.output().size(), "3 matched + 2 unmatched left + 2 unmatched right");
        full.assertRowsAccountedFor();
    }

    @Test
    void semiAndAntiKeepLeftRowsOnceWithLeftColumns() throws Exception {
        StepTestRunner semi = join("semi", customers(), orders()).run();
        assertEquals(List.of(Arrays.asList(1L, "a@x", "Oslo"), Arrays.asList(2L, "b@x", "Rome")), rows(semi));
        assertEquals(CUSTOMERS, semi.outputSchema("out"));
        semi.assertRowsAccountedFor();

        StepTestRunner anti = join("anti", customers(), orders()).run();
        assertEquals(List.of(Arrays.asList(3L, null, null), Arrays.asList(null, "n@x", "Oslo")), rows(anti));
        anti.assertRowsAccountedFor();
    }

    @Test
    void fanOutIsReportedInTheSummaryAndAccountedForWhenOutExceedsIn() throws Exception {
        List<Object[]> left = List.<Object[]>of(row(1L, "a@x", "Oslo"));
        List<Object[]> right = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            right.add(row(1L, "c" + i, (double) i));
        }
        List<Object[]> lefts = List.of(left.get(0), row(1L, "b@x", "Rome"), row(1L, "c@x", "Rome"));
        StepTestRunner r = join("inner", lefts, right).run();

        assertEquals(15, r.output().size(), "3 left rows x 5 right rows");
        r.assertRowsAccountedFor();
        assertEquals(15 - 8, r.countedIn(), "the surplus over 8 rows in is counted as made by the step");
        StepTestRunner.Artifact a = r.artifacts().get(0);
        assertEquals(ArtifactKind.TABLE, a.kind());
        String summary = Files.readString(a.file());
        assertTrue(summary.contains("right keys held by several rows,1"), summary);
        assertTrue(summary.contains("left rows fanned out,3"), summary);
        assertTrue(summary.contains("extra rows from fan-out,12"), summary);
        assertTrue(summary.contains("output rows,15"), summary);
    }

    @Test
    void emptyInputsGiveAnEmptyOutputWithTheSchema() throws Exception {
        StepTestRunner none = join("full", List.of(), List.of()).run();
        assertEquals(0, none.output().size());
        assertEquals(5, none.outputSchema("out").size());
        none.assertRowsAccountedFor();

        StepTestRunner noRight = join("left", customers(), List.of()).run();
        assertEquals(4, noRight.output().size());
        noRight.assertRowsAccountedFor();

        StepTestRunner noLeft = join("right", List.of(), orders()).run();
        assertEquals(5, noLeft.output().size());
        noLeft.assertRowsAccountedFor();
    }

    @Test
    void severalKeysWithTheSameNamesAndStringMatchesCategorical() throws Exception {
        Schema visits = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("city", FieldType.STRING),
                Field.of("visits", FieldType.INTEGER));
        StepTestRunner r = new StepTestRunner(new JoinStepType(), dir).param("on", List.of("id", "city"))
                .input("left", CUSTOMERS, customers(), 3)
                .input("right", visits, List.of(row(1L, "Oslo", 4L), row(1L, "Rome", 9L), row(2L, null, 1L)), 3)
                .run();
        assertEquals(List.of(Arrays.asList(1L, "a@x", "Oslo", 4L)), rows(r));
        assertEquals(List.of("id", "email", "city", "visits"), r.outputSchema("out").names());
        r.assertRowsAccountedFor();
    }

    @Test
    void keyTypeMismatchIsRefusedAtDeployNamingBothColumnsAndGivesNoDesignSchema() {
        Schema textIds = Schema.of(Field.of("customer", FieldType.STRING), Field.of("amount", FieldType.DECIMAL));
        StepTestRunner r = new StepTestRunner(new JoinStepType(), dir).param("on", List.of("id"))
                .param("rightOn", List.of("customer"))
                .input("left", CUSTOMERS, customers(), 2).input("right", textIds, List.<Object[]>of(row("1", 2.0)), 2);
        r.assertInvalid("rightOn", "key column 'id' of input 'left' is integer but key column 'customer'"
                + " of input 'right' is string; keys must have the same type");
        assertThrows(IllegalArgumentException.class, r::run, "refused before the run, as at deploy");
        Schema textIdsNamedId = Schema.of(Field.of("id", FieldType.STRING));
        new StepTestRunner(new JoinStepType(), dir).param("on", List.of("id"))
                .input("left", CUSTOMERS, customers(), 2).input("right", textIdsNamedId, List.<Object[]>of(), 2)
                .assertInvalid("on", "is integer but key column 'id' of input 'right' is string");

        JoinStepType type = new JoinStepType();
        Parameters params = Parameters.of(type.descriptor(), Map.of("on", List.of("id"), "rightOn", List.of("customer")));
        assertEquals(Optional.empty(), type.outputSchemas(params, Map.of("left", CUSTOMERS, "right", textIds)));
    }

    @Test
    void missingKeyIsRefusedBeforeTheRunWithTheNoSuchColumnWording() {
        new StepTestRunner(new JoinStepType(), dir).param("on", List.of("idd"))
                .input("left", CUSTOMERS, customers(), 2).input("right", CUSTOMERS, customers(), 2)
                .assertInvalid("on", "no column 'idd' in input 'left'; did you mean 'id'?");
    }

    @Test
    void designTimeSchemaSuffixesClashesUntilFreeAndMarksNullableSides() {
        Schema right = Schema.of(Field.of("customer", FieldType.INTEGER).withNullable(false),
                Field.of("city", FieldType.STRING).withNullable(false),
                Field.of("city_right", FieldType.STRING).withNullable(false));
        JoinStepType type = new JoinStepType();
        Parameters params = Parameters.of(type.descriptor(),
                Map.of("kind", "left", "on", List.of("id"), "rightOn", List.of("customer")));
        Schema out = type.outputSchemas(params, Map.of("left", CUSTOMERS, "right", right)).orElseThrow().get("out");
        assertEquals(List.of("id", "email", "city", "city_right", "city_right_right"), out.names());
        assertTrue(out.field("city_right").nullable(), "a left join leaves right columns empty where nothing matched");
        Schema strict = Schema.of(Field.of("id", FieldType.INTEGER).withNullable(false),
                Field.of("email", FieldType.STRING).withNullable(false));
        Parameters rightJoin = Parameters.of(type.descriptor(),
                Map.of("kind", "right", "on", List.of("id"), "rightOn", List.of("customer")));
        Schema rightOut = type.outputSchemas(rightJoin, Map.of("left", strict, "right", right)).orElseThrow().get("out");
        assertFalse(rightOut.field("id").nullable(), "both keys are never null: right-only rows bring theirs");
        assertTrue(rightOut.field("email").nullable(), "right-only rows have no left values");
        assertFalse(rightOut.field("city").nullable());
        assertEquals(Optional.empty(), type.outputSchemas(params, Map.of("left", CUSTOMERS)), "unknown right: unknown");
    }

    @Test
    void aRightInputOverTheBuildBudgetIsJoinedInSpilledPartsWithTheSameRows() throws Exception {
        List<Object[]> left = new ArrayList<>();
        List<Object[]> right = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            left.add(row(random.nextInt(10) == 0 ? null : (long) random.nextInt(200), "e" + i, i % 3 == 0 ? null : "c" + i));
            right.add(row(random.nextInt(10) == 0 ? null : (long) random.nextInt(200), "r" + i, (double) i));
        }
        for (String kind : List.of("inner", "left", "right", "full", "semi", "anti")) {
            StepTestRunner memory = join(kind, left, right).run();
            StepTestRunner spilled = join(kind, left, right).param("buildRows", 40).run();

            assertEquals(sorted(rows(memory)), sorted(rows(spilled)), kind + ": the same rows, in another order");
            spilled.assertRowsAccountedFor();
            String summary = Files.readString(spilled.artifacts().get(0).file());
            assertTrue(summary.contains("partitions spilled to disk," + JoinStep.PARTITIONS), summary);
            assertEquals(Files.readString(memory.artifacts().get(0).file()).replace("partitions spilled to disk,0",
                    "partitions spilled to disk," + JoinStep.PARTITIONS), summary, kind + ": the same counts");
            try (var files = Files.walk(spilled.artifacts().get(0).file().getParent())) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".spill")).toList(),
                        "spill files are deleted");
            }
        }
    }

    @Test
    void aSpilledPartStillOverTheBudgetFailsNamingTheBudget() {
        List<Object[]> right = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            right.add(row(1L, "same key", (double) i));
        }
        StepTestRunner r = join("inner", customers(), right).param("buildRows", 10);
        StepFailure f = assertThrows(StepFailure.class, r::run);
        assertTrue(f.getMessage().contains("a part of more than 10 rows (parameter buildRows)"), f.getMessage());
        assertTrue(f.getMessage().contains("Put the smaller table on the right"), f.getMessage());
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(String::valueOf).sorted().toList();
    }

    @Test
    void badParametersAreRefused() {
        StepTestRunner r = new StepTestRunner(new JoinStepType(), dir);
        r.param("on", List.of()).assertInvalid("on", "at least one key column");
        r.param("on", List.of("a", "a")).assertInvalid("on", "named twice");
        r.param("on", List.of("a", "b")).param("rightOn", List.of("x")).assertInvalid("rightOn", "one right key per left key");
        r.param("on", List.of("a")).param("rightOn", List.of()).param("suffix", " ").assertInvalid("suffix", "blank");
        r.param("suffix", "_r").param("kind", "cross").assertInvalid("kind", "cross");
        r.param("kind", "inner").param("buildRows", 0).assertInvalid("buildRows", "");
        assertFalse(new JoinStepType().descriptor().inputs().isEmpty());
    }
}
