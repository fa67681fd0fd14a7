package org.assay.visualizers.internal;

import java.util.Arrays;
import java.util.Set;

import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;

/**
 * Looks up the columns a chart parameter names and refuses the ones a chart must not
 * publish: unknown columns, columns of a type the chart cannot plot, and pii columns
 * unless the workflow allows them.
 */
final class ChartColumns {

    private final Schema schema;
    private final boolean allowPii;

    ChartColumns(Schema schema, boolean allowPii) {
        this.schema = schema;
        this.allowPii = allowPii;
    }

    /**
     * The position of the column named by {@code parameter}.
     *
     * @param allowed the field types the chart can plot from this parameter; empty for any
     */
    int require(String parameter, String column, Set<FieldType> allowed) throws StepFailure {
        int index = schema.indexOf(column);
        if (index < 0) {
            throw new StepFailure("parameter '" + parameter + "': there is no column '" + column
                    + "'; the input's columns are " + schema.names());
        }
        Field field = schema.field(index);
        if (!allowed.isEmpty() && !allowed.contains(field.type())) {
            throw new StepFailure("parameter '" + parameter + "': column '" + column + "' is "
                    + field.type().jsonName() + " but must be one of "
                    + Arrays.stream(FieldType.values()).filter(allowed::contains).map(FieldType::jsonName).toList()
                    + "; pick another column or convert it in an earlier step");
        }
        if (field.has(FieldTag.PII) && !allowPii) {
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
