package org.assay.privacy.internal;

import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * One run of a column-rewriting step: batch by batch, the target columns are rewritten as text
 * (nulls stay null) and the others pass through unchanged (no copy). A row whose value a
 * rewriter refuses is quarantined (pii cells masked) with the rewriter's reason. One pass.
 */
final class ColumnRewriteStep implements Step {

    /** Resolves the rewrite against the input schema at run time (keys are read here). */
    @FunctionalInterface
    interface Planner {
        ColumnRewrite plan(Schema in, StepContext ctx) throws StepFailure;
    }

    private final String typeId;
    private final Planner planner;

    ColumnRewriteStep(String typeId, Planner planner) {
        this.typeId = typeId;
        this.planner = planner;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        try (DataStream in = ctx.input(PortSpec.IN)) {
            ColumnRewrite plan = planner.plan(in.schema(), ctx);
            BatchSink out = ctx.output(PortSpec.OUT, plan.output());
            long seen = 0;
            long rejected = 0;
            for (Batch b = in.next(); b != null; b = in.next()) {
                int n = b.rowCount();
                String[] reasons = null;
                Column[] columns = new Column[b.schema().size()];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = b.column(c);
                }
                for (ColumnRewrite.Target t : plan.targets()) {
                    Column source = b.column(t.index());
                    String[] texts = new String[n];
                    for (int r = 0; r < n; r++) {
                        String v = source.getString(r);
                        if (v == null || (reasons != null && reasons[r] != null)) {
                            continue;
                        }
                        try {
                            texts[r] = t.rewriter().rewrite(v);
                        } catch (ColumnRewrite.BadValue bad) {
                            if (reasons == null) {
                                reasons = new String[n];
                            }
                            reasons[r] = "column " + b.schema().field(t.index()).name() + ": " + bad.getMessage();
                        }
                    }
                    columns[t.index()] = Column.ofTexts(t.field().type(), texts, n);
                }
                int kept = n;
                if (reasons != null) {
                    int[] keep = new int[n];
                    kept = 0;
                    for (int r = 0; r < n; r++) {
                        if (reasons[r] == null) {
                            keep[kept++] = r;
                        } else {
                            ctx.quarantine().reject(seen + r + 1, b, r, reasons[r]);
                            rejected++;
                        }
                    }
                    for (int c = 0; c < columns.length; c++) {
                        columns[c] = columns[c].select(keep, kept);
                    }
                }
                if (kept > 0) {
                    out.write(new Batch(plan.output(), kept, columns));
                }
                seen += n;
                ctx.checkCancelled();
            }
            ctx.log().info("{}: {} rows, {} columns rewritten, {} rows quarantined", typeId, seen,
                    plan.targets().size(), rejected);
        }
    }
}
