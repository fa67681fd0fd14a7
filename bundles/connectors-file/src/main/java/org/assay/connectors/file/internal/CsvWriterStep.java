package org.assay.connectors.file.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code csv-writer}, with its bound parameters. See {@link CsvWriterStepType}. */
final class CsvWriterStep implements Step {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CsvWriterParameters params;

    CsvWriterStep(CsvWriterParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Path target = ctx.writePath(params.path());
        boolean bom = params.writesBom();
        Charset charset = bom ? StandardCharsets.UTF_8 : Charset.forName(params.encoding());
        char delimiter = (char) Delimiter.parse(params.delimiter());

        // Written beside the target and moved into place: a cancelled or replayed run never
        // leaves a half-written file under the real name.
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long rows = 0;
        Files.deleteIfExists(partial);
        try (DataStream raw = ctx.input(PortSpec.IN);
                DataStream in = params.pii().apply(raw, "csv-writer");
                // CREATE_NEW: a link planted under the partial name is never followed.
                OutputStream os = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), 1 << 16)) {
            if (bom) {
                os.write(UTF8_BOM);
            }
            boolean header = params.header();
            if (charset.equals(StandardCharsets.UTF_8) && Utf8CsvWriter.supports(delimiter)) {
                rows = writeUtf8(ctx, in, os, delimiter, header);
            } else {
                rows = writeEncoded(ctx, in, os, charset, delimiter, header);
            }
        } catch (AccessDeniedException e) {
            Files.deleteIfExists(partial);
            throw new StepFailure("parameter path: the Karaf user may not write " + e.getFile() + ". Choose "
                    + "another path or grant write permission on the folder.", e);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        moveIntoPlace(partial, target);
        if (target.startsWith(ctx.artifactDir().toRealPath())) {
            ctx.addArtifact(target, ArtifactKind.DATA, "CSV file " + target.getFileName() + " (" + rows + " rows)");
        }
        ctx.log().info("Wrote {} rows to {}", rows, target);
    }

    /** The common case, UTF-8 with an ASCII delimiter: values formatted straight into bytes. */
    private static long writeUtf8(StepContext ctx, DataStream in, OutputStream os, char delimiter, boolean header)
            throws IOException {
        Schema schema = in.schema();
        Utf8CsvWriter csv = new Utf8CsvWriter(os, delimiter);
        if (header) {
            for (String name : schema.names()) {
                csv.field(name);
            }
            csv.endRecord();
        }
        long rows = 0;
        Column[] cols = new Column[schema.size()];
        for (Batch b = in.next(); b != null; b = in.next()) {
            for (int c = 0; c < cols.length; c++) {
                cols[c] = b.column(c);
            }
            int n = b.rowCount();
            for (int r = 0; r < n; r++) {
                for (Column col : cols) {
                    csv.value(col, r);
                }
                csv.endRecord();
            }
            rows += n;
            ctx.countOut(n);
            ctx.checkCancelled();
        }
        csv.flush();
        return rows;
    }

    /** Any other charset or delimiter: FastCSV over a Writer in that charset. */
    private static long writeEncoded(StepContext ctx, DataStream in, OutputStream os, Charset charset, char delimiter,
            boolean header) throws IOException {
        long rows = 0;
        try (CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(delimiter)
                .lineDelimiter(LineDelimiter.LF)
                .build(os, charset)) {
            Schema schema = in.schema();
            if (header) {
                csv.writeRecord(schema.names());
            }
            String[] row = new String[schema.size()];
            for (Batch b = in.next(); b != null; b = in.next()) {
                for (int r = 0; r < b.rowCount(); r++) {
                    for (int c = 0; c < row.length; c++) {
                        String v = b.column(c).getString(r);
                        row[c] = v == null ? "" : v;
                    }
                    csv.writeRecord(row);
                }
                rows += b.rowCount();
                ctx.countOut(b.rowCount());
                ctx.checkCancelled();
            }
        }
        return rows;
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
