package org.assay.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code drop-pii} step type: drops every column tagged pii except those kept. Decided from
 * the schema of each run's input, so a pii column added upstream later is dropped too.
 */
@Component(service = StepType.class)
@AssayStepType("drop-pii")
public final class DropPiiStepType extends TypedStepType<DropPiiParameters> {

    public DropPiiStepType() {
        super(DropPiiParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.PRIVACY).title("Drop personal-data columns")
                .tags("privacy", "pii", "gdpr", "columns")
                .description("Drops every column tagged pii that keep does not name; the other columns and every "
                        + "row pass through unchanged. Columns are chosen from the tags the input has when the "
                        + "run starts, so a pii column added upstream later is dropped as well. Streams: one pass.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows with personal data."))
                .output(PortSpec.OUT, "The same rows without the pii columns.");
    }

    /** A kept column that is not pii is kept anyway: naming it is a mistake worth saying. */
    @Override
    protected List<ParameterProblem> check(DropPiiParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        List<ParameterProblem> problems = new ArrayList<>();
        if (in != null) {
            for (String k : p.keep()) {
                if (in.contains(k) && !in.field(k).has(FieldTag.PII)) {
                    problems.add(ParameterProblem.of("keep", "column '" + k + "' is not tagged pii, so drop-pii "
                            + "keeps it anyway; remove it from keep"));
                }
            }
        }
        return problems;
    }

    static int[] kept(DropPiiParameters p, Schema in) {
        return java.util.stream.IntStream.range(0, in.size())
                .filter(i -> !in.field(i).has(FieldTag.PII) || p.keep().contains(in.field(i).name())).toArray();
    }

    static Schema output(Schema in, int[] kept) {
        List<Field> fields = new ArrayList<>();
        for (int i : kept) {
            fields.add(in.field(i));
        }
        return Schema.of(fields);
    }

    @Override
    protected Step newStep(DropPiiParameters p) {
        return ctx -> {
            try (DataStream in = ctx.input(PortSpec.IN)) {
                for (String k : p.keep()) {
                    if (!in.schema().contains(k)) {
                        throw new StepFailure("drop-pii: parameter keep: " + org.assay.api.data.ColumnNotFound
                                .message(k, in.schema(), "the input"));
                    }
                }
                int[] kept = kept(p, in.schema());
                Schema schema = output(in.schema(), kept);
                BatchSink out = ctx.output(PortSpec.OUT, schema);
                for (Batch b = in.next(); b != null; b = in.next()) {
                    Column[] columns = new Column[kept.length];
                    for (int c = 0; c < kept.length; c++) {
                        columns[c] = b.column(kept[c]);
                    }
                    out.write(new Batch(schema, b.rowCount(), columns));
                    ctx.checkCancelled();
                }
                ctx.log().info("drop-pii: dropped {} pii columns, kept {}", in.schema().size() - kept.length,
                        p.keep().size());
            }
        };
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(DropPiiParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? Optional.empty() : Optional.of(Map.of(PortSpec.OUT, output(in, kept(p, in))));
    }
}
