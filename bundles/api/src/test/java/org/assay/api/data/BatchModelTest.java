package org.assay.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchModelTest {

    private final Schema schema = Schema.of(
            Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("name", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("spend", FieldType.DECIMAL),
            Field.of("vip", FieldType.BOOLEAN),
            Field.of("since", FieldType.DATE),
            Field.of("seen", FieldType.TIMESTAMP),
            Field.of("city", FieldType.CATEGORICAL));

    @Test
    void schemaLooksUpFieldsAndRejectsDuplicates() {
        assertEquals(2, schema.indexOf("spend"));
        assertEquals(-1, schema.indexOf("nope"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schema.require("nope"));
        assertTrue(e.getMessage().contains("[id, name, spend, vip, since, seen, city]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Schema.of(Field.of("a", FieldType.STRING), Field.of("a", FieldType.INTEGER)));
        assertTrue(schema.field("name").has(FieldTag.PII));
        assertEquals(8, schema.with(Field.of("cluster", FieldType.CATEGORICAL)).size());
        assertEquals(7, schema.with(Field.of("spend", FieldType.INTEGER)).size(), "same name replaces");
    }

    @Test
    void builderRoundTripsEveryTypeAndNull() {
        BatchBuilder b = new BatchBuilder(schema, 4);
        Instant seen = Instant.parse("2025-06-01T10:15:30Z");
        b.set(0, 7L).set(1, "Ana").set(2, 12.5).set(3, true).set(4, LocalDate.of(2024, 2, 29)).set(5, seen)
                .set(6, "Lyon").endRow();
        b.set(0, 8L).endRow();
        Batch batch = b.build();
        assertEquals(2, batch.rowCount());
        assertEquals(7L, batch.get(0, 0));
        assertEquals("Ana", batch.get(0, 1));
        assertEquals(12.5, batch.get(0, 2));
        assertEquals(true, batch.get(0, 3));
        assertEquals(LocalDate.of(2024, 2, 29), batch.get(0, 4));
        assertEquals(seen, batch.get(0, 5));
        for (int c = 1; c < schema.size(); c++) {
            assertTrue(batch.column(c).isNull(1), "unset column " + c + " is null");
            assertNull(batch.get(1, c));
        }
        assertEquals("2024-02-29", batch.column("since").getString(0));
        assertTrue(b.isEmpty(), "build() empties the builder");
    }

    @Test
    void columnsExposePrimitiveStorage() {
        BatchBuilder b = new BatchBuilder(Schema.of(Field.of("x", FieldType.DECIMAL)), 3);
        b.setDouble(0, 1.5).endRow();
        b.setDouble(0, 2.0).endRow();
        Column x = b.build().column(0);
        assertArrayEquals(new double[] {1.5, 2.0}, x.doubles());
        assertEquals("2", x.getString(1), "whole decimals print without .0");
        assertEquals(0, x.nullCount());
    }

    @Test
    void selectKeepsRowsInOrderWithNulls() {
        BatchBuilder b = new BatchBuilder(Schema.of(Field.of("n", FieldType.INTEGER), Field.of("s", FieldType.STRING)));
        for (int i = 0; i < 5; i++) {
            b.setLong(0, i);
            if (i != 3) {
                b.setString(1, "v" + i);
            }
            b.endRow();
        }
        Batch kept = b.build().select(new int[] {4, 3, 0}, 3);
        assertEquals(List.of(4L, 3L, 0L), List.of(kept.get(0, 0), kept.get(1, 0), kept.get(2, 0)));
        assertTrue(kept.column(1).isNull(1));
        assertFalse(kept.column(1).isNull(0));
    }

    @Test
    void batchRejectsColumnsThatDoNotFitTheSchema() {
        Schema one = Schema.of(Field.of("n", FieldType.INTEGER));
        Column text = Column.ofTexts(FieldType.STRING, new String[] {"a"}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Batch(one, 1, text));
        assertTrue(e.getMessage().contains("holds string but the schema says integer"), e.getMessage());
    }

    @Test
    void fullBuilderRefusesAnotherRow() {
        BatchBuilder b = new BatchBuilder(Schema.of(Field.of("n", FieldType.INTEGER)), 1);
        b.setLong(0, 1).endRow();
        assertTrue(b.isFull());
        assertThrows(IllegalStateException.class, b::endRow);
    }
}
