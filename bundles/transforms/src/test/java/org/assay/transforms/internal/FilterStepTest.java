package org.assay.transforms.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
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

class FilterStepTest {

    @TempDir
    Path dir;

    static final Schema CUSTOMERS = Schema.of(
            Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("orders", FieldType.INTEGER),
            Field.of("total_spend", FieldType.DECIMAL),
            Field.of("signup", FieldType.DATE));

    static List<Object[]> customers() {
        return List.of(
                row(1L, "a@example.com", 3L, 120.0, LocalDate.of(2024, 1, 5)),
                row(2L, "b@example.com", 0L, 0.0, LocalDate.of(2023, 6, 1)),
                row(3L, null, null, 50.0, null),
                row(4L, "d@example.com", 10L, 900.5, LocalDate.of(2024, 7, 1)),
                row(5L, "e@example.com", 1L, 10.0, LocalDate.of(2022, 2, 2)));
    }

    private StepTestRunner filter(String expression) {
        return new StepTestRunner(new FilterStepType(), dir).param("expression", expression)
                .input("in", CUSTOMERS, customers(), 2);
    }

    private static List<Object> ids(StepTestRunner r) {
        return r.output().stream().map(row -> row[0]).toList();
    }

    @Test
    void keepsTrueRowsAndCountsFalseAndNullAsFiltered() throws Exception {
        StepTestRunner r = filter("orders > 0 && year(signup) >= 2024").run();

        assertEquals(List.of(1L, 4L), ids(r));
        assertEquals(3, r.filtered(), "false and null rows are filtered, not quarantined");
        assertTrue(r.quarantined().isEmpty());
        assertEquals(CUSTOMERS, r.outputSchema("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void nullColumnTestsAndNullComparisons() throws Exception {
        assertEquals(List.of(3L), ids(filter("orders == null").run()));
        assertEquals(List.of(1L, 2L, 4L, 5L), ids(filter("orders != null").run()));
        assertEquals(List.of(2L, 5L), ids(filter("orders < 2").run()), "a null is not less than 2");
    }

    @Test
    void aFailingRowGoesToQuarantineWithTheExpressionAndReasonAndPiiMasked() throws Exception {
        StepTestRunner r = filter("total_spend / orders > 30").run();

        assertEquals(List.of(1L, 4L), ids(r));
        assertEquals(1, r.quarantined().size(), "2 has 0 orders; 3 has null orders, so null > 30 is false");
        StepTestRunner.Rejected q = r.quarantined().get(0);
        assertEquals(2, q.rowNumber());
        assertTrue(q.reason().contains("total_spend / orders > 30") && q.reason().contains("division by zero"),
                q.reason());
        assertFalse(q.record().contains("b@example.com"), "pii is masked: " + q.record());
        assertEquals(2, r.filtered());
        r.assertRowsAccountedFor();
    }

    @Test
    void aNonBooleanResultIsRefusedAtDeployWhenItsTypeIsKnownAndQuarantinedWhenNot() throws Exception {
        filter("orders").assertInvalid("expression", "the expression 'orders' gives integer, not true or false; "
                + "compare it, e.g. 'orders > 0'");
        filter("lower(email)").assertInvalid("expression", "gives text, not true or false");
        // A value of mixed type (a number or a text) is only known per row.
        StepTestRunner r = filter("coalesce(orders, email)").run();

        assertEquals(4, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("not true or false"));
        assertEquals(1, r.filtered(), "the null row");
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputGivesAnEmptyOutputWithTheSchema() throws Exception {
        StepTestRunner r = new StepTestRunner(new FilterStepType(), dir).param("expression", "orders > 1")
                .input("in", CUSTOMERS, List.of(), 2).run();

        assertTrue(r.output().isEmpty());
        assertEquals(CUSTOMERS, r.outputSchema("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void allRowsKeptAndNoneKept() throws Exception {
        assertEquals(5, filter("true").run().output().size());
        StepTestRunner none = filter("false").run();
        assertEquals(0, none.output().size());
        assertEquals(5, none.filtered());
        none.assertRowsAccountedFor();
    }

    @Test
    void badExpressionsAreRefusedAtDeploy() {
        filter("orders >").assertInvalid("expression", "syntax error at line 1, column");
        filter("lowr(email) == 'x'").assertInvalid("expression", "did you mean 'lower'?");
        filter("''.getClass() == null").assertInvalid("expression", "method call is not allowed");
        filter("x = 1; true").assertInvalid("expression", "';' separates statements");
        new StepTestRunner(new FilterStepType(), dir).assertInvalid("expression", "");
    }

    @Test
    void anUnknownColumnIsRefusedAtTheExpressionBeforeTheRun() {
        filter("ordrs > 1").assertInvalid("expression",
                "the expression 'ordrs > 1' reads no column 'ordrs' in the input; did you mean 'orders'?");
    }

    @Test
    void operandTypesAreCheckedAtDeployWithThePlaceInTheExpression() {
        filter("lower(orders) == 'x'").assertInvalid("expression", "the expression 'lower(orders) == 'x'': lower() "
                + "needs text, but column 'orders' is integer; cast the column to string with a select step first "
                + "(line 1, column 7)");
        filter("signup > '2024-01-01'").assertInvalid("expression", "cannot order date against text; compare a date "
                + "with date('2024-01-31') (line 1, column 10)");
        filter("orders > 0 && year(email) > 2000").assertInvalid("expression", "year() needs a date or timestamp, "
                + "but column 'email' is text; read ISO text as a date with date(x) (line 1, column 20)");
        filter("total_spend - email > 0").assertInvalid("expression", "- needs a number, but column 'email' is text");
    }

    @Test
    void everyIssueListedFunctionRunsOnRowsWithItsDocumentedNulls() throws Exception {
        // Row 3 has null orders, email and signup: every function of a null is null, so the row is filtered.
        StepTestRunner r = filter("year(signup) >= 2023 && month(signup) >= 1 && days_between(signup, today()) > 0 "
                + "&& contains(lower(trim(email)), '@') && matches(email, '^[a-e]@') && substring(email, 0, 1) != 'x' "
                + "&& round(total_spend) >= 0 && abs(-orders) >= 0 && coalesce(orders, 0) >= 0").run();
        assertEquals(List.of(1L, 2L, 4L), ids(r));
        assertEquals(2, r.filtered());
        assertTrue(r.quarantined().isEmpty());
        r.assertRowsAccountedFor();
        StepTestRunner nulls = filter("coalesce(orders, -1) < 0").run();
        assertEquals(List.of(3L), ids(nulls), "coalesce is the one function that looks past a null");
    }

    @Test
    void designTimeSchemaIsTheInputsUnlessAColumnIsUnknown() {
        FilterStepType type = new FilterStepType();
        assertEquals(Optional.of(Map.of("out", CUSTOMERS)), type.outputSchemas(
                Parameters.of(type.descriptor(), Map.of("expression", "orders > 1")), Map.of("in", CUSTOMERS)));
        assertEquals(Optional.empty(), type.outputSchemas(
                Parameters.of(type.descriptor(), Map.of("expression", "ordrs > 1")), Map.of("in", CUSTOMERS)));
        assertEquals(Optional.empty(), type.outputSchemas(
                Parameters.of(type.descriptor(), Map.of("expression", "orders >")), Map.of("in", CUSTOMERS)));
    }
}
