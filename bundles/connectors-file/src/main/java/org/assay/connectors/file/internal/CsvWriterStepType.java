package org.assay.connectors.file.internal;

import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code csv-writer} step type: writes a dataset to a CSV file. */
@Component(service = StepType.class)
@AssayStepType("csv-writer")
public final class CsvWriterStepType extends TypedStepType<CsvWriterParameters> {

    public CsvWriterStepType() {
        super(CsvWriterParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.SINK).title("Write CSV file").tags("file", "csv", "sink")
                .description("Writes the input rows to a CSV file: dates and timestamps as ISO-8601, whole decimals "
                        + "without a trailing .0, empty cells for missing values, quotes only where needed, LF line "
                        + "ends. The file is written under a temporary name and moved into place when complete, so "
                        + "readers never see half a file.")
                // One pass from the first batch to the last: the input can stream.
                .input(PortSpec.streamed(PortSpec.IN, "The rows to write."));
    }

    @Override
    protected Step newStep(CsvWriterParameters p) {
        return new CsvWriterStep(p);
    }
}
