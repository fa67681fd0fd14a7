package org.assay.transforms.internal.combine;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.assay.transforms.internal.ParameterMisfit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupStepTest {

    @TempDir
    Path dir;

    private static final Schema CUSTOMERS = Schema.of(
            Field.of("id", FieldType.INTEGER),
            Field.of("country", FieldType.STRING));

    private static final Schema COUNTRIES = Schema.of(
            Field.of("code", FieldType.CATEGORICAL).withTags(FieldTag.PII),
            Field.of("name", FieldType.STRING),
            Field.of("since", FieldType.DATE).withNullable(false),
            Field.of("vat", FieldType.DECIMAL));

    private static List<Object[]> customers() {
        return List.of(row(1L, "NO"), row(2L, "IT"), row(3L, "XX"), row(4L, null), row(5L, "NO"));
    }

    private static List<Object[]> countries() {
        return List.of(row("NO", "Norway", LocalDate.of(1905, 6, 7), 25.0), row("IT", "Italy", LocalDate.of(1946, 6, 2), 22.0),
                row(null, "Nowhere", LocalDate.of(2000, 1, 1), 0.0));
    }

    private StepTestRunner lookup(List<Object[]> in, List<Object[]> reference) {
        return new StepTestRunner(new LookupStepType(), dir).param("on", List.of("country"))
                .param("referenceOn", List.of("code")).param("columns", List.of("name", "since"))
                .input("in", CUSTOMERS, in, 2).input("reference", COUNTRIES, reference, 2);
    }

    private static List<List<Object>> rows(StepTestRunner r) {
        List<List<Object>> out = new ArrayList<>();
        r.output().forEach(row -> out.add(Arrays.asList(row)));
        return out;
    }

    @Test
    void addsTheChosenColumnsAndTheDefaultsOnMissesAndNullKeys() throws Exception {
        StepTestRunner r = lookup(customers(), countries()).param("defaults", Map.of("since", "1900-01-01")).run();

        LocalDate unknown = LocalDate.of(1900, 1, 1);
        assertEquals(List.of(
                Arrays.asList(1L, "NO", "Norway", LocalDate.of(1905, 6, 7)),
                Arrays.asList(2L, "IT", "Italy", LocalDate.of(1946, 6, 2)),
                Arrays.asList(3L, "XX", null, unknown),
                Arrays.asList(4L, null, null, unknown),
                Arrays.asList(5L, "NO", "Norway", LocalDate.of(1905, 6, 7))), rows(r));
        Schema out = r.outputSchema("out");
        assertEquals(List.of("id", "country", "name", "since"), out.names());
        assertFalse(out.field("since").nullable(), "a default fills every miss of a column without nulls");
        assertTrue(out.field("name").nullable());
        r.assertRowsAccountedFor();
        assertEquals(3, r.filtered(), "reference rows are read, not passed on");
    }

    @Test
    void duplicateReferenceKeysFailWithoutQuotingThemOrFirstWins() throws Exception {
        List<Object[]> dup = new ArrayList<>(countries());
        dup.add(row("NO", "Norge", LocalDate.of(1814, 5, 17), 25.0));
        StepFailure f = assertThrows(StepFailure.class, () -> lookup(customers(), dup).run());
        assertTrue(f.getMessage().contains("1 reference rows repeat a key"), f.getMessage());
        assertFalse(f.getMessage().contains("NO"), "keys may be personal data");

        StepTestRunner r = lookup(customers(), dup).param("duplicates", "first").run();
        assertEquals("Norway", r.output().get(0)[2]);
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputsAndAnEmptyReference() throws Exception {
        StepTestRunner none = lookup(List.of(), countries()).run();
        assertEquals(0, none.output().size());
        assertEquals(4, none.outputSchema("out").size());
        none.assertRowsAccountedFor();

        StepTestRunner noReference = lookup(customers(), List.of()).run();
        assertEquals(5, noReference.output().size());
        assertTrue(noReference.output().stream().allMatch(row -> row[2] == null));
        noReference.assertRowsAccountedFor();
    }

    @Test
    void keyTypeMismatchNameClashAndBadDefaultAreRefusedAtDeploy() throws Exception {
        Schema numericCodes = Schema.of(Field.of("code", FieldType.INTEGER), Field.of("name", FieldType.STRING),
                Field.of("since", FieldType.DATE));
        new StepTestRunner(new LookupStepType(), dir)
                .param("on", List.of("country")).param("referenceOn", List.of("code")).param("columns", List.of("name"))
                .input("in", CUSTOMERS, customers(), 2).input("reference", numericCodes)
                .assertInvalid("referenceOn", "key column 'country' of input 'in' is string but key column 'code' of"
                        + " input 'reference' is integer");

        Schema clash = Schema.of(Field.of("country", FieldType.STRING), Field.of("id", FieldType.INTEGER));
        new StepTestRunner(new LookupStepType(), dir).param("on", List.of("country")).param("columns", List.of("id"))
                .input("in", CUSTOMERS, customers(), 2).input("reference", clash)
                .assertInvalid("columns", "reference column 'id' is already a column of the input");

        lookup(customers(), countries()).param("defaults", Map.of("since", "yesterday"))
                .assertInvalid("defaults.since", "'yesterday' is not a date, e.g. \"2024-01-31\"");
        // When the schemas are known only at run time, the run fails with the validator's words.
        LookupParameters p = new LookupParameters(List.of("country"), List.of(), List.of("since"),
                Map.of("since", "yesterday"), DuplicateKeys.FAIL, 10);
        ParameterMisfit m = assertThrows(ParameterMisfit.class, () -> LookupLayout.of(p, CUSTOMERS,
                Schema.of(Field.of("country", FieldType.STRING), Field.of("since", FieldType.DATE))));
        assertEquals("parameter defaults.since: 'yesterday' is not a date, e.g. \"2024-01-31\"",
                m.failure().getMessage());
    }

    @Test
    void aReferenceOverTheBudgetFailsNamingIt() {
        StepFailure f = assertThrows(StepFailure.class, () -> lookup(customers(), countries())
                .param("maxReferenceRows", 2).run());
        assertTrue(f.getMessage().contains("more than 2 rows (parameter maxReferenceRows)"), f.getMessage());
    }

    @Test
    void designTimeSchema() {
        LookupStepType type = new LookupStepType();
        Parameters p = Parameters.of(type.descriptor(), Map.of("on", List.of("country"),
                "referenceOn", List.of("code"), "columns", List.of("vat", "code")));
        Schema out = type.outputSchemas(p, Map.of("in", CUSTOMERS, "reference", COUNTRIES)).orElseThrow().get("out");
        assertEquals(List.of("id", "country", "vat", "code"), out.names());
        assertTrue(out.field("code").has(FieldTag.PII), "tags come along");
        assertEquals(Optional.empty(), type.outputSchemas(p, Map.of("in", CUSTOMERS)));
    }

    @Test
    void badParametersAreRefused() {
        StepTestRunner r = new StepTestRunner(new LookupStepType(), dir);
        r.param("on", List.of()).param("columns", List.of()).assertInvalid("on", "at least one key")
                .assertInvalid("columns", "at least one reference column");
        r.param("on", List.of("a")).param("referenceOn", List.of("x", "y")).assertInvalid("referenceOn", "one reference key");
        r.param("columns", List.of("b", "b")).assertInvalid("columns", "named twice");
        r.param("columns", List.of("b")).param("defaults", Map.of("c", "0")).assertInvalid("defaults", "not in columns");
        r.param("duplicates", "last").assertInvalid("duplicates", "last");
    }
}
