package org.assay.connectors.file.internal;

import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code json-writer} step type: a dataset as JSON lines. */
@Component(service = StepType.class)
@AssayStepType("json-writer")
public final class JsonWriterStepType extends TypedStepType<JsonWriterParameters> {

    public JsonWriterStepType() {
        super(JsonWriterParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.SINK).title("Write JSON lines").tags("file", "json", "sink")
                .description("Writes one JSON object per row and line (JSON lines, UTF-8), fields in column order: "
                        + "integers and decimals as numbers (a decimal that is not a number, NaN or infinite, as "
                        + "null), booleans, dates and timestamps as ISO-8601 text, missing values as null. Written "
                        + "under a temporary name and moved into place when complete.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to write."));
    }

    @Override
    protected Step newStep(JsonWriterParameters p) {
        return new JsonWriterStep(p);
    }
}
