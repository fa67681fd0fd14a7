package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Encodes rows of new data as instances of a trained model's header: each model column is
 * found by name, numbers are copied, categories are looked up in the attribute's values. A
 * category the model never saw becomes a missing value (Weka's classifiers all handle
 * those) and is counted per column, so the step can say how much of the data was new.
 *
 * <p>{@link #problems} is the schema check, on Assay schemas, so the validator can run it at
 * deploy when both schemas are known and the step runs the same check at run time.
 */
final class RowEncoder {

    private final Instances header;
    private final int[] positions;
    private final Map<String, Long> unseen = new LinkedHashMap<>();

    private RowEncoder(Instances header, int[] positions) {
        this.header = header;
        this.positions = positions;
    }

    /**
     * Why rows of {@code input} cannot be scored by a model trained on {@code model}; empty
     * when they can. Missing columns and columns of another kind are problems; the target
     * column may be absent, and extra columns are ignored.
     */
    static List<String> problems(Schema model, String target, Schema input) {
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Field f : model) {
            if (f.name().equals(target)) {
                continue;
            }
            int i = input.indexOf(f.name());
            if (i < 0) {
                missing.add(f.name());
                continue;
            }
            Field given = input.field(i);
            if (!compatible(f.type(), given.type())) {
                problems.add("column '" + f.name() + "' is " + given.type().jsonName() + " but the model was trained on "
                        + f.type().jsonName() + "; convert it (e.g. declare it " + f.type().jsonName()
                        + " in the reader)");
            }
        }
        if (!missing.isEmpty()) {
            problems.add(0, "the model needs column" + (missing.size() > 1 ? "s " : " ") + missing
                    + " which the input lacks (it has " + input.names() + "); score data with the columns the model"
                    + " was trained on");
        }
        return problems;
    }

    private static boolean compatible(FieldType trained, FieldType given) {
        if (trained == given) {
            return true;
        }
        boolean numbers = (trained == FieldType.INTEGER || trained == FieldType.DECIMAL)
                && (given == FieldType.INTEGER || given == FieldType.DECIMAL);
        boolean categories = trained == FieldType.CATEGORICAL && given == FieldType.STRING;
        return numbers || categories;
    }

    /**
     * @param modelSchema the model's header as Assay fields, in Weka attribute order
     * @throws StepFailure with {@link #problems} when the input does not fit
     */
    static RowEncoder of(Instances header, Schema modelSchema, Schema input, String where) throws StepFailure {
        String target = header.classIndex() >= 0 ? header.classAttribute().name() : null;
        List<String> problems = problems(modelSchema, target, input);
        if (!problems.isEmpty()) {
            throw new StepFailure(where + ": " + String.join("; ", problems) + ".");
        }
        int[] positions = new int[header.numAttributes()];
        for (int j = 0; j < positions.length; j++) {
            positions[j] = input.indexOf(header.attribute(j).name());
        }
        return new RowEncoder(header, positions);
    }

    /** Row {@code r} of the batch as an instance of the header (class value from the input when present). */
    Instance encode(Batch batch, int r) {
        double[] values = new double[positions.length];
        for (int j = 0; j < positions.length; j++) {
            values[j] = positions[j] < 0 ? Utils.missingValue() : value(batch.column(positions[j]), r,
                    header.attribute(j));
        }
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return instance;
    }

    private double value(Column column, int r, Attribute a) {
        if (column.isNull(r)) {
            return Utils.missingValue();
        }
        if (a.isNumeric()) {
            return column.type().storage() == FieldType.Storage.DOUBLE ? column.getDouble(r) : column.getLong(r);
        }
        String text = column.type() == FieldType.BOOLEAN ? Boolean.toString(column.getLong(r) != 0)
                : column.type().storage() == FieldType.Storage.LONG ? Long.toString(column.getLong(r))
                : column.getString(r);
        int index = a.indexOfValue(text);
        if (index < 0) {
            unseen.merge(a.name(), 1L, Long::sum);
            return Utils.missingValue();
        }
        return index;
    }

    /** Column name to the number of values the model never saw (scored as missing). */
    Map<String, Long> unseen() {
        return unseen;
    }
}
