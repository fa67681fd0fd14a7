package org.assay.transforms.internal.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    static final Schema SCHEMA = Schema.of(Field.of("n", FieldType.INTEGER), Field.of("x", FieldType.DECIMAL),
            Field.of("name", FieldType.STRING), Field.of("d", FieldType.DATE), Field.of("t", FieldType.TIMESTAMP),
            Field.of("ok", FieldType.BOOLEAN), Field.of("missing", FieldType.INTEGER),
            Field.of("city", FieldType.CATEGORICAL));

    private static Object eval(String source) {
        BatchBuilder b = new BatchBuilder(SCHEMA);
        b.set(0, 7L).set(1, 2.5).set(2, "  Ann Lee ").set(3, LocalDate.of(2024, 3, 15))
                .set(4, Instant.parse("2023-12-31T23:00:00Z")).set(5, true).setNull(6).set(7, "Oslo");
        b.endRow();
        Batch batch = b.build();
        return ExpressionCompiler.compile(source).evaluate(new RowContext(SCHEMA).at(batch, 0));
    }

    private static String failure(String source) {
        return assertThrows(Expression.EvaluationFailure.class, () -> eval(source)).getMessage();
    }

    @Test
    void arithmeticAndComparisons() {
        assertEquals(8L, ((Number) eval("n + 1")).longValue());
        assertEquals(3.5, eval("n / 2"), "division is decimal");
        assertEquals(1L, ((Number) eval("n % 2")).longValue());
        assertEquals(true, eval("n > 5 && x <= 2.5"));
        assertEquals(true, eval("city == 'Oslo' || false"));
        assertEquals(true, eval("city =~ ['Oslo', 'Rome']"));
        assertEquals(true, eval("n =~ [1, 7]"), "a Long column matches an int literal");
        assertEquals(true, eval("name =~ '.*Ann.*'"));
        assertEquals("yes", eval("ok ? 'yes' : 'no'"));
        assertEquals("31", eval("'3' + 1"), "no text-to-number coercion");
    }

    @Test
    void nullRules() {
        assertEquals(null, eval("missing + 1"));
        assertEquals(null, eval("missing * x"));
        assertEquals(null, eval("-missing"));
        assertEquals(null, eval("missing / 2"));
        assertEquals(false, eval("missing > 1"));
        assertEquals(false, eval("missing < 1"));
        assertEquals(false, eval("missing >= 0"));
        assertEquals(true, eval("missing == null"));
        assertEquals(false, eval("missing != null"));
        assertEquals(false, eval("missing == 1"));
        assertEquals(false, eval("missing && true"), "null counts as false");
        assertEquals(true, eval("!missing"));
        assertEquals(true, eval("!(missing > 1)"), "documented: negating a false comparison");
        assertEquals("b", eval("missing ? 'a' : 'b'"));
        assertEquals(7L, ((Number) eval("missing ?? n")).longValue());
        assertEquals(null, eval("lower(missing)"));
        assertEquals(null, eval("year(missing)"));
    }

    @Test
    void failuresArePlain() {
        assertEquals("division by zero", failure("n / 0"));
        assertEquals("modulo by zero", failure("n % 0"));
        assertTrue(failure("lower(n)").contains("lower: expected text, got a number"));
        assertTrue(failure("year(name)").contains("expected a date"));
        assertTrue(failure("date('31/01/2024')").contains("not an ISO date"));
    }

    @Test
    void dateFunctions() {
        assertEquals(2024L, eval("year(d)"));
        assertEquals(3L, eval("month(d)"));
        assertEquals(15L, eval("day(d)"));
        assertEquals(2023L, eval("year(t)"), "timestamps are read in UTC");
        assertEquals(14L, eval("days_between(date('2024-03-01'), d)"));
        assertEquals(-14L, eval("days_between(d, date('2024-03-01'))"));
        assertEquals(LocalDate.of(2024, 1, 31), eval("date('2024-01-31')"));
        assertEquals(true, eval("d > date('2024-01-01')"));
        assertEquals(true, eval("today() > date('2020-01-01')"));
        assertEquals(true, eval("days_between(d, today()) >= 0"));
    }

    @Test
    void textFunctions() {
        assertEquals("  ann lee ", eval("lower(name)"));
        assertEquals("  ANN LEE ", eval("fn:upper(name)"), "the fn: namespace reaches the same library");
        assertEquals("Ann Lee", eval("trim(name)"));
        assertEquals(10L, eval("length(name)"));
        assertEquals(true, eval("contains(name, 'Lee')"));
        assertEquals(false, eval("contains(name, 'lee')"));
        assertEquals(true, eval("starts_with(trim(name), 'Ann')"));
        assertEquals(true, eval("ends_with(city, 'lo')"));
        assertEquals(true, eval("matches(name, 'A[a-z]+ L')"));
        assertEquals(false, eval("matches(name, '^Ann')"));
        assertEquals("Ann", eval("substring(trim(name), 0, 3)"));
        assertEquals("Lee", eval("substring(trim(name), 4)"));
        assertEquals("", eval("substring(name, 99)"), "clamped");
        assertEquals("Ann Lee", eval("substring(trim(name), -5, 100)"), "clamped");
    }

    @Test
    void numberFunctions() {
        assertEquals(3L, eval("round(x)"), "half up");
        assertEquals(2.57, eval("round(2.5666, 2)"));
        assertEquals(7L, eval("abs(-n)"));
        assertEquals(2.5, eval("abs(-x)"));
        assertEquals(7L, eval("coalesce(missing, n)"));
        assertEquals(null, eval("coalesce(missing, null)"));
        assertEquals(2.5, eval("min(n, x)"));
        assertEquals(7L, eval("max(n, 3)"));
        assertEquals(null, eval("max(missing, 3)"));
    }

    @Test
    void columnsAndTypes() {
        Expression e = ExpressionCompiler.compile("lower(name) == 'x' && fn:year(d) > n");
        assertEquals(Set.of("name", "d", "n"), e.columns(), "function names are not columns");
        assertEquals(Optional.of("nme"), ExpressionCompiler.compile("nme + 1").unknownColumn(SCHEMA));
        assertEquals(Optional.of(FieldType.BOOLEAN), e.inferType(SCHEMA));
        assertEquals(Optional.of(FieldType.DECIMAL), ExpressionCompiler.compile("n / 2").inferType(SCHEMA));
        assertEquals(Optional.of(FieldType.INTEGER), ExpressionCompiler.compile("n * 2 + 1").inferType(SCHEMA));
        assertEquals(Optional.of(FieldType.DECIMAL), ExpressionCompiler.compile("n + x").inferType(SCHEMA));
        assertEquals(Optional.of(FieldType.STRING), ExpressionCompiler.compile("city + '!'").inferType(SCHEMA));
        assertEquals(Optional.of(FieldType.DATE), ExpressionCompiler.compile("coalesce(d, today())")
                .inferType(SCHEMA));
        assertEquals(Optional.of(FieldType.INTEGER), ExpressionCompiler.compile("ok ? n : null").inferType(SCHEMA));
        assertEquals(Optional.empty(), ExpressionCompiler.compile("ok ? n : name").inferType(SCHEMA));
        assertEquals(Optional.empty(), ExpressionCompiler.compile("null").inferType(SCHEMA));
    }
}
