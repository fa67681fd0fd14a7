package org.assay.transforms.internal.table;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldTag;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.transforms.internal.ParameterMisfit;

/**
 * One run of {@code select}: batch by batch, picks and renames columns (no copy), casts the
 * columns in cast, and quarantines the rows where a cast failed.
 */
final class SelectStep implements Step {

    private final SelectParameters params;

    SelectStep(SelectParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema inSchema = in.schema();
            SelectPlan plan;
            try {
                plan = SelectPlan.resolve(params, inSchema);
            } catch (ParameterMisfit m) {
                throw m.failure();
            }
            BatchSink out = ctx.output(PortSpec.OUT, plan.output);
            long seen = 0;
            long quarantined = 0;
            for (Batch b = in.next(); b != null; b = in.next()) {
                int n = b.rowCount();
                String[] reasons = new String[n];
                Column[] columns = new Column[plan.columns.size()];
                boolean anyBad = false;
                for (int c = 0; c < columns.length; c++) {
                    SelectPlan.Out o = plan.columns.get(c);
                    Column source = b.column(o.index());
                    if (o.castTo() == null) {
                        columns[c] = source;
                    } else {
                        columns[c] = Cast.apply(source, o.castTo(), o.source().name(),
                                !o.source().has(FieldTag.PII), reasons);
                    }
                }
                int[] keep = new int[n];
                int kept = 0;
                for (int r = 0; r < n; r++) {
                    if (reasons[r] == null) {
                        keep[kept++] = r;
                    } else {
                        anyBad = true;
                        ctx.quarantine().reject(seen + r + 1, b, r, reasons[r]);
                        quarantined++;
                    }
                }
                if (anyBad) {
                    for (int c = 0; c < columns.length; c++) {
                        columns[c] = columns[c].select(keep, kept);
                    }
                }
                if (kept > 0) {
                    out.write(new Batch(plan.output, kept, columns));
                }
                seen += n;
                ctx.checkCancelled();
            }
            if (quarantined > 0) {
                List<String> cast = new ArrayList<>(params.cast().keySet());
                ctx.log().info("select: {} of {} rows quarantined, values that do not cast in {}", quarantined, seen,
                        cast);
            }
        }
    }
}
