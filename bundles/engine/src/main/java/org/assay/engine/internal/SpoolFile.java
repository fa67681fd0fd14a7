package org.assay.engine.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * primitive arrays written in bulk. Spooling every output is what lets the engine hand a
 * dataset to several consumers, give two-pass steps a second pass, keep memory bounded,
 * and replay a step when its bundle is swapped mid-run.
 */
final class SpoolFile {

    private static final int MAGIC = 0x41535931; // "ASY1"

    private SpoolFile() {
    }

    /** Appends batches to a new spool file. Not thread-safe. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final Schema schema;
        private long rows;
        private byte[] blob = new byte[1 << 16];

        Writer(Path file, Schema schema) throws IOException {
            this.schema = schema;
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
                        ByteBuffer buf = ByteBuffer.allocate(n * 8);
                        buf.asLongBuffer().put(col.longs(), 0, n);
                        out.write(buf.array());
                    }
                    case DOUBLE -> {
                        ByteBuffer buf = ByteBuffer.allocate(n * 8);
                        buf.asDoubleBuffer().put(col.doubles(), 0, n);
                        out.write(buf.array());
                    }
                    case TEXT -> writeTexts(col.texts(), n, nulls);
                }
            }
            rows += n;
        }

        /**
         * A text column as one block of byte lengths and one block of UTF-8 bytes: two bulk
         * writes instead of two small writes per cell, which dominated the spool's cost.
         */
        private void writeTexts(String[] texts, int n, BitSet nulls) throws IOException {
            int[] lengths = new int[n];
            byte[][] encoded = new byte[n][];
            int total = 0;
            for (int r = 0; r < n; r++) {
                if (!nulls.get(r) && texts[r] != null) {
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
            ByteBuffer lens = ByteBuffer.allocate(n * 4);
            lens.asIntBuffer().put(lengths);
            out.write(lens.array());
            out.writeInt(total);
            out.write(blob, 0, total);
        }

        @Override
        public void close() throws IOException {
            out.writeInt(-1);
            out.close();
        }
    }

    /** Reads a spool file from its start. */
    static DataStream open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a spool file");
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
            return new Reader(in, Schema.of(fields));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static final class Reader implements DataStream {
        private final DataInputStream in;
        private final Schema schema;
        private boolean done;

        Reader(DataInputStream in, Schema schema) {
            this.in = in;
            this.schema = schema;
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
            byte[] rawLengths = new byte[n * 4];
            in.readFully(rawLengths);
            int[] lengths = new int[n];
            ByteBuffer.wrap(rawLengths).asIntBuffer().get(lengths);
            byte[] blob = new byte[in.readInt()];
            in.readFully(blob);
            String[] v = new String[n];
            int at = 0;
            for (int r = 0; r < n; r++) {
                if (!nulls.get(r)) {
                    v[r] = new String(blob, at, lengths[r], StandardCharsets.UTF_8);
                    at += lengths[r];
                }
            }
            return Column.ofTexts(type, v, n);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
