package org.assay.transforms.internal.combine;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnionStepTest {

    @TempDir
    Path dir;

    private static final Schema SHOP = Schema.of(
            Field.of("id", FieldType.INTEGER).withNullable(false),
            Field.of("amount", FieldType.INTEGER),
            Field.of("day", FieldType.DATE),
            Field.of("email", FieldType.STRING));

    private static final Schema WEB = Schema.of(
            Field.of("amount", FieldType.DECIMAL),
            Field.of("id", FieldType.STRING).withNullable(false),
            Field.of("day", FieldType.TIMESTAMP),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("channel", FieldType.CATEGORICAL));

    private static List<List<Object>> rows(StepTestRunner r) {
        List<List<Object>> out = new ArrayList<>();
        r.output().forEach(row -> out.add(Arrays.asList(row)));
        return out;
    }

    @Test
    void matchesColumnsByNameAndReconcilesTypes() throws Exception {
        StepTestRunner r = new StepTestRunner(new UnionStepType(), dir)
                .input("first", SHOP, List.of(row(1L, 10L, LocalDate.of(2024, 1, 2), "a@x"), row(2L, null, null, null)), 1)
                .input("second", WEB, List.<Object[]>of(row(2.5, "w7", Instant.parse("2024-01-03T10:00:00Z"), "b@x", "ads")), 1)
                .run();

        Schema out = r.outputSchema("out");
        assertEquals(List.of("id", "amount", "day", "email", "channel"), out.names(), "first's order, then additions");
        assertEquals(List.of(FieldType.STRING, FieldType.DECIMAL, FieldType.TIMESTAMP, FieldType.STRING,
                FieldType.CATEGORICAL), out.fields().stream().map(Field::type).toList());
        assertTrue(out.field("email").has(FieldTag.PII), "pii in any input is pii in the output");
        assertTrue(out.field("channel").nullable(), "first has no channel");
        assertEquals(false, out.field("id").nullable());
        assertEquals(List.of(
                Arrays.asList("1", 10.0, Instant.parse("2024-01-02T00:00:00Z"), "a@x", null),
                Arrays.asList("2", null, null, null, null),
                Arrays.asList("w7", 2.5, Instant.parse("2024-01-03T10:00:00Z"), "b@x", "ads")), rows(r));
        r.assertRowsAccountedFor();
    }

    @Test
    void thirdInputAndSourceColumn() throws Exception {
        Schema one = Schema.of(Field.of("x", FieldType.INTEGER));
        StepTestRunner r = new StepTestRunner(new UnionStepType(), dir).param("sourceColumn", "from")
                .input("first", one, row(1L)).input("second", one).input("third", one, row(3L), row((Object) null))
                .run();
        assertEquals(List.of(Arrays.asList(1L, "first"), Arrays.asList(3L, "third"), Arrays.asList(null, "third")),
                rows(r));
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputsGiveTheReconciledSchemaAndNoRows() throws Exception {
        StepTestRunner r = new StepTestRunner(new UnionStepType(), dir).input("first", SHOP).input("second", WEB).run();
        assertEquals(0, r.output().size());
        assertEquals(5, r.outputSchema("out").size());
        r.assertRowsAccountedFor();
    }

    @Test
    void irreconcilableTypesAreRefusedAtDeployNamingColumnTypesAndPorts() {
        Schema a = Schema.of(Field.of("flag", FieldType.BOOLEAN));
        Schema b = Schema.of(Field.of("flag", FieldType.INTEGER));
        new StepTestRunner(new UnionStepType(), dir).input("first", a, row(true)).input("second", b, row(1L))
                .assertInvalid(null, "column 'flag' is boolean in input 'first' but integer in input 'second', which "
                        + "union does not reconcile; cast one of them with a select step first");
        new StepTestRunner(new UnionStepType(), dir).param("sourceColumn", "flag").input("first", a, row(true))
                .input("second", a, row(false)).assertInvalid("sourceColumn", "'flag' is already a column");

        UnionStepType type = new UnionStepType();
        Parameters none = Parameters.of(type.descriptor(), Map.of());
        assertEquals(Optional.empty(), type.outputSchemas(none, Map.of("first", a, "second", b)));
    }

    @Test
    void designTimeSchemaAndTypeRules() {
        UnionStepType type = new UnionStepType();
        Parameters p = Parameters.of(type.descriptor(), Map.of("sourceColumn", "src"));
        Schema out = type.outputSchemas(p, Map.of("first", SHOP, "second", WEB)).orElseThrow().get("out");
        assertEquals(List.of("id", "amount", "day", "email", "channel", "src"), out.names());
        assertEquals(Optional.empty(), type.outputSchemas(p, Map.of("first", SHOP)), "second unknown: unknown");
        Parameters clash = Parameters.of(type.descriptor(), Map.of("sourceColumn", "email"));
        assertEquals(Optional.empty(), type.outputSchemas(clash, Map.of("first", SHOP, "second", WEB)));

        assertEquals(FieldType.STRING, UnionSchema.type(FieldType.CATEGORICAL, FieldType.STRING));
        assertEquals(FieldType.STRING, UnionSchema.type(FieldType.BOOLEAN, FieldType.CATEGORICAL));
        assertEquals(FieldType.DECIMAL, UnionSchema.type(FieldType.DECIMAL, FieldType.INTEGER));
        assertEquals(null, UnionSchema.type(FieldType.DATE, FieldType.DECIMAL));
    }

    @Test
    void categoriesOfTwoCategoricalsAreMerged() throws Exception {
        Schema a = Schema.of(Field.of("c", FieldType.CATEGORICAL).withCategories(List.of("x", "y")));
        Schema b = Schema.of(Field.of("c", FieldType.CATEGORICAL).withCategories(List.of("y", "z")));
        StepTestRunner r = new StepTestRunner(new UnionStepType(), dir).input("first", a, row("x"))
                .input("second", b, row("z")).run();
        assertEquals(List.of("x", "y", "z"), r.outputSchema("out").field("c").categories());
    }

    @Test
    void blankSourceColumnIsRefused() {
        new StepTestRunner(new UnionStepType(), dir).param("sourceColumn", " ").assertInvalid("sourceColumn", "blank");
    }
}
