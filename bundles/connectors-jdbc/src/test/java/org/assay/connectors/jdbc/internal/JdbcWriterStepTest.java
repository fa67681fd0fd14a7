package org.assay.connectors.jdbc.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcWriterStepTest {

    @TempDir
    Path dir;

    static final Schema SCHEMA = Schema.of(Field.of("customer_id", FieldType.INTEGER), Field.of("name", FieldType.STRING),
            Field.of("spend", FieldType.DECIMAL), Field.of("since", FieldType.DATE), Field.of("vip", FieldType.BOOLEAN),
            Field.of("seen", FieldType.TIMESTAMP), Field.of("segment", FieldType.CATEGORICAL));

    static final Object[][] ROWS = {
        row(1L, "Ann", 42.5, LocalDate.of(2024, 1, 5), true, Instant.parse("2024-05-01T10:15:30.123Z"), "gold"),
        row(2L, "Smith, \"Bo\"", null, null, false, null, null),
        row(3L, "张伟", 0.1, LocalDate.of(1999, 12, 31), null, Instant.parse("1970-01-01T00:00:00Z"), "silver"),
    };

    private DataSource db;
    private TestSources sources;

    @BeforeEach
    void database() {
        db = TestSources.h2("results");
        sources = new TestSources().with("results", db);
    }

    StepTestRunner writer(Schema schema, Object[]... rows) {
        return new StepTestRunner(new JdbcWriterStepType(sources), dir).param("dataSource", "results")
                .param("table", "segments").input("in", schema, rows);
    }

    List<Object[]> readBack(String table) throws Exception {
        return new StepTestRunner(new JdbcReaderStepType(sources), dir).param("dataSource", "results")
                .param("query", "SELECT * FROM " + table + " ORDER BY 1").run().output("out");
    }

    @Test
    void createsTheTableAndRoundTripsEveryType() throws Exception {
        StepTestRunner r = writer(SCHEMA, ROWS).param("keys", List.of("customer_id")).run();
        assertEquals(3, r.countedOut());
        r.assertRowsAccountedFor();

        StepTestRunner back = new StepTestRunner(new JdbcReaderStepType(sources), dir).param("dataSource", "results")
                .param("query", "SELECT * FROM \"segments\" ORDER BY \"customer_id\"").run();
        assertEquals(List.of("customer_id", "name", "spend", "since", "vip", "seen", "segment"),
                back.outputSchema("out").names());
        assertEquals(List.of(FieldType.INTEGER, FieldType.STRING, FieldType.DECIMAL, FieldType.DATE, FieldType.BOOLEAN,
                FieldType.TIMESTAMP, FieldType.STRING), back.outputSchema("out").fields().stream().map(Field::type).toList());
        List<Object[]> rows = back.output("out");
        for (int i = 0; i < ROWS.length; i++) {
            assertArrayEquals(ROWS[i], rows.get(i), "row " + i);
        }
        assertFalse(back.outputSchema("out").field("customer_id").nullable(), "the key became the primary key");
    }

    @Test
    void appendAddsAndReplaceSwapsTheRows() throws Exception {
        writer(SCHEMA, ROWS).run();
        writer(SCHEMA, ROWS[0]).run();
        assertEquals(4, TestSources.count(db, "\"segments\""));
        writer(SCHEMA, ROWS[1], ROWS[2]).param("mode", "replace").run();
        assertEquals(List.of(2L, 3L), readBack("\"segments\"").stream().map(r -> r[0]).toList());
    }

    @Test
    void upsertUpdatesRowsWithTheSameKeyAndInsertsTheRest() throws Exception {
        writer(SCHEMA, ROWS).param("keys", List.of("customer_id")).run();
        writer(SCHEMA, row(2L, "Bo", 7.0, null, true, null, "bronze"), row(4L, "Di", 1.0, null, false, null, null))
                .param("mode", "upsert").param("keys", List.of("customer_id")).run();
        List<Object[]> rows = readBack("\"segments\"");
        assertEquals(List.of(1L, 2L, 3L, 4L), rows.stream().map(r -> r[0]).toList());
        assertEquals("Bo", rows.get(1)[1]);
        assertEquals("bronze", rows.get(1)[6]);
        writer(SCHEMA, ROWS).param("mode", "upsert").assertInvalid("keys", "upsert needs the key columns");
    }

    @Test
    void aFailureMidWriteLeavesTheTableAsItWas() throws Exception {
        writer(SCHEMA, ROWS).param("keys", List.of("customer_id")).run();
        // Batches of 2: rows 10 and 11 go in (after replace's delete), then the second 10 collides.
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(10L, "x", null, null, null, null, null));
        rows.add(row(11L, "y", null, null, null, null, null));
        rows.add(row(10L, "dup", null, null, null, null, null));
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(new JdbcWriterStepType(sources), dir)
                .param("dataSource", "results").param("table", "segments").param("mode", "replace").param("batchSize", 2)
                .input("in", SCHEMA, rows, 4096).run());
        assertEquals(3, TestSources.count(db, "\"segments\""), f.getMessage());
        assertTrue(f.getMessage().startsWith("data source 'results', table segments: the database refused a row among "
                + "rows 3 to 3"), f.getMessage());
        rows.set(2, row(1L, "dup", null, null, null, null, null));
        StepFailure again = assertThrows(StepFailure.class, () -> writer(SCHEMA, rows.toArray(Object[][]::new))
                .param("batchSize", 2).run());
        assertTrue(again.getMessage().contains("refused a row among rows 3 to 3")
                && again.getMessage().endsWith("Set \"onReject\": \"quarantine\" to write the other rows."), again.getMessage());
        assertEquals(List.of(1L, 2L, 3L), readBack("\"segments\"").stream().map(r -> r[0]).toList(),
                "neither the delete of replace nor the first batch stayed");
    }

    @Test
    void aTableCreatedByAFailedRunIsDroppedAgain() throws Exception {
        assertThrows(StepFailure.class, () -> writer(SCHEMA, ROWS[0], ROWS[0]).param("keys", List.of("customer_id")).run());
        try (var c = db.getConnection()) {
            assertTrue(Tables.find(c, "segments").isEmpty());
        }
    }

    @Test
    void refusedRowsGoToQuarantineWithTheDatabasesReason() throws Exception {
        writer(SCHEMA, ROWS).param("keys", List.of("customer_id")).run();
        StepTestRunner r = writer(SCHEMA, row(5L, "e", null, null, null, null, null), ROWS[1],
                row(6L, "f", null, null, null, null, null)).param("onReject", "quarantine").param("batchSize", 2).run();
        assertEquals(1, r.quarantined().size());
        assertEquals(2, r.quarantined().get(0).rowNumber());
        assertTrue(r.quarantined().get(0).reason().startsWith("the database refused the row: Unique index or primary key "
                + "violation"), r.quarantined().get(0).reason());
        assertEquals(2, r.countedOut());
        r.assertRowsAccountedFor();
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L), readBack("\"segments\"").stream().map(x -> x[0]).toList());
    }

    @Test
    void piiIsWrittenOnlyWhenToldAndItsValuesNeverReachTheQuarantine() throws Exception {
        Schema pii = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("email", FieldType.STRING).withTags(FieldTag.PII));
        StepFailure refused = assertThrows(StepFailure.class, () -> writer(pii, row(1L, "ann@example.com")).run());
        assertTrue(refused.getMessage().startsWith("the input has pii columns [email] and jdbc-writer writes personal"),
                refused.getMessage());

        writer(pii, row(1L, "ann@example.com")).param("pii", "drop").param("table", "dropped").run();
        assertEquals(List.of("id"), new StepTestRunner(new JdbcReaderStepType(sources), dir).param("dataSource", "results")
                .param("table", "dropped").run().outputSchema("out").names());
        writer(pii, row(1L, "ann@example.com")).param("pii", "mask").param("table", "masked").run();
        assertEquals("***", readBack("\"masked\"").get(0)[1]);

        writer(pii, row(1L, "ann@example.com")).param("pii", "write").param("table", "people").param("keys", List.of("email"))
                .run();
        StepTestRunner dup = writer(pii, row(2L, "ann@example.com")).param("pii", "write").param("table", "people")
                .param("onReject", "quarantine").run();
        String reason = dup.quarantined().get(0).reason();
        assertFalse(reason.contains("ann@example.com"), reason);
        assertTrue(reason.contains("SQLState 23505") && reason.contains("withheld"), reason);
        assertFalse(dup.quarantined().get(0).record().contains("ann@example.com"));
    }

    @Test
    void namesAreCheckedAndQuotedSoTheyCannotInjectSql() throws Exception {
        writer(SCHEMA, ROWS).param("table", "segments\"; DROP TABLE x; --").assertInvalid("table", "is not a table name");
        writer(SCHEMA, ROWS).param("table", "a.b.c").assertInvalid("table", "is not a table name");
        Schema evil = Schema.of(Field.of("id\"); DROP TABLE segments; --", FieldType.INTEGER));
        writer(evil, row(1L)).assertInvalid(null, "holds a quote");
        // A name SQL would misread unquoted is fine quoted.
        Schema odd = Schema.of(Field.of("select", FieldType.INTEGER), Field.of("first name", FieldType.STRING));
        writer(odd, row(1L, "Ann")).param("table", "odd").run();
        assertArrayEquals(new Object[] {1L, "Ann"}, readBack("\"odd\"").get(0));
    }

    @Test
    void anExistingTableMustHaveTheInputsColumns() throws Exception {
        TestSources.sql(db, "CREATE TABLE scores (customer_id BIGINT, score DOUBLE PRECISION)");
        Schema s = Schema.of(Field.of("customer_id", FieldType.INTEGER), Field.of("score", FieldType.DECIMAL));
        writer(s, row(1L, 0.5)).param("table", "scores").run();
        assertEquals(1, TestSources.count(db, "scores"), "unquoted lower-case names find H2's upper-case columns");
        Schema more = Schema.of(Field.of("customer_id", FieldType.INTEGER), Field.of("grade", FieldType.STRING));
        StepFailure f = assertThrows(StepFailure.class, () -> writer(more, row(1L, "A")).param("table", "scores").run());
        assertEquals("table SCORES has no column [grade] (it has [CUSTOMER_ID, SCORE]): add them to the table, or select "
                + "only its columns before this step", f.getMessage());
        StepFailure none = assertThrows(StepFailure.class, () -> writer(s, row(1L, 0.5)).param("table", "absent")
                .param("createTable", false).run());
        assertTrue(none.getMessage().contains("table absent does not exist"), none.getMessage());
    }

    @Test
    void emptyInputCreatesAnEmptyTableAndAMissingSourceIsNamed() throws Exception {
        StepTestRunner r = writer(SCHEMA).run();
        assertEquals(0, TestSources.count(db, "\"segments\""));
        r.assertRowsAccountedFor();
        assertTrue(assertThrows(StepFailure.class, () -> writer(SCHEMA).param("dataSource", "nope").run()).getMessage()
                .contains("create etc/org.ops4j.datasource-nope.cfg"));
    }
}
