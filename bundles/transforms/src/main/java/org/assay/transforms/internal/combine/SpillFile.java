package org.assay.transforms.internal.combine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.transforms.internal.SpillCells;

/**
 * Rows of one schema written to a temporary file and read back as batches: how a join that does
 * not fit in memory spills its partitions. The format is private to one run: a row marker, then
 * each cell as {@link SpillCells} writes it; files are deleted by the step when it is done. Not
 * thread-safe.
 */
final class SpillFile {

    private static final int ROW = 1;

    private SpillFile() {
    }

    /** Appends rows to a spill file. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private long rows;

        Writer(Path file) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        void write(Batch b, int row) throws IOException {
            out.writeByte(ROW);
            for (int c = 0; c < b.schema().size(); c++) {
                SpillCells.write(out, b.column(c), row);
            }
            rows++;
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads a spill file back, in the order it was written. */
    static final class Reader implements DataStream {
        private final Schema schema;
        private final DataInputStream in;
        private final BatchBuilder builder;

        Reader(Path file, Schema schema) throws IOException {
            this.schema = schema;
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.builder = new BatchBuilder(schema);
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public Batch next() throws IOException {
            while (!builder.isFull()) {
                int marker = in.read();
                if (marker < 0) {
                    break;
                }
                if (marker != ROW) {
                    throw new IOException("join spill file is damaged (row marker " + marker + ")");
                }
                readRow();
            }
            return builder.isEmpty() ? null : builder.build();
        }

        private void readRow() throws IOException {
            try {
                for (int c = 0; c < schema.size(); c++) {
                    SpillCells.read(in, schema.field(c).type().storage(), builder, c);
                }
            } catch (EOFException e) {
                throw new IOException("join spill file ends inside a row", e);
            }
            builder.endRow();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
