package org.assay.transforms.internal.combine;

import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code sample}: count the strata, then keep the picked rows. */
final class SampleStep implements Step {

    private final SampleParameters p;

    SampleStep(SampleParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        StratifiedSelection selection;
        String stratify = p.stratify().orElse(null);
        long rows = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            selection = new StratifiedSelection(stratumColumn(in, stratify), p.seed());
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                selection.count(b, stratify);
                rows += b.rowCount();
            }
        }
        if (p.n().isPresent()) {
            long n = p.n().get();
            selection.target(size -> n);
        } else {
            double fraction = p.fraction().orElseThrow();
            selection.target(size -> Math.round(fraction * size));
        }
        long kept = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            BatchSink sink = ctx.output(PortSpec.OUT, in.schema());
            int[] keep = new int[org.assay.api.data.BatchBuilder.DEFAULT_CAPACITY];
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                if (keep.length < b.rowCount()) {
                    keep = new int[b.rowCount()];
                }
                int count = 0;
                for (int r = 0; r < b.rowCount(); r++) {
                    if (selection.pick(b, r)) {
                        keep[count++] = r;
                    }
                }
                sink.write(count == b.rowCount() ? b : b.select(keep, count));
                kept += count;
            }
        }
        ctx.countFiltered(rows - kept);
    }

    static int stratumColumn(DataStream in, String stratify) throws StepFailure {
        if (stratify == null) {
            return -1;
        }
        int at = in.schema().indexOf(stratify);
        if (at < 0) {
            throw new StepFailure(ColumnNotFound.message(stratify, in.schema(), "the input"));
        }
        return at;
    }
}
