package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;

/** Chooses the input columns to cluster on, from the {@code columns} parameter or by default. */
final class ClusterColumns {

    private ClusterColumns() {
    }

    /**
     * The columns named in {@code requested}, in that order; when it is empty, every integer and
     * decimal column not tagged id or pii, except {@code clusterColumn} (a re-clustered
     * output). Named columns may be of any type except free-text string.
     *
     * @throws StepFailure naming the parameter and listing the input's columns
     */
    static List<ClusterColumn> choose(Schema schema, List<String> requested, String clusterColumn)
            throws StepFailure {
        List<ClusterColumn> chosen = new ArrayList<>();
        if (requested.isEmpty()) {
            for (int i = 0; i < schema.size(); i++) {
                Field f = schema.field(i);
                if (f.type().isNumeric() && !f.has(FieldTag.ID) && !f.has(FieldTag.PII)
                        && !f.name().equals(clusterColumn)) {
                    chosen.add(new ClusterColumn(f, i, false));
                }
            }
            if (chosen.isEmpty()) {
                throw new StepFailure("columns: not set, and the input has no integer or decimal column that is"
                        + " not tagged id or pii. The columns are " + describe(schema)
                        + ". Name the columns to cluster on in 'columns'.");
            }
            return chosen;
        }
        for (String name : new LinkedHashSet<>(requested)) {
            int i = schema.indexOf(name);
            if (i < 0) {
                throw new StepFailure("columns: the input has no column '" + name + "'. The columns are "
                        + schema.names() + ".");
            }
            Field f = schema.field(i);
            if (f.type() == FieldType.STRING) {
                throw new StepFailure("columns: '" + name + "' is free text (string); clustering needs numbers or"
                        + " categories. Leave it out of 'columns', or make it categorical first.");
            }
            boolean nominal = f.type() == FieldType.CATEGORICAL || f.type() == FieldType.BOOLEAN;
            chosen.add(new ClusterColumn(f, i, nominal));
        }
        return chosen;
    }

    private static String describe(Schema schema) {
        List<String> parts = new ArrayList<>();
        for (Field f : schema) {
            String tags = f.tags().isEmpty() ? "" : ", " + String.join(", ", f.tags().stream()
                    .map(t -> t.name().toLowerCase(Locale.ROOT)).sorted().toList());
            parts.add(f.name() + " (" + f.type().jsonName() + tags + ")");
        }
        return parts.toString();
    }
}
