package org.assay.connectors.file.internal;

import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code json-reader} step type: JSON arrays and JSON lines into a typed dataset. */
@Component(service = StepType.class)
@AssayStepType("json-reader")
public final class JsonReaderStepType extends TypedStepType<JsonReaderParameters> {

    public JsonReaderStepType() {
        super(JsonReaderParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CONNECTOR).title("Read JSON file").tags("file", "json", "source")
                .description("Reads a JSON array of objects or JSON lines (plain or gzip), streaming, one row per "
                        + "record or per element of an exploded array. paths map nested values to columns; without "
                        + "them the fields become columns, nested objects flattened (address.city). Types come from "
                        + "columns or are inferred from the first " + JsonRecords.SAMPLE + " records. A line that is "
                        + "not JSON, or a value that does not fit its column, goes to quarantine with its number.")
                .output(PortSpec.OUT, "One row per record (or array element).");
    }

    @Override
    protected Step newStep(JsonReaderParameters p) {
        return new JsonReaderStep(p);
    }
}
