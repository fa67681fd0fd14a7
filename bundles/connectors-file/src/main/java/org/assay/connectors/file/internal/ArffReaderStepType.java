package org.assay.connectors.file.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.DesignContext;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code arff-reader} step type: Weka's ARFF files into a typed dataset. */
@Component(service = StepType.class)
@AssayStepType("arff-reader")
public final class ArffReaderStepType extends TypedStepType<ArffReaderParameters> {

    public ArffReaderStepType() {
        super(ArffReaderParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CONNECTOR).title("Read ARFF file").tags("file", "arff", "weka", "source")
                .description("Reads a Weka ARFF file (dense or sparse data, plain or gzip), streaming. numeric and real "
                        + "attributes become decimals, integer integers, {value lists} categorical columns with "
                        + "those categories, string strings, date timestamps (dates without a time of day); ? is "
                        + "missing. A data line that does not fit the header goes to quarantine with its number.")
                .output(PortSpec.OUT, "One row per instance.");
    }

    @Override
    protected Step newStep(ArffReaderParameters p) {
        return new ArffReaderStep(p);
    }

    /** The columns of the file's header, when the workflow may read it. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ArffReaderParameters p, Map<String, Schema> inputs,
            DesignContext ctx) {
        Optional<Path> file = p.problems().isEmpty() ? ctx.readableFile(p.path()) : Optional.empty();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (BufferedReader r = ArffReaderStep.open(file.get())) {
            return Optional.of(Map.of(PortSpec.OUT, ArffHeader.read(r, p.target().orElse(null)).schema()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
