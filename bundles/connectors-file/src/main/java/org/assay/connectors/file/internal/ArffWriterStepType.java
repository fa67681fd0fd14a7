package org.assay.connectors.file.internal;

import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code arff-writer} step type: a dataset as a Weka ARFF file. */
@Component(service = StepType.class)
@AssayStepType("arff-writer")
public final class ArffWriterStepType extends TypedStepType<ArffWriterParameters> {

    public ArffWriterStepType() {
        super(ArffWriterParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.SINK).title("Write ARFF file").tags("file", "arff", "weka", "sink")
                .description("Writes the rows as a dense Weka ARFF file (UTF-8): integer and decimal columns as "
                        + "numeric, booleans as {false,true}, categorical columns with declared categories as "
                        + "nominal (others as string), text as string, dates as date \"yyyy-MM-dd\", timestamps as "
                        + "date \"yyyy-MM-dd'T'HH:mm:ss.SSS\" in UTC; missing values as ?. Values are quoted where "
                        + "ARFF needs it. A categorical value outside its declared categories fails the step.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to write."));
    }

    @Override
    protected Step newStep(ArffWriterParameters p) {
        return new ArffWriterStep(p);
    }
}
