package org.assay.governance.internal.consent;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentFilterStepTest {

    @TempDir
    Path dir;

    private static final Schema CUSTOMERS = Schema.of(Field.of("customer_id", FieldType.STRING),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII), Field.of("consent", FieldType.STRING));
    private static final Schema FLAGGED = Schema.of(Field.of("customer_id", FieldType.STRING),
            Field.of("marketing_ok", FieldType.BOOLEAN));
    private static final Schema CONSENTS = Schema.of(Field.of("id", FieldType.STRING),
            Field.of("purpose", FieldType.STRING), Field.of("granted", FieldType.STRING));

    private static List<Object[]> customers() {
        return List.of(row("C1", "a@x.org", "marketing;analytics"), row("C2", "b@x.org", "analytics"),
                row("C3", "c@x.org", null), row("C4", "d@x.org", "Marketing"), row("C5", "e@x.org", ""),
                row(null, "f@x.org", "marketing"));
    }

    private StepTestRunner byColumn(List<Object[]> rows) {
        return new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "marketing")
                .param("column", "consent").input("in", CUSTOMERS, rows, 2);
    }

    private static List<Object> ids(StepTestRunner r) {
        return r.output().stream().map(x -> x[0]).toList();
    }

    @Test
    void keepsRowsWhoseConsentColumnListsThePurposeAndCountsTheRestAsFiltered() throws Exception {
        StepTestRunner r = byColumn(customers()).run().assertRowsAccountedFor();
        assertEquals(java.util.Arrays.asList("C1", "C4", null), ids(r));
        assertEquals(3, r.filtered());
    }

    @Test
    void aBooleanConsentColumnKeepsTheTrueRows() throws Exception {
        StepTestRunner r = new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "marketing")
                .param("column", "marketing_ok")
                .input("in", FLAGGED, row("C1", true), row("C2", false), row("C3", null)).run().assertRowsAccountedFor();
        assertEquals(List.of("C1"), ids(r));
    }

    @Test
    void aConsentTableGrantsPerKeyAndAWithdrawalWins() throws Exception {
        StepTestRunner r = new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "marketing")
                .param("on", "customer_id").param("consentOn", "id").param("grantedColumn", "granted")
                .input("in", CUSTOMERS, customers(), 2)
                .input("consent", CONSENTS, List.of(row("C1", "marketing", "yes"), row("C2", "analytics", "yes"),
                        row("C3", "marketing", "yes"), row("C3", "marketing", "no"), row("C4", "MARKETING", "true"),
                        row(null, "marketing", "yes")), 4)
                .run().assertRowsAccountedFor();
        assertEquals(List.of("C1", "C4"), ids(r));
        // 4 input rows dropped + 6 consent rows read, not passed on.
        assertEquals(10, r.filtered());
    }

    @Test
    void emptyInputGivesEmptyOutput() throws Exception {
        StepTestRunner r = byColumn(List.of()).run().assertRowsAccountedFor();
        assertEquals(0, r.output().size());
    }

    @Test
    void withoutTheConsentInputOnFailsWithAFix() {
        StepTestRunner r = new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "marketing")
                .param("on", "customer_id").input("in", CUSTOMERS, customers(), 2);
        StepFailure f = assertThrows(StepFailure.class, r::run);
        assertTrue(f.getMessage().contains("connect the consent table"), f.getMessage());
    }

    @Test
    void badParametersAreRefused() {
        new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "Marketing!").param("column", "consent")
                .input("in", CUSTOMERS).assertInvalid("purpose", "is not a purpose");
        new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "marketing")
                .input("in", CUSTOMERS).assertInvalid("column", "neither");
        new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "marketing").param("column", "consent")
                .param("on", "customer_id").input("in", CUSTOMERS).assertInvalid("on", "both");
        new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "marketing").param("column", "nope")
                .input("in", CUSTOMERS).assertInvalid("column", "nope");
        new StepTestRunner(new ConsentFilterStepType(), dir).param("purpose", "marketing").param("on", "customer_id")
                .input("in", CUSTOMERS).input("consent", CONSENTS).assertInvalid("on", "no column 'customer_id'");
    }

    @Test
    void theOutputSchemaIsTheInputsAtDesignTime() {
        ConsentFilterStepType type = new ConsentFilterStepType();
        Parameters p = Parameters.of(type.descriptor(), Map.of("purpose", "marketing", "column", "consent"));
        assertEquals(Map.of("out", CUSTOMERS), type.outputSchemas(p, Map.of("in", CUSTOMERS)).orElseThrow());
    }
}
