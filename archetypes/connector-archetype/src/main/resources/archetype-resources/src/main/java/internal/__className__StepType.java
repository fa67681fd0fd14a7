package ${package}.internal;

import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code ${stepId}} step type: a file of key=value lines into rows. */
@Component(service = StepType.class)
@AssayStepType("${stepId}")
public final class ${className}StepType extends TypedStepType<${className}Parameters> {

    /** The columns every run writes, known before it runs. */
    static final Schema SCHEMA = Schema.of(
            Field.of("line", FieldType.INTEGER).withNullable(false),
            Field.of("key", FieldType.STRING).withNullable(false),
            Field.of("value", FieldType.STRING));

    public ${className}StepType() {
        super(${className}Parameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CONNECTOR).title("Read key=value file").tags("file", "source")
                .description("Reads a text file of key=value lines, one row per line with its number. Blank lines "
                        + "are skipped; a line without '=' or with a value over maxValueLength goes to quarantine.")
                .output(PortSpec.OUT, "One row per key=value line.");
    }

    @Override
    protected Step newStep(${className}Parameters p) {
        return new ${className}Step(p);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(${className}Parameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, SCHEMA));
    }
}
