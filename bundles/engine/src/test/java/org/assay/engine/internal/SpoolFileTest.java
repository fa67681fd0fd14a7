package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolFileTest {

    @TempDir
    Path dir;

    private final Schema schema = Schema.of(
            new Field("id", FieldType.INTEGER, false, Set.of(FieldTag.ID), List.of()),
            Field.of("name", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("spend", FieldType.DECIMAL),
            Field.of("since", FieldType.DATE),
            Field.of("segment", FieldType.CATEGORICAL).withCategories(List.of("C0", "C1")));

    @Test
    void roundTripsValuesNullsTagsAndUnicode() throws IOException {
        Path file = dir.resolve("x.spool");
        try (SpoolFile.Writer w = new SpoolFile.Writer(file, schema)) {
            for (int batch = 0; batch < 3; batch++) {
                BatchBuilder b = new BatchBuilder(schema, 1000);
                for (int i = 0; i < 1000; i++) {
                    long id = batch * 1000L + i;
                    b.setLong(0, id);
                    if (id % 7 != 0) {
                        b.setString(1, id % 2 == 0 ? "王小明" + id : "Zoë " + id);
                    }
                    if (id % 5 != 0) {
                        b.setDouble(2, id * 1.5);
                    }
                    b.set(3, LocalDate.of(2025, 1, 1).plusDays(id % 300));
                    b.setString(4, id % 3 == 0 ? "C1" : "C0");
                    b.endRow();
                }
                w.write(b.build());
            }
        }
        long rows = 0;
        try (DataStream in = SpoolFile.open(file)) {
            assertEquals(schema, in.schema(), "schema with tags and categories survives");
            Batch b;
            while ((b = in.next()) != null) {
                for (int r = 0; r < b.rowCount(); r++, rows++) {
                    long id = (Long) b.get(r, 0);
                    assertEquals(rows, id);
                    if (id % 7 == 0) {
                        assertNull(b.get(r, 1));
                    } else {
                        assertEquals(id % 2 == 0 ? "王小明" + id : "Zoë " + id, b.get(r, 1));
                    }
                    assertEquals(id % 5 == 0 ? null : id * 1.5, b.get(r, 2));
                    assertEquals(LocalDate.of(2025, 1, 1).plusDays(id % 300), b.get(r, 3));
                    assertEquals(id % 3 == 0 ? "C1" : "C0", b.get(r, 4));
                }
            }
            assertNull(in.next(), "stays at the end");
        }
        assertEquals(3000, rows);
    }

    @Test
    void aTruncatedSpoolIsAnErrorNotASilentEnd() throws IOException {
        Path file = dir.resolve("cut.spool");
        SpoolFile.Writer w = new SpoolFile.Writer(file, schema);
        BatchBuilder one = new BatchBuilder(schema, 1);
        one.setLong(0, 1).endRow();
        w.write(one.build());
        w.close();
        byte[] all = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(all, all.length - 4));
        try (DataStream in = SpoolFile.open(file)) {
            in.next();
            IOException e = assertThrows(IOException.class, in::next);
            assertEquals("spool file ends early: the step that wrote it did not finish", e.getMessage());
        }
    }
}
