package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * The columns {@code weka-score} appends, worked out from the model's header alone so the
 * validator shows them at deploy and the step writes exactly them: the prediction, one
 * probability per class, and the reasons.
 */
final class ScoredColumns {

    static final String PROBABILITY_PREFIX = "probability_";
    static final String REASON_PREFIX = "reason_";
    static final String TOP_PREFIX = "top_";

    private ScoredColumns() {
    }

    /** The model header's target field: the one tagged target, else the last field (Weka's class). */
    static Field target(Schema model) {
        for (Field f : model) {
            if (f.has(FieldTag.TARGET)) {
                return f;
            }
        }
        return model.field(model.size() - 1);
    }

    static List<Field> fields(Schema model, ScoreParameters p) {
        Field target = target(model);
        boolean classification = target.type() == FieldType.CATEGORICAL || target.type() == FieldType.BOOLEAN;
        List<Field> fields = new ArrayList<>();
        List<String> classes = classes(target);
        fields.add(classification ? Field.of(p.predictionColumn(), FieldType.CATEGORICAL).withCategories(classes)
                : Field.of(p.predictionColumn(), FieldType.DECIMAL));
        if (classification && p.probabilities()) {
            for (String c : classes) {
                fields.add(Field.of(PROBABILITY_PREFIX + c, FieldType.DECIMAL));
            }
        }
        for (int i = 1; classification && i <= topCount(p, classes.size()); i++) {
            fields.add(Field.of(TOP_PREFIX + i, FieldType.CATEGORICAL).withCategories(classes));
        }
        for (int i = 1; i <= p.reasons(); i++) {
            fields.add(Field.of(REASON_PREFIX + i, FieldType.STRING));
        }
        return fields;
    }

    /** How many top_ columns a classification with {@code classes} classes gets. */
    static int topCount(ScoreParameters p, int classes) {
        return Math.min(p.topClasses(), classes);
    }

    static List<String> classes(Field target) {
        return target.type() == FieldType.BOOLEAN ? List.of("false", "true") : target.categories();
    }

    static Schema output(Schema input, List<Field> added) {
        Schema out = input;
        for (Field f : added) {
            out = out.with(f);
        }
        return out;
    }
}
