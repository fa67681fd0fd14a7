package org.assay.transforms.internal.expr;

import static org.assay.transforms.internal.expr.ExpressionTest.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.assay.api.data.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Operand types checked against a schema before any row is read. */
class ExpressionTypesTest {

    private static String misfit(String source) {
        Expression e = ExpressionCompiler.compile(source);
        return assertThrows(ExpressionException.class, () -> e.checkTypes(SCHEMA), source).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lower(n)|lower() needs text, but column 'n' is integer; cast the column to string",
        "trim(ok)|trim() needs text, but column 'ok' is boolean",
        "contains(name, 1)|contains() needs text, but it is given integer",
        "matches(n, 'a')|matches() needs text, but column 'n' is integer",
        "substring(name, 1.5)|substring() needs a whole number (integer), but it is given decimal",
        "year(name)|year() needs a date or timestamp, but column 'name' is text; read ISO text as a date with date(x)",
        "days_between(d, n)|days_between() needs a date or timestamp, but column 'n' is integer",
        "month(ok)|month() needs a date or timestamp",
        "date(n)|date() needs ISO text or a date",
        "round(name)|round() needs a number, but column 'name' is text; cast the column to a number",
        "round(x, 1.5)|round() needs a whole number",
        "abs(d)|abs() needs a number, but column 'd' is date",
        "max(n, name)|max() needs a number, but column 'name' is text",
        "x - name|- needs a number, but column 'name' is text",
        "n * ok|* needs a number, but column 'ok' is boolean",
        "d + 1|+ needs a number, but column 'd' is date",
        "n / city|/ needs a number, but column 'city' is text",
        "n % name|% needs a number",
        "-name|- needs a number",
        "d > '2024-01-01'|cannot order date against text; compare a date with date('2024-01-31')",
        "n < name|cannot order integer against text",
        "d < t|cannot order date against timestamp",
        "ok && lower(n) == 'x'|lower() needs text",
        "coalesce(lower(n), 'x')|lower() needs text",
        "ok ? upper(x) : 'y'|upper() needs text",
    })
    void misfitsAreRefusedWithThePlace(String source, String expected) {
        String m = misfit(source);
        assertTrue(m.contains(expected), source + " -> " + m);
        assertTrue(m.contains("(line 1, column "), "with the place: " + m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lower(city) == 'oslo'", "name + n", "'n=' + n", "n + x > 2", "d > date('2024-01-01')",
        "days_between(d, t) > 0", "year(t) == 2023", "round(x, 2)", "substring(name, n, 2)", "abs(-n) + max(n, x)",
        "coalesce(missing, n) / 2", "missing + 1", "!missing", "n =~ [1, 2]", "ok == true", "date(name) > d",
        "unknown_column + 1", "coalesce(n, name)", "length(trim(name)) >= 3", "city < 'P'"})
    void fittingOrUnknownOperandsPass(String source) {
        ExpressionCompiler.compile(source).checkTypes(SCHEMA);
    }

    @Test
    void checkingGivesTheInferredType() {
        assertEquals(Optional.of(FieldType.BOOLEAN), ExpressionCompiler.compile("lower(city) == 'oslo'")
                .checkTypes(SCHEMA));
        assertEquals(Optional.of(FieldType.DECIMAL), ExpressionCompiler.compile("n + x").checkTypes(SCHEMA));
        assertEquals(Optional.of(FieldType.STRING), ExpressionCompiler.compile("name + n").checkTypes(SCHEMA));
        assertEquals(Optional.empty(), ExpressionCompiler.compile("coalesce(n, name)").checkTypes(SCHEMA));
    }

    @Test
    void inferringNeverRefuses() {
        assertEquals(Optional.of(FieldType.STRING), ExpressionCompiler.compile("lower(n)").inferType(SCHEMA));
        assertFalse(ExpressionCompiler.compile("d - 1").inferType(SCHEMA).isPresent());
    }
}
