package org.assay.transforms.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.RowContext;

/** One run of {@code derive}: one pass, every derived column computed from the input row. */
final class DeriveStep implements Step {

    private final DeriveParameters params;

    DeriveStep(DeriveParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        long rows = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema input = in.schema();
            DerivedColumn.Plan plan = plan(input);
            List<DerivedColumn> derived = plan.columns();
            Schema output = plan.output();
            // Output column -> input column it copies, or -1 for a derived one.
            int[] source = new int[output.size()];
            for (int c = 0; c < output.size(); c++) {
                source[c] = input.indexOf(output.field(c).name());
            }
            for (DerivedColumn d : derived) {
                source[d.index()] = -1;
            }
            Object[] values = new Object[derived.size()];
            RowContext row = new RowContext(input);
            BatchSink out = ctx.output(PortSpec.OUT, output);
            for (Batch b = in.next(); b != null; b = in.next()) {
                BatchBuilder builder = new BatchBuilder(output, Math.max(1, b.rowCount()));
                for (int r = 0; r < b.rowCount(); r++) {
                    String failure = compute(derived, row.at(b, r), values);
                    if (failure != null) {
                        ctx.quarantine().reject(rows + r + 1, b, r, failure);
                        continue;
                    }
                    for (int c = 0; c < source.length; c++) {
                        if (source[c] >= 0) {
                            copy(builder, c, b.column(source[c]), r);
                        }
                    }
                    for (int i = 0; i < derived.size(); i++) {
                        builder.set(derived.get(i).index(), values[i]);
                    }
                    builder.endRow();
                }
                if (!builder.isEmpty()) {
                    out.write(builder.build());
                }
                rows += b.rowCount();
                ctx.checkCancelled();
            }
            ctx.log().info("derive computed {} over {} rows; schema {}", params.columns().keySet(), rows, output);
        }
    }

    private DerivedColumn.Plan plan(Schema input) throws StepFailure {
        Map<String, Expression> compiled = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.columns().entrySet()) {
            compiled.put(e.getKey(), ExpressionCheck.compile("columns." + e.getKey(), e.getValue(), input,
                    params.declaredType(e.getKey()).orElse(null)));
        }
        return DerivedColumn.plan(params, input, compiled).orElseThrow(() -> new StepFailure(
                "parameter types: " + DerivedColumn.untypedAdvice(DerivedColumn.untyped(params, input))));
    }

    /** Fills {@code values} for this row; the quarantine reason when a column fails, else null. */
    private static String compute(List<DerivedColumn> derived, RowContext row, Object[] values) {
        for (int i = 0; i < derived.size(); i++) {
            DerivedColumn d = derived.get(i);
            try {
                values[i] = d.convert(d.expression().evaluate(row));
            } catch (Expression.EvaluationFailure | IllegalArgumentException | ArithmeticException e) {
                return "derive " + d.name() + " = '" + d.expression().source() + "': " + e.getMessage();
            }
        }
        return null;
    }

    private static void copy(BatchBuilder to, int col, Column from, int r) {
        if (from.isNull(r)) {
            to.setNull(col);
            return;
        }
        switch (from.type().storage()) {
            case LONG -> to.setLong(col, from.longs()[r]);
            case DOUBLE -> to.setDouble(col, from.doubles()[r]);
            case TEXT -> to.setString(col, from.texts()[r]);
        }
    }
}
