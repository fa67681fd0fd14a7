package org.assay.miners.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.FieldTag;
import org.assay.api.data.PiiMask;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.api.step.typed.PiiPolicy;

/**
 * One CSV file of customers per segment ({@code segment-C0.csv}, ...), the input columns as
 * they came, pii columns as the {@code segmentFilesPii} parameter says: dropped by default,
 * masked, written, or the step refused. For the campaign list an analyst hands on. Closes
 * every file it opened; not thread-safe.
 */
final class SegmentFiles implements AutoCloseable {

    private final List<Path> files = new ArrayList<>();
    private final List<BufferedWriter> writers = new ArrayList<>();
    private final int[] columns;
    private final boolean[] masked;

    private SegmentFiles(StepContext ctx, Schema schema, List<String> labels, PiiPolicy pii) throws IOException {
        List<Integer> keep = new ArrayList<>();
        List<String> header = new ArrayList<>();
        List<Boolean> mask = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            boolean isPii = schema.field(i).has(FieldTag.PII);
            if (isPii && pii == PiiPolicy.DROP) {
                continue;
            }
            keep.add(i);
            header.add(schema.field(i).name());
            mask.add(isPii && pii == PiiPolicy.MASK);
        }
        this.columns = keep.stream().mapToInt(Integer::intValue).toArray();
        this.masked = new boolean[mask.size()];
        for (int i = 0; i < masked.length; i++) {
            masked[i] = mask.get(i);
        }
        try {
            for (String label : labels) {
                Path file = ctx.artifactDir().resolve("segment-" + label + ".csv");
                BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                writers.add(w);
                files.add(file);
                w.write(line(header));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        for (int c = 0; c < labels.size(); c++) {
            ctx.addArtifact(files.get(c), ArtifactKind.DATA, "Customers in segment " + labels.get(c));
        }
    }

    /**
     * Opens the files.
     *
     * @throws StepFailure for {@link PiiPolicy#REFUSE} when the input has pii columns
     */
    static SegmentFiles open(StepContext ctx, Schema schema, List<String> labels, PiiPolicy pii)
            throws IOException, StepFailure {
        if (pii == PiiPolicy.REFUSE && PiiMask.hasPii(schema)) {
            List<String> names = new ArrayList<>();
            schema.forEach(f -> {
                if (f.has(FieldTag.PII)) {
                    names.add(f.name());
                }
            });
            throw new StepFailure("segmentFilesPii: the input has pii columns " + names + " and the segment files"
                    + " would hold them; set \"segmentFilesPii\": \"drop\" (the default) to leave them out, \"mask\""
                    + " or \"write\", or \"segmentFiles\": false for no files");
        }
        return new SegmentFiles(ctx, schema, labels, pii);
    }

    void add(Batch batch, int r, int cluster) throws IOException {
        if (cluster < 0) {
            return;
        }
        List<String> cells = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            String v = batch.column(columns[i]).getString(r);
            cells.add(masked[i] ? PiiMask.mask(v) : v);
        }
        writers.get(cluster).write(line(cells));
    }

    List<String> names() {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            b.append(i > 0 ? "," : "").append(CsvTable.quote(cells.get(i)));
        }
        return b.append('\n').toString();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (BufferedWriter w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        writers.clear();
        if (first != null) {
            throw first;
        }
    }
}
