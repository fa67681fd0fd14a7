package org.assay.visualizers.internal;

import java.util.Arrays;

import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ColumnRule;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;

/**
 * Looks up the columns a chart parameter names and refuses the ones a chart must not
 * publish: unknown columns, columns of a type the chart cannot plot, and pii columns
 * unless the workflow allows them.
 *
 * <p>The rules are the parameters' {@link ColumnRule}s (from {@code @Columns} on the
 * parameter record), which the engine checks at deploy when the input's schema is known
 * then; this is the check at run time, for inputs whose schema was unknown at deploy.
 */
final class ChartColumns {

    private final Schema schema;
    private final boolean allowPii;
    private final StepDescriptor descriptor;

    /**
     * @param allowPii   the value of {@link ChartParameters#ALLOW_PII}
     * @param descriptor the chart's descriptor, whose column parameters give the rules
     */
    ChartColumns(Schema schema, boolean allowPii, StepDescriptor descriptor) {
        this.schema = schema;
        this.allowPii = allowPii;
        this.descriptor = descriptor;
    }

    /** The position of {@code column}, named by {@code parameter}, after checking it against the parameter's rule. */
    int require(String parameter, String column) throws StepFailure {
        ColumnRule rule = descriptor.parameter(parameter).map(ParameterSpec::column).orElseThrow(
                () -> new IllegalStateException(descriptor.typeId() + " has no column parameter " + parameter));
        int index = schema.indexOf(column);
        if (index < 0) {
            throw new StepFailure("parameter " + parameter + ": " + ColumnNotFound.message(column, schema, "the input"));
        }
        Field field = schema.field(index);
        if (!rule.accepts(field.type())) {
            throw new StepFailure("parameter '" + parameter + "': column '" + column + "' is "
                    + field.type().jsonName() + " but must be one of "
                    + Arrays.stream(FieldType.values()).filter(rule.accepts()::contains).map(FieldType::jsonName).toList()
                    + "; pick another column or convert it in an earlier step");
        }
        boolean piiAllowed = rule.allowPii() || (rule.allowPiiParameter() != null && allowPii);
        if (field.has(FieldTag.PII) && !piiAllowed) {
            throw new StepFailure("parameter '" + parameter + "': column '" + column
                    + "' is tagged pii (personal data) and a chart would publish it. Pseudonymize or drop it"
                    + " with a privacy step first, or set \"allowPii\": true on this step if publishing it is intended");
        }
        return index;
    }

    Field field(int index) {
        return schema.field(index);
    }
}
