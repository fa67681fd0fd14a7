package org.assay.engine.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * The on-disk form of one step output: the schema, then batches column by column with
 * primitive arrays written in bulk. An output is spooled when a step reads it several
 * times (a second pass; {@link GrowingSpool} lets the first pass follow the writer), when
 * its reader runs in a later segment, and so that a resumed or replayed segment finds its
 * inputs; edges read once stream through a {@link StreamChannel} instead (see {@link RunPlan}).
 *
 * <p>Text columns are written per batch either plain (a block of byte lengths and a block
 * of UTF-8 bytes) or, when a batch holds few distinct values (names, cities, categories),
 * as a dictionary of the distinct values and one small index per row. Decoding a String
 * per cell on every read was the largest cost of passing data between steps; with a
 * dictionary each distinct value is decoded once per batch and the rows share it. Files
 * in the first format ("ASY1", plain text only) are still read, so runs resumed after an
 * upgrade find their spools.
 */
final class SpoolFile {

    private static final int MAGIC_V1 = 0x41535931; // "ASY1"
    private static final int MAGIC = 0x41535932; // "ASY2"

    private static final byte TEXT_PLAIN = 0;
    private static final byte TEXT_DICTIONARY_BYTE = 1;
    private static final byte TEXT_DICTIONARY_SHORT = 2;

    private SpoolFile() {
    }

    /** Appends batches to a new spool file. Not thread-safe. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final Schema schema;
        private long rows;
        private byte[] blob = new byte[1 << 16];
        private ByteBuffer scratch = ByteBuffer.allocate(1 << 16);
        private final Dictionary dictionary = new Dictionary();
        /** Per column: batches left before a dictionary is tried again. */
        private final int[] skipDictionary;

        /** Readers following the file as it grows; null when there are none. */
        private final GrowingSpool followers;

        Writer(Path file, Schema schema) throws IOException {
            this(file, schema, null);
        }

        Writer(Path file, Schema schema, GrowingSpool followers) throws IOException {
            this.schema = schema;
            this.followers = followers;
            this.skipDictionary = new int[schema.size()];
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(schema.size());
            for (Field f : schema) {
                out.writeUTF(f.name());
                out.writeUTF(f.type().name());
                out.writeBoolean(f.nullable());
                out.writeInt(f.tags().size());
                for (FieldTag t : f.tags()) {
                    out.writeUTF(t.name());
                }
                out.writeInt(f.categories().size());
                for (String c : f.categories()) {
                    out.writeUTF(c);
                }
            }
            if (followers != null) {
                out.flush();
                followers.opened(file);
            }
        }

        Schema schema() {
            return schema;
        }

        long rows() {
            return rows;
        }

        void write(Batch batch) throws IOException {
            int n = batch.rowCount();
            out.writeInt(n);
            for (int c = 0; c < schema.size(); c++) {
                Column col = batch.column(c);
                BitSet nulls = new BitSet(n);
                for (int r = 0; r < n; r++) {
                    if (col.isNull(r)) {
                        nulls.set(r);
                    }
                }
                byte[] mask = nulls.toByteArray();
                out.writeInt(mask.length);
                out.write(mask);
                switch (col.type().storage()) {
                    case LONG -> {
                        ByteBuffer buf = scratch(n * 8);
                        buf.asLongBuffer().put(col.longs(), 0, n);
                        out.write(buf.array(), 0, n * 8);
                    }
                    case DOUBLE -> {
                        ByteBuffer buf = scratch(n * 8);
                        buf.asDoubleBuffer().put(col.doubles(), 0, n);
                        out.write(buf.array(), 0, n * 8);
                    }
                    case TEXT -> writeTexts(c, col.texts(), n, nulls);
                }
            }
            rows += n;
            if (followers != null) {
                out.flush();
                followers.grew();
            }
        }

        /** A text column: as a dictionary when it pays, else plain. */
        private void writeTexts(int column, String[] texts, int n, BitSet nulls) throws IOException {
            if (skipDictionary[column] > 0) {
                skipDictionary[column]--;
            } else if (dictionary.build(texts, n, nulls)) {
                writeDictionary();
                return;
            } else {
                // Mostly distinct values (emails, ids): don't try again for a while.
                skipDictionary[column] = DICTIONARY_RETRY_BATCHES;
            }
            out.writeByte(TEXT_PLAIN);
            writePlainTexts(texts, n, nulls);
        }

        private void writeDictionary() throws IOException {
            int size = dictionary.size;
            boolean bytes = size <= 256;
            out.writeByte(bytes ? TEXT_DICTIONARY_BYTE : TEXT_DICTIONARY_SHORT);
            out.writeInt(size);
            writePlainTexts(dictionary.values, size, null);
            int rowsWithValues = dictionary.indexCount;
            ByteBuffer idx = scratch(bytes ? rowsWithValues : rowsWithValues * 2);
            for (int i = 0; i < rowsWithValues; i++) {
                int id = dictionary.indexes[i];
                if (bytes) {
                    idx.put((byte) id);
                } else {
                    idx.putShort((short) id);
                }
            }
            out.write(idx.array(), 0, idx.position());
        }

        /**
         * Texts as one block of byte lengths and one block of UTF-8 bytes: two bulk writes
         * instead of two small writes per cell.
         */
        private void writePlainTexts(String[] texts, int n, BitSet nulls) throws IOException {
            int[] lengths = new int[n];
            byte[][] encoded = new byte[n][];
            int total = 0;
            for (int r = 0; r < n; r++) {
                if ((nulls == null || !nulls.get(r)) && texts[r] != null) {
                    encoded[r] = texts[r].getBytes(StandardCharsets.UTF_8);
                    lengths[r] = encoded[r].length;
                    total += lengths[r];
                }
            }
            if (blob.length < total) {
                blob = new byte[Math.max(total, blob.length * 2)];
            }
            int at = 0;
            for (int r = 0; r < n; r++) {
                if (encoded[r] != null) {
                    System.arraycopy(encoded[r], 0, blob, at, lengths[r]);
                    at += lengths[r];
                }
            }
            ByteBuffer lens = scratch(n * 4);
            lens.asIntBuffer().put(lengths);
            out.write(lens.array(), 0, n * 4);
            out.writeInt(total);
            out.write(blob, 0, total);
        }

        /** A cleared big-endian buffer of at least {@code bytes}, reused across columns and batches. */
        private ByteBuffer scratch(int bytes) {
            if (scratch.capacity() < bytes) {
                scratch = ByteBuffer.allocate(Math.max(bytes, scratch.capacity() * 2));
            }
            scratch.clear();
            return scratch;
        }

        @Override
        public void close() throws IOException {
            out.writeInt(-1);
            out.close();
            if (followers != null) {
                followers.closed();
            }
        }
    }

    /** Batches a text column is written plain after a batch of mostly distinct values. */
    private static final int DICTIONARY_RETRY_BATCHES = 16;

    /**
     * The distinct values of one text column of one batch, found with an open-addressing
     * table reused across batches. Gives up (answers false) as soon as more than a quarter
     * of the rows are distinct values: a dictionary would then save little.
     */
    private static final class Dictionary {
        private String[] table = new String[0];
        private int[] tableIds = new int[0];
        String[] values = new String[0];
        int size;
        int[] indexes = new int[0];
        int indexCount;

        boolean build(String[] texts, int n, BitSet nulls) {
            int capacity = Integer.highestOneBit(Math.max(16, n)) << 1;
            if (table.length < capacity) {
                table = new String[capacity];
                tableIds = new int[capacity];
            } else {
                Arrays.fill(table, null);
            }
            if (indexes.length < n) {
                indexes = new int[n];
            }
            int maxDistinct = Math.max(1, Math.min(n / 4, 65_536));
            if (values.length < maxDistinct + 1) {
                values = new String[maxDistinct + 1];
            }
            int mask = table.length - 1;
            size = 0;
            indexCount = 0;
            for (int r = 0; r < n; r++) {
                if (nulls.get(r)) {
                    continue;
                }
                // Not null by the mask yet no String: written as the empty text, as the plain form does.
                String s = texts[r] == null ? "" : texts[r];
                int slot = mix(s.hashCode()) & mask;
                int id;
                while (true) {
                    String t = table[slot];
                    if (t == null) {
                        if (size == maxDistinct) {
                            return false;
                        }
                        id = size++;
                        table[slot] = s;
                        tableIds[slot] = id;
                        values[id] = s;
                        break;
                    }
                    if (t == s || t.equals(s)) {
                        id = tableIds[slot];
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                indexes[indexCount++] = id;
            }
            return true;
        }

        private static int mix(int h) {
            return h ^ (h >>> 16);
        }
    }

    /** Reads a spool file from its start. */
    static DataStream open(Path file) throws IOException {
        return open(Files.newInputStream(file), file.toString());
    }

    /** Reads a spool from its start; {@code name} is for messages. */
    static DataStream open(InputStream raw, String source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        try {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_V1) {
                throw new IOException(source + " is not a spool file");
            }
            int n = in.readInt();
            List<Field> fields = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                FieldType type = FieldType.valueOf(in.readUTF());
                boolean nullable = in.readBoolean();
                int tagCount = in.readInt();
                Set<FieldTag> tags = EnumSet.noneOf(FieldTag.class);
                for (int t = 0; t < tagCount; t++) {
                    tags.add(FieldTag.valueOf(in.readUTF()));
                }
                int catCount = in.readInt();
                List<String> cats = new ArrayList<>(catCount);
                for (int k = 0; k < catCount; k++) {
                    cats.add(in.readUTF());
                }
                fields.add(new Field(name, type, nullable, tags, cats));
            }
            return new Reader(in, Schema.of(fields), magic == MAGIC_V1);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static final class Reader implements DataStream {
        private final DataInputStream in;
        private final Schema schema;
        /** A first-format file: every text column plain, with no encoding byte. */
        private final boolean plainTextsOnly;
        private boolean done;

        Reader(DataInputStream in, Schema schema, boolean plainTextsOnly) {
            this.in = in;
            this.schema = schema;
            this.plainTextsOnly = plainTextsOnly;
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public Batch next() throws IOException {
            if (done) {
                return null;
            }
            int n;
            try {
                n = in.readInt();
            } catch (EOFException e) {
                throw new IOException("spool file ends early: the step that wrote it did not finish", e);
            }
            if (n < 0) {
                done = true;
                return null;
            }
            Column[] cols = new Column[schema.size()];
            for (int c = 0; c < cols.length; c++) {
                FieldType type = schema.field(c).type();
                byte[] mask = new byte[in.readInt()];
                in.readFully(mask);
                BitSet nulls = BitSet.valueOf(mask);
                switch (type.storage()) {
                    case LONG -> {
                        byte[] raw = new byte[n * 8];
                        in.readFully(raw);
                        long[] v = new long[n];
                        ByteBuffer.wrap(raw).asLongBuffer().get(v);
                        cols[c] = Column.ofLongs(type, v, n, nulls);
                    }
                    case DOUBLE -> {
                        byte[] raw = new byte[n * 8];
                        in.readFully(raw);
                        double[] v = new double[n];
                        ByteBuffer.wrap(raw).asDoubleBuffer().get(v);
                        cols[c] = Column.ofDoubles(type, v, n, nulls);
                    }
                    case TEXT -> cols[c] = readTexts(type, n, nulls);
                }
            }
            return new Batch(schema, n, cols);
        }

        private Column readTexts(FieldType type, int n, BitSet nulls) throws IOException {
            byte encoding = plainTextsOnly ? TEXT_PLAIN : in.readByte();
            String[] v = new String[n];
            switch (encoding) {
                case TEXT_PLAIN -> readPlainTexts(v, n, nulls);
                case TEXT_DICTIONARY_BYTE, TEXT_DICTIONARY_SHORT -> {
                    int size = in.readInt();
                    String[] values = new String[size];
                    readPlainTexts(values, size, null);
                    int width = encoding == TEXT_DICTIONARY_BYTE ? 1 : 2;
                    int withValues = n - nulls.cardinality();
                    byte[] raw = new byte[withValues * width];
                    in.readFully(raw);
                    int i = 0;
                    for (int r = 0; r < n; r++) {
                        if (!nulls.get(r)) {
                            int id = width == 1 ? raw[i++] & 0xFF : ((raw[i++] & 0xFF) << 8) | (raw[i++] & 0xFF);
                            v[r] = values[id];
                        }
                    }
                }
                default -> throw new IOException("spool file holds an unknown text encoding " + encoding);
            }
            return Column.ofTexts(type, v, n);
        }

        private void readPlainTexts(String[] v, int n, BitSet nulls) throws IOException {
            byte[] rawLengths = new byte[n * 4];
            in.readFully(rawLengths);
            int[] lengths = new int[n];
            ByteBuffer.wrap(rawLengths).asIntBuffer().get(lengths);
            byte[] blob = new byte[in.readInt()];
            in.readFully(blob);
            int at = 0;
            for (int r = 0; r < n; r++) {
                if (nulls == null || !nulls.get(r)) {
                    v[r] = new String(blob, at, lengths[r], StandardCharsets.UTF_8);
                    at += lengths[r];
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
