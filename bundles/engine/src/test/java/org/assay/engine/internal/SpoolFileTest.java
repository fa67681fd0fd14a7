package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Column;
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

    private static final Schema ALL_TYPES = Schema.of(
            Field.of("s", FieldType.STRING), Field.of("c", FieldType.CATEGORICAL), Field.of("i", FieldType.INTEGER),
            Field.of("d", FieldType.DECIMAL), Field.of("b", FieldType.BOOLEAN), Field.of("day", FieldType.DATE),
            Field.of("ts", FieldType.TIMESTAMP));

    /** Writes the batches, reads them back and compares every cell and null. */
    private List<Batch> roundTrip(Schema s, List<Batch> batches) throws IOException {
        Path file = dir.resolve("rt" + System.nanoTime() + ".spool");
        try (SpoolFile.Writer w = new SpoolFile.Writer(file, s)) {
            for (Batch b : batches) {
                w.write(b);
            }
        }
        List<Batch> read = new ArrayList<>();
        try (DataStream in = SpoolFile.open(file)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                read.add(b);
            }
        }
        assertEquals(batches.size(), read.size(), "batch count");
        for (int k = 0; k < batches.size(); k++) {
            Batch expected = batches.get(k);
            Batch actual = read.get(k);
            assertEquals(expected.rowCount(), actual.rowCount(), "rows of batch " + k);
            for (int c = 0; c < s.size(); c++) {
                Column e = expected.column(c);
                Column a = actual.column(c);
                assertEquals(e.nullCount(), a.nullCount(), "nulls of column " + c + " in batch " + k);
                for (int r = 0; r < expected.rowCount(); r++) {
                    assertEquals(e.isNull(r), a.isNull(r), "null at " + k + "/" + r + "/" + c);
                    assertEquals(e.get(r), a.get(r), "value at " + k + "/" + r + "/" + c);
                }
            }
        }
        return read;
    }

    @Test
    void everyFieldTypeWithNullsRoundTripsThroughPlainAndDictionaryTexts() throws IOException {
        Random rnd = new Random(13);
        String[] few = {"New York", "Zoë", "王小明", "emoji \ud83d\ude00", "", "a\nb", "x".repeat(100_000)};
        List<Batch> batches = new ArrayList<>();
        int[] sizes = {4096, 1, 17, 4096, 300, 256, 257, 4096};
        for (int k = 0; k < sizes.length; k++) {
            BatchBuilder b = new BatchBuilder(ALL_TYPES, sizes[k]);
            for (int r = 0; r < sizes[k]; r++) {
                if (rnd.nextInt(5) > 0) {
                    // Batches 0 and 4 are mostly distinct (plain); the others repeat (dictionary).
                    b.setString(0, k == 0 || k == 4 ? "user" + rnd.nextInt() + "@example.com" : few[rnd.nextInt(few.length)]);
                }
                if (rnd.nextInt(5) > 0) {
                    // 300 distinct categories: more than a byte index holds.
                    b.setString(1, k == 3 ? "cat" + rnd.nextInt(300) : few[rnd.nextInt(3)]);
                }
                if (rnd.nextInt(5) > 0) {
                    b.setLong(2, rnd.nextLong());
                }
                if (rnd.nextInt(5) > 0) {
                    b.setDouble(3, rnd.nextBoolean() ? rnd.nextGaussian() : Double.NaN);
                }
                if (rnd.nextInt(5) > 0) {
                    b.setLong(4, rnd.nextInt(2));
                }
                if (rnd.nextInt(5) > 0) {
                    b.setLong(5, rnd.nextInt(40_000));
                }
                if (rnd.nextInt(5) > 0) {
                    b.setLong(6, rnd.nextLong() >> 20);
                }
                b.endRow();
            }
            batches.add(b.build());
        }
        roundTrip(ALL_TYPES, batches);
    }

    @Test
    void allNullAndEmptyBatchesRoundTrip() throws IOException {
        BatchBuilder b = new BatchBuilder(ALL_TYPES, 100);
        for (int r = 0; r < 100; r++) {
            b.endRow();
        }
        Batch allNull = b.build();
        Batch empty = new BatchBuilder(ALL_TYPES, 10).build();
        List<Batch> read = roundTrip(ALL_TYPES, List.of(empty, allNull, empty));
        assertEquals(100, read.get(1).column(0).nullCount());
    }

    @Test
    void repeatedTextsAreSharedAfterReading() throws IOException {
        Schema s = Schema.of(Field.of("city", FieldType.CATEGORICAL));
        BatchBuilder b = new BatchBuilder(s, 1000);
        for (int r = 0; r < 1000; r++) {
            b.setString(0, new String(r % 2 == 0 ? "Paris" : "Lyon")).endRow();
        }
        Batch read = roundTrip(s, List.of(b.build())).get(0);
        String[] texts = read.column(0).texts();
        assertSame(texts[0], texts[2], "one String per distinct value in a batch");
    }

    @Test
    void aSpoolInTheFirstFormatIsStillRead() throws IOException {
        Path file = dir.resolve("v1.spool");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x41535931);
            out.writeInt(2);
            for (String[] f : new String[][] {{"name", "STRING"}, {"n", "INTEGER"}}) {
                out.writeUTF(f[0]);
                out.writeUTF(f[1]);
                out.writeBoolean(true);
                out.writeInt(0);
                out.writeInt(0);
            }
            out.writeInt(3);
            // name: row 1 null (mask bit 1), lengths 2,0,3 then "Zo" + "ab" as UTF-8 bytes.
            out.writeInt(1);
            out.writeByte(0b010);
            out.writeInt(2);
            out.writeInt(0);
            out.writeInt(2);
            out.writeInt(4);
            out.write("Zoab".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // n: no nulls, 7, 8, 9.
            out.writeInt(0);
            out.writeLong(7);
            out.writeLong(8);
            out.writeLong(9);
            out.writeInt(-1);
        }
        try (DataStream in = SpoolFile.open(file)) {
            Batch b = in.next();
            assertEquals(3, b.rowCount());
            assertEquals("Zo", b.get(0, 0));
            assertNull(b.get(1, 0));
            assertEquals("ab", b.get(2, 0));
            assertEquals(9L, b.get(2, 1));
            assertNull(in.next());
        }
    }
}
