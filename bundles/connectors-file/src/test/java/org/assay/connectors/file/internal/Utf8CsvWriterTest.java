package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Column;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.junit.jupiter.api.Test;

/** The byte writer against FastCSV fed {@link Column#getString(int)}: what csv-writer wrote before. */
class Utf8CsvWriterTest {

    private static final String[] TEXTS = {
        "", "plain", "#hash first", "a,b", "a;b", "tab\there", "pipe|x", "quote\"d", "\"", "line\nbreak", "cr\rx",
        "caf\u00e9", "\u4e2d\u6587", "emoji \ud83d\ude00", "lone \ud800 surrogate", "  spaced  ", "#", "x".repeat(300)
    };

    private static final double[] DECIMALS = {
        0.0, -0.0, 1.5, -2.25, 260.98, 0.01, -0.01, 0.1, 9999999.99, 10000000.01, 123456789.5, 1e15, 1e16, 1e-5,
        0.001, 2e-3, 1e23, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 0.1 + 0.2, 1.005, 42.0, -1e7, 3.14159
    };

    private static final long[] LONGS = {0, 1, -1, 9, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE, 123456789012L};

    private static final long[] DAYS = {0, -1, 19000, 20000, -719528, -800000, 2932896, 3000000};

    @Test
    void sameBytesAsFastCsvForEveryTypeAndAwkwardValues() throws IOException {
        Schema schema = Schema.of(List.of(
                Field.of("s", FieldType.STRING), Field.of("i", FieldType.INTEGER), Field.of("d", FieldType.DECIMAL),
                Field.of("b", FieldType.BOOLEAN), Field.of("day", FieldType.DATE), Field.of("ts", FieldType.TIMESTAMP),
                Field.of("c", FieldType.CATEGORICAL)));
        Random rnd = new Random(31);
        List<Batch> batches = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            BatchBuilder b = new BatchBuilder(schema, 1000);
            for (int r = 0; r < 1000; r++) {
                if (rnd.nextInt(8) > 0) {
                    b.setString(0, TEXTS[rnd.nextInt(TEXTS.length)]);
                }
                if (rnd.nextInt(8) > 0) {
                    b.setLong(1, rnd.nextBoolean() ? LONGS[rnd.nextInt(LONGS.length)] : rnd.nextLong() >> rnd.nextInt(64));
                }
                if (rnd.nextInt(8) > 0) {
                    b.setDouble(2, randomDecimal(rnd));
                }
                if (rnd.nextInt(8) > 0) {
                    b.setLong(3, rnd.nextInt(2));
                }
                if (rnd.nextInt(8) > 0) {
                    b.setLong(4, rnd.nextBoolean() ? DAYS[rnd.nextInt(DAYS.length)] : rnd.nextInt(40_000) - 10_000);
                }
                if (rnd.nextInt(8) > 0) {
                    b.setLong(5, rnd.nextLong() >> 20);
                }
                if (rnd.nextInt(8) > 0) {
                    b.setString(6, TEXTS[rnd.nextInt(TEXTS.length)]);
                }
                b.endRow();
            }
            batches.add(b.build());
        }
        for (char delimiter : new char[] {',', ';', '\t', '|'}) {
            assertArrayEquals(fastCsv(schema, batches, delimiter), ours(schema, batches, delimiter),
                    "delimiter " + (int) delimiter);
        }
    }

    @Test
    void aSingleColumnWithEmptyAndCommentLikeValuesMatches() throws IOException {
        Schema schema = Schema.of(List.of(Field.of("#only", FieldType.STRING)));
        BatchBuilder b = new BatchBuilder(schema);
        for (String t : new String[] {null, "", "#x", "x#", "\"q\""}) {
            b.setString(0, t).endRow();
        }
        List<Batch> batches = List.of(b.build());
        assertArrayEquals(fastCsv(schema, batches, ','), ours(schema, batches, ','));
    }

    @Test
    void centsAreTakenOnlyWhereTheyAreExact() {
        Random rnd = new Random(5);
        for (int i = 0; i < 1_000_000; i++) {
            long cents = (long) (rnd.nextDouble() * 1e9) * (rnd.nextBoolean() ? 1 : -1);
            if (cents % 100 == 0) {
                continue;
            }
            double v = cents / 100.0;
            assertEquals(cents, Utf8CsvWriter.centsOrZero(v), Double.toString(v));
            String expected = Column.formatDecimal(v);
            assertEquals("d\n" + expected + "\n", new String(oneDecimal(v), StandardCharsets.UTF_8), "cents " + cents);
        }
        assertEquals(0, Utf8CsvWriter.centsOrZero(0.1 + 0.2), "not the double nearest 0.30");
        assertEquals(0, Utf8CsvWriter.centsOrZero(1e7 + 0.5), "outside plain notation");
        assertEquals(0, Utf8CsvWriter.centsOrZero(0.005));
        assertFalse(Utf8CsvWriter.supports('"'));
        assertFalse(Utf8CsvWriter.supports('#'));
        assertFalse(Utf8CsvWriter.supports('\u00a7'));
    }

    private static byte[] oneDecimal(double v) {
        try {
            Schema schema = Schema.of(List.of(Field.of("d", FieldType.DECIMAL)));
            BatchBuilder b = new BatchBuilder(schema);
            b.setDouble(0, v).endRow();
            Batch batch = b.build();
            return ours(schema, List.of(batch), ',');
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double randomDecimal(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> DECIMALS[rnd.nextInt(DECIMALS.length)];
            case 1 -> Math.round(rnd.nextGaussian() * 1e5) / 100.0;
            case 2 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(30) - 10);
            default -> Double.longBitsToDouble(rnd.nextLong());
        };
    }

    private static byte[] ours(Schema schema, List<Batch> batches, char delimiter) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8CsvWriter w = new Utf8CsvWriter(bytes, delimiter);
        for (String name : schema.names()) {
            w.field(name);
        }
        w.endRecord();
        for (Batch b : batches) {
            for (int r = 0; r < b.rowCount(); r++) {
                for (int c = 0; c < schema.size(); c++) {
                    w.value(b.column(c), r);
                }
                w.endRecord();
            }
        }
        w.flush();
        return bytes.toByteArray();
    }

    private static byte[] fastCsv(Schema schema, List<Batch> batches, char delimiter) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(LineDelimiter.LF)
                .build(bytes, StandardCharsets.UTF_8)) {
            csv.writeRecord(schema.names());
            String[] row = new String[schema.size()];
            for (Batch b : batches) {
                for (int r = 0; r < b.rowCount(); r++) {
                    for (int c = 0; c < row.length; c++) {
                        String v = b.column(c).getString(r);
                        row[c] = v == null ? "" : v;
                    }
                    csv.writeRecord(row);
                }
            }
        }
        return bytes.toByteArray();
    }
}
