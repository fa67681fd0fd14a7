package org.assay.transforms.internal;

import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.RowContext;

/** One run of {@code filter}: one pass, batch by batch, keeping the rows where the expression is true. */
final class FilterStep implements Step {

    private final FilterParameters params;

    FilterStep(FilterParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        long rows = 0;
        long kept = 0;
        long filtered = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            Expression expr = ExpressionCheck.compile("expression", params.expression(), schema, FieldType.BOOLEAN);
            RowContext row = new RowContext(schema);
            BatchSink out = ctx.output(PortSpec.OUT, schema);
            for (Batch b = in.next(); b != null; b = in.next()) {
                int[] keep = new int[b.rowCount()];
                int n = 0;
                long dropped = 0;
                for (int r = 0; r < b.rowCount(); r++) {
                    Object v;
                    try {
                        v = expr.evaluate(row.at(b, r));
                    } catch (Expression.EvaluationFailure e) {
                        ctx.quarantine().reject(rows + r + 1, b, r, "filter '" + expr.source() + "': " + e.getMessage());
                        continue;
                    }
                    if (Boolean.TRUE.equals(v)) {
                        keep[n++] = r;
                    } else if (v == null || Boolean.FALSE.equals(v)) {
                        dropped++;
                    } else {
                        // A number or text is a mistake in the expression, not a verdict on the row.
                        ctx.quarantine().reject(rows + r + 1, b, r, "filter '" + expr.source() + "' gave "
                                + kind(v) + ", not true or false");
                    }
                }
                if (n == b.rowCount()) {
                    out.write(b);
                } else if (n > 0) {
                    out.write(b.select(keep, n));
                }
                if (dropped > 0) {
                    ctx.countFiltered(dropped);
                }
                rows += b.rowCount();
                kept += n;
                filtered += dropped;
                ctx.checkCancelled();
            }
        }
        ctx.log().info("filter kept {} of {} rows; {} filtered out", kept, rows, filtered);
    }

    private static String kind(Object v) {
        return v instanceof String ? "text" : v instanceof Number ? "a number" : "a " + v.getClass().getSimpleName();
    }
}
