package org.assay.connectors.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcReaderStepTest {

    @TempDir
    Path dir;

    private DataSource crm;
    private TestSources sources;

    @BeforeEach
    void database() throws Exception {
        crm = TestSources.h2("crm");
        // Unquoted, as people write it: H2 stores CUSTOMERS, and "customers" must still find it.
        TestSources.sql(crm, """
                CREATE TABLE customers (customer_id INT PRIMARY KEY, name VARCHAR(40), spend NUMERIC(10,2),
                    visits NUMERIC(9,0), vip BOOLEAN, since DATE, seen TIMESTAMP, seen_tz TIMESTAMP WITH TIME ZONE,
                    opens TIME, email VARCHAR(80))""",
                "INSERT INTO customers VALUES (1, 'Ann', 42.50, 3, TRUE, DATE '2024-01-05', TIMESTAMP '2024-05-01 10:15:30',"
                        + " TIMESTAMP WITH TIME ZONE '2024-05-01 12:15:30+02:00', TIME '09:00:00', 'ann@example.com')",
                "INSERT INTO customers VALUES (2, 'Bo', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        sources = new TestSources().with("crm", crm);
    }

    private StepTestRunner reader() {
        return new StepTestRunner(new JdbcReaderStepType(sources), dir).param("dataSource", "crm");
    }

    @Test
    void readsATableWithItsTypesAndNulls() throws Exception {
        StepTestRunner r = reader().param("table", "customers").param("tags", Map.of("email", "pii", "customer_id", "id"))
                .run();

        Schema s = r.outputSchema("out");
        assertEquals(List.of("CUSTOMER_ID", "NAME", "SPEND", "VISITS", "VIP", "SINCE", "SEEN", "SEEN_TZ", "OPENS", "EMAIL"),
                s.names());
        assertEquals(List.of(FieldType.INTEGER, FieldType.STRING, FieldType.DECIMAL, FieldType.INTEGER, FieldType.BOOLEAN,
                FieldType.DATE, FieldType.TIMESTAMP, FieldType.TIMESTAMP, FieldType.STRING, FieldType.STRING),
                s.fields().stream().map(Field::type).toList());
        assertFalse(s.field("CUSTOMER_ID").nullable(), "a primary key is not nullable");
        List<Object[]> rows = r.output("out");
        assertArrayEquals(new Object[] {1L, "Ann", 42.5, 3L, true, LocalDate.of(2024, 1, 5),
                Instant.parse("2024-05-01T10:15:30Z"), Instant.parse("2024-05-01T10:15:30Z"), "09:00:00", "ann@example.com"},
                rows.get(0));
        assertArrayEquals(new Object[] {2L, "Bo", null, null, null, null, null, null, null, null}, rows.get(1));
        assertEquals(2, r.countedIn());
        r.assertRowsAccountedFor();
    }

    @Test
    void tagsNameColumnsOfTheResult() throws Exception {
        StepTestRunner r = reader().param("query", "SELECT customer_id AS id, email FROM customers")
                .param("tags", Map.of("EMAIL", "pii", "ID", "id")).run();
        assertTrue(r.outputSchema("out").field("EMAIL").has(FieldTag.PII));
        assertTrue(r.outputSchema("out").field("ID").has(FieldTag.ID));

        StepFailure f = assertThrows(StepFailure.class, () -> reader().param("table", "customers")
                .param("tags", Map.of("mail", "pii")).run());
        assertTrue(f.getMessage().contains("no column 'mail'"), f.getMessage());
        reader().param("table", "customers").param("tags", Map.of("email", "secret")).assertInvalid("tags", "unknown field tag");
    }

    @Test
    void aQueryBindsNamedParametersConvertedToTheirSqlTypes() throws Exception {
        StepTestRunner r = reader()
                .param("query", "SELECT customer_id, name FROM customers WHERE since >= :since AND customer_id < :max -- :not_a_param")
                .param("parameters", Map.of("since", "2024-01-01", "max", "10")).run();
        assertEquals(1, r.output("out").size());
        assertEquals("Ann", r.output("out").get(0)[1]);

        StepFailure f = assertThrows(StepFailure.class, () -> reader()
                .param("query", "SELECT * FROM customers WHERE since >= :since").param("parameters", Map.of("since", "soon"))
                .run());
        assertEquals("parameter parameters.since: 'soon' is not a date (2024-01-31), which the query needs for :since",
                f.getMessage());
    }

    @Test
    void parametersAndQueryMustAgree() {
        reader().param("query", "SELECT * FROM customers WHERE name = :name")
                .assertInvalid("parameters", "uses :name but parameters gives no value");
        reader().param("query", "SELECT * FROM customers").param("parameters", Map.of("x", "1"))
                .assertInvalid("parameters", "'x' is not used by the query");
        reader().param("table", "customers").param("query", "SELECT 1").assertInvalid(null, "not both");
        reader().assertInvalid(null, "give the table to read");
        reader().param("table", "customers").param("fetchSize", 0).assertInvalid("fetchSize", "");
    }

    @Test
    void aValueIsNeverPartOfTheSql() throws Exception {
        StepTestRunner r = reader().param("query", "SELECT * FROM customers WHERE name = :name")
                .param("parameters", Map.of("name", "x' OR '1'='1")).run();
        assertEquals(0, r.output("out").size(), "the value is compared as text, not run as SQL");

        // A literal that looks like a parameter stays a literal.
        StepTestRunner lit = reader().param("query", "SELECT ':name' AS t, \"NAME\" FROM customers WHERE customer_id = 1")
                .run();
        assertEquals(":name", lit.output("out").get(0)[0]);
    }

    @Test
    void onlyOneReadingStatementIsAccepted() throws Exception {
        reader().param("query", "SELECT * FROM customers; DROP TABLE customers").assertInvalid("query", "one statement");
        reader().param("query", "DELETE FROM customers").assertInvalid("query", "must read");
        reader().param("query", "/* hi */ UPDATE customers SET name = 'x'").assertInvalid("query", "must read");
        reader().param("query", "SELECT 'unclosed FROM customers").assertInvalid("query", "never closed");
        reader().param("table", "customers; DROP TABLE customers").assertInvalid("table", "is not a table name");
        reader().param("table", "customers\" --").assertInvalid("table", "is not a table name");
        // A trailing semicolon and a comment after it are fine.
        assertEquals(2, reader().param("query", "SELECT * FROM customers; -- all").run().output("out").size());
        assertEquals(2, TestSources.count(crm, "customers"));
    }

    @Test
    void aMissingTableIsNamedWithTheNearestOne() {
        StepFailure f = assertThrows(StepFailure.class, () -> reader().param("table", "custmers").run());
        assertEquals("parameter table: no table 'custmers' in data source 'crm'. Did you mean 'customers'? "
                + "Its tables: [customers]", f.getMessage());
    }

    @Test
    void aMissingDataSourceNamesTheConfigFile() {
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(new JdbcReaderStepType(sources), dir)
                .param("dataSource", "cmr").param("table", "customers").run());
        assertEquals("parameter dataSource: no data source 'cmr' is configured; create etc/org.ops4j.datasource-cmr.cfg "
                + "(see the README, \"Databases\"). Did you mean 'crm'? Configured: [crm]", f.getMessage());
    }

    @Test
    void anUnreachableDataSourceGivesTheDriversReasonWithoutAStackTrace() {
        JdbcDataSource gone = new JdbcDataSource();
        gone.setURL("jdbc:h2:" + dir.resolve("nothing-here") + ";IFEXISTS=TRUE");
        sources.with("gone", gone);
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(new JdbcReaderStepType(sources), dir)
                .param("dataSource", "gone").param("table", "customers").run());
        assertTrue(f.getMessage().startsWith("parameter dataSource: data source 'gone' cannot be reached: Database "),
                f.getMessage());
        assertTrue(f.getMessage().endsWith("Check url, user and password in etc/org.ops4j.datasource-gone.cfg and that "
                + "the database server is running."), f.getMessage());
        assertFalse(f.getMessage().contains("\n") || f.getMessage().contains("\tat "), "one line, no stack trace");
    }

    @Test
    void binaryColumnsAndDuplicateNamesAreRefused() throws Exception {
        TestSources.sql(crm, "CREATE TABLE photos (id INT, picture VARBINARY(100))");
        StepFailure f = assertThrows(StepFailure.class, () -> reader().param("table", "photos").run());
        assertTrue(f.getMessage().startsWith("column PICTURE holds binary data"), f.getMessage());
        StepFailure d = assertThrows(StepFailure.class, () -> reader()
                .param("query", "SELECT c.customer_id, d.customer_id FROM customers c JOIN customers d ON c.customer_id = d.customer_id")
                .run());
        assertTrue(d.getMessage().contains("two columns named 'CUSTOMER_ID'"), d.getMessage());
    }

    @Test
    void aBigTableStreamsInBatches() throws Exception {
        TestSources.sql(crm, "CREATE TABLE events AS SELECT X AS id, CAST(X * 1.5 AS DOUBLE) AS v FROM SYSTEM_RANGE(1, 10000)");
        StepTestRunner r = reader().param("table", "events").param("fetchSize", 500).run();
        assertEquals(3, r.outputBatches("out").size(), "10,000 rows in batches of 4,096");
        assertEquals(10000, r.output("out").size());
        assertEquals(10000L, r.output("out").get(9999)[0]);
        r.assertRowsAccountedFor();
    }

    @Test
    void theDesignTimeSchemaComesFromTheDatabaseWhenItIsUp() {
        JdbcReaderStepType type = new JdbcReaderStepType(sources);
        Optional<Map<String, Schema>> schemas = type.outputSchemas(Parameters.of(type.descriptor(), Map.of("dataSource", "crm",
                "query", "SELECT customer_id, since FROM customers WHERE name = :n", "parameters", Map.of("n", "Ann"))), Map.of());
        assertEquals(Schema.of(Field.of("CUSTOMER_ID", FieldType.INTEGER).withNullable(false),
                Field.of("SINCE", FieldType.DATE)), schemas.orElseThrow().get("out"));

        Optional<Map<String, Schema>> unknown = type.outputSchemas(Parameters.of(type.descriptor(), Map.of("dataSource",
                "elsewhere", "table", "customers")), Map.of());
        assertTrue(unknown.isEmpty(), "a source that is not configured has no schema yet, and deploying does not fail");
    }
}
