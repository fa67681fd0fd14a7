package org.assay.transforms.internal;

import static org.assay.transforms.internal.FilterStepTest.CUSTOMERS;
import static org.assay.transforms.internal.FilterStepTest.customers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

class DeriveStepTest {

    @TempDir
    Path dir;

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private StepTestRunner derive(Map<String, String> columns, Map<String, String> types) {
        return new StepTestRunner(new DeriveStepType(), dir).param("columns", columns).param("types", types)
                .input("in", CUSTOMERS, customers(), 2);
    }

    private static List<Object> column(StepTestRunner r, int col) {
        return r.output().stream().map(row -> row[col]).toList();
    }

    @Test
    void newColumnsAreAppendedTypedAndDivisionByZeroIsQuarantined() throws Exception {
        StepTestRunner r = derive(ordered("spend_per_order", "total_spend / orders", "joined", "year(signup)",
                "big", "total_spend > 100"), Map.of("spend_per_order", "decimal")).run();

        Schema expected = Schema.of(CUSTOMERS.fields().toArray(new Field[0]))
                .with(Field.of("spend_per_order", FieldType.DECIMAL)).with(Field.of("joined", FieldType.INTEGER))
                .with(Field.of("big", FieldType.BOOLEAN));
        assertEquals(expected, r.outputSchema("out"));
        assertEquals(Arrays.asList(40.0, null, 90.05, 10.0), column(r, 5), "null orders give null; 0 quarantines");
        assertEquals(Arrays.asList(2024L, null, 2024L, 2022L), column(r, 6));
        assertEquals(Arrays.asList(true, false, true, false), column(r, 7));
        assertEquals(1, r.quarantined().size());
        StepTestRunner.Rejected q = r.quarantined().get(0);
        assertTrue(q.reason().contains("spend_per_order = 'total_spend / orders'")
                && q.reason().contains("division by zero"), q.reason());
        assertFalse(q.record().contains("b@example.com"), "pii masked");
        r.assertRowsAccountedFor();
    }

    @Test
    void aReplacedColumnKeepsItsPlaceAndTags() throws Exception {
        StepTestRunner r = derive(ordered("email", "lower(upper(email))", "orders", "coalesce(orders, 0)"),
                Map.of()).run();

        assertEquals(CUSTOMERS.names(), r.outputSchema("out").names());
        assertTrue(r.outputSchema("out").field("email").has(FieldTag.PII));
        assertEquals(Arrays.asList(3L, 0L, 0L, 10L, 1L), column(r, 2));
        assertEquals(Arrays.asList("a@example.com", "b@example.com", null, "d@example.com", "e@example.com"),
                column(r, 1));
        assertEquals(5, r.output().size());
        r.assertRowsAccountedFor();
    }

    @Test
    void aValueOfTheWrongTypeIsQuarantined() throws Exception {
        StepTestRunner r = derive(ordered("half", "orders / 2"), Map.of("half", "integer")).run();

        assertEquals(Arrays.asList(0L, null, 5L), column(r, 5), "3/2 and 1/2 are not whole");
        assertEquals(2, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("gave a decimal number, not integer"),
                r.quarantined().get(0).reason());
        r.assertRowsAccountedFor();
    }

    @Test
    void declaredTextTypeTakesNumbers() throws Exception {
        StepTestRunner r = derive(ordered("label", "total_spend"), Map.of("label", "string")).run();
        assertEquals(Arrays.asList("120", "0", "50", "900.5", "10"), column(r, 5));
    }

    @Test
    void anUntypedColumnIsRefusedAtDeployAskingForTheType() {
        derive(ordered("x", "orders > 1 ? orders : 'none'"), Map.of()).assertInvalid("types",
                "the type of x does not follow from its expression; declare it, e.g. \"types\": {\"x\": \"decimal\"}");
    }

    @Test
    void aResultThatCannotHaveTheDeclaredTypeIsRefusedAtDeploy() throws Exception {
        derive(ordered("x", "lower(email)"), Map.of("x", "integer")).assertInvalid("columns.x",
                "the expression 'lower(email)' gives text, but types declares integer; change the type or the expression");
        derive(ordered("x", "orders > 1"), Map.of("x", "date")).assertInvalid("columns.x", "gives boolean");
        derive(ordered("x", "lower(orders)"), Map.of()).assertInvalid("columns.x", "lower() needs text");
        // Numbers store as either numeric type (a whole decimal as an integer), anything as text.
        derive(ordered("a", "total_spend * 2", "b", "orders", "c", "signup"),
                Map.of("a", "integer", "b", "decimal", "c", "string")).run().assertRowsAccountedFor();
    }

    @Test
    void emptyInput() throws Exception {
        StepTestRunner r = new StepTestRunner(new DeriveStepType(), dir).param("columns", Map.of("n", "orders + 1"))
                .input("in", CUSTOMERS, List.of(), 2).run();
        assertTrue(r.output().isEmpty());
        assertEquals(FieldType.INTEGER, r.outputSchema("out").field("n").type());
    }

    @Test
    void badParametersAreRefusedAtDeploy() {
        derive(Map.of("x", "orders +"), Map.of()).assertInvalid("columns.x", "syntax error at line 1");
        derive(Map.of("x", "orders.getClass()"), Map.of()).assertInvalid("columns.x", "method call is not allowed");
        derive(Map.of("x", "rnd(orders)"), Map.of()).assertInvalid("columns.x", "unknown function 'rnd'; did you "
                + "mean 'round'?");
        derive(Map.of(), Map.of()).assertInvalid("columns", "name at least one column");
        derive(Map.of("x", "orders"), Map.of("y", "integer")).assertInvalid("types", "'y' is not derived");
        derive(Map.of("x", "orders"), Map.of("x", "money")).assertInvalid("types", "'money' is not a type");
    }

    @Test
    void anUnknownColumnIsRefusedBeforeTheRun() {
        derive(Map.of("x", "ordrs + 1"), Map.of()).assertInvalid("columns.x",
                "the expression 'ordrs + 1' reads no column 'ordrs' in the input; did you mean 'orders'?");
    }

    @Test
    void designTimeSchema() {
        DeriveStepType type = new DeriveStepType();
        Schema s = type.outputSchemas(Parameters.of(type.descriptor(), Map.of("columns",
                ordered("spo", "total_spend / orders", "name", "lower(email)"))), Map.of("in", CUSTOMERS))
                .orElseThrow().get("out");
        assertEquals(FieldType.DECIMAL, s.field("spo").type());
        assertEquals(FieldType.STRING, s.field("name").type());
        assertEquals(Optional.empty(), type.outputSchemas(Parameters.of(type.descriptor(), Map.of("columns",
                Map.of("x", "ordrs + 1"))), Map.of("in", CUSTOMERS)), "unknown column: unknown schema");
        assertEquals(Optional.empty(), type.outputSchemas(Parameters.of(type.descriptor(), Map.of("columns",
                Map.of("x", "null"))), Map.of("in", CUSTOMERS)), "no type: unknown schema");
        assertEquals(FieldType.DATE, type.outputSchemas(Parameters.of(type.descriptor(), Map.of("columns",
                Map.of("x", "null"), "types", Map.of("x", "date"))), Map.of("in", CUSTOMERS)).orElseThrow()
                .get("out").field("x").type());
    }
}
