package org.assay.api.step.typed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.PiiMask;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;

/**
 * The input of a sink as the {@code pii} parameter lets it leave: pii columns dropped,
 * masked (as text {@value PiiMask#MASK}, whatever their type) or passed through. Used by one
 * thread. Reached through {@link PiiPolicy#apply}.
 */
final class PiiColumns implements DataStream {

    private final DataStream in;
    private final PiiPolicy policy;
    private final Schema schema;
    /** Input position of each output column. */
    private final int[] sources;
    private final boolean[] masked;

    private PiiColumns(DataStream in, PiiPolicy policy, Schema schema, int[] sources, boolean[] masked) {
        this.in = in;
        this.policy = policy;
        this.schema = schema;
        this.sources = sources;
        this.masked = masked;
    }

    /**
     * The stream to write.
     *
     * @throws StepFailure for {@link PiiPolicy#REFUSE} when the input has pii columns
     */
    static DataStream apply(DataStream in, PiiPolicy policy, String step) throws StepFailure {
        Schema s = in.schema();
        List<String> pii = new ArrayList<>();
        for (Field f : s) {
            if (f.has(FieldTag.PII)) {
                pii.add(f.name());
            }
        }
        if (pii.isEmpty() || policy == PiiPolicy.WRITE) {
            return in;
        }
        if (policy == PiiPolicy.REFUSE) {
            throw new StepFailure(PiiPolicy.refusal(step, pii));
        }
        List<Field> fields = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        List<Boolean> mask = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Field f = s.field(i);
            boolean isPii = f.has(FieldTag.PII);
            if (isPii && policy == PiiPolicy.DROP) {
                continue;
            }
            fields.add(isPii ? new Field(f.name(), FieldType.STRING, f.nullable(), f.tags(), List.of()) : f);
            from.add(i);
            mask.add(isPii);
        }
        boolean[] masked = new boolean[mask.size()];
        for (int i = 0; i < masked.length; i++) {
            masked[i] = mask.get(i);
        }
        return new PiiColumns(in, policy, Schema.of(fields), from.stream().mapToInt(Integer::intValue).toArray(), masked);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() throws IOException {
        Batch b = in.next();
        if (b == null) {
            return null;
        }
        int n = b.rowCount();
        Column[] cols = new Column[sources.length];
        for (int c = 0; c < cols.length; c++) {
            Column source = b.column(sources[c]);
            if (!masked[c]) {
                cols[c] = source;
                continue;
            }
            String[] texts = new String[n];
            for (int r = 0; r < n; r++) {
                texts[r] = source.isNull(r) ? null : PiiMask.mask(source.getString(r));
            }
            cols[c] = Column.ofTexts(FieldType.STRING, texts, n);
        }
        return new Batch(schema, n, cols);
    }

    /** Closes nothing: the wrapped stream belongs to whoever opened it. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "pii " + ParameterBinder.jsonName(policy) + " over " + in;
    }
}
