package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;

/**
 * The target and the feature columns of a supervised model. The target comes from the
 * {@code target} parameter or the one column tagged target. Features are the named columns,
 * or by default every integer, decimal, date, timestamp, categorical and boolean column except
 * the target, columns tagged id or pii, and key-like columns (a name that reads as a key, see
 * {@link ClusterColumns#keyLikeName}, whose values differ in every row: such a column lets a
 * tree memorise rows and predicts nothing on new customers).
 *
 * <p>String columns (what csv-reader makes of undeclared text such as "Month-to-month" or
 * "Yes") are nominal features when they read as categories: after the pass, a string column
 * is kept when it has at most {@value #MAX_TEXT_VALUES} distinct values and no more than
 * {@value #MAX_TEXT_SHARE_PERCENT}% of its rows with a value (two values always pass). Ids,
 * surnames and free text fail that rule and are left out, with the reason in the summary, the
 * log and metrics.json. A named string column is always used. A string target is nominal.
 *
 * @param target   the target column (nominal for categorical/boolean/string, numeric otherwise)
 * @param features candidate features; key suspects and text columns are settled after the data is read
 * @param leftOut  "name: reason" for each column the default left out
 * @param suspects features that may turn out to be keys, by index into {@code features}
 * @param texts    string features that must read as categories to be kept, by index into {@code features}
 */
record PredictorColumns(ClusterColumn target, List<ClusterColumn> features, List<String> leftOut,
        List<Integer> suspects, List<Integer> texts) {

    /** The most distinct values an unnamed string column may have to be a nominal feature. */
    static final int MAX_TEXT_VALUES = 50;
    /** The most distinct values, in percent of its rows with a value, an unnamed string column may have. */
    static final int MAX_TEXT_SHARE_PERCENT = 5;

    static PredictorColumns choose(Schema schema, Optional<String> targetName, List<String> named) throws StepFailure {
        ClusterColumn target = target(schema, targetName);
        List<ClusterColumn> features = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<Integer> suspects = new ArrayList<>();
        List<Integer> texts = new ArrayList<>();
        if (!named.isEmpty()) {
            for (String name : new LinkedHashSet<>(named)) {
                int i = schema.indexOf(name);
                if (i < 0) {
                    throw new StepFailure("parameter columns: " + ColumnNotFound.message(name, schema, "the input") + ".");
                }
                if (i == target.position()) {
                    throw new StepFailure("columns: names the target '" + name + "'; a model may not learn from the"
                            + " column it predicts. Remove it from 'columns'.");
                }
                Field f = schema.field(i);
                features.add(new ClusterColumn(f, i, nominal(f)));
            }
            return new PredictorColumns(target, features, leftOut, suspects, texts);
        }
        for (int i = 0; i < schema.size(); i++) {
            Field f = schema.field(i);
            if (i == target.position()) {
                continue;
            }
            String reason = null;
            if (f.has(FieldTag.ID)) {
                reason = "tagged id";
            } else if (f.has(FieldTag.PII)) {
                reason = "tagged pii";
            } else if (f.has(FieldTag.TARGET)) {
                reason = "tagged target (another target)";
            }
            if (reason != null) {
                leftOut.add(f.name() + ": " + reason);
                continue;
            }
            if (ClusterColumns.keyLikeName(f.name()) != null && f.type() != FieldType.BOOLEAN) {
                suspects.add(features.size());
            }
            if (f.type() == FieldType.STRING) {
                texts.add(features.size());
            }
            features.add(new ClusterColumn(f, i, nominal(f)));
        }
        if (features.isEmpty()) {
            throw new StepFailure("columns: not set, and the input has no column to learn from besides the target '"
                    + target.name() + "' (left out: " + String.join("; ", leftOut) + "). Name them in 'columns'.");
        }
        return new PredictorColumns(target, features, leftOut, suspects, texts);
    }

    /** The same columns with another target (a 0/1 integer target read as two classes). */
    PredictorColumns withTarget(ClusterColumn newTarget) {
        return new PredictorColumns(newTarget, features, leftOut, suspects, texts);
    }

    /** Features known before the data is read to be in the model: all but unnamed string columns. */
    List<ClusterColumn> certainFeatures() {
        List<ClusterColumn> certain = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            if (!texts.contains(j)) {
                certain.add(features.get(j));
            }
        }
        return certain;
    }

    /**
     * Whether a string column with {@code distinct} values over {@code withValue} rows reads as
     * a category (see the class comment).
     */
    static boolean readsAsCategory(int distinct, long withValue) {
        return distinct <= 2 || distinct <= MAX_TEXT_VALUES && distinct * 100L <= withValue * MAX_TEXT_SHARE_PERCENT;
    }

    /** A converter for {@link #converted}, remembering no more text values than the rule can keep. */
    InstancesConverter converter() {
        InstancesConverter converter = new InstancesConverter(converted());
        for (int j : texts) {
            converter.limitValues(j, MAX_TEXT_VALUES);
        }
        return converter;
    }

    /** The columns to convert, target last, so Weka's class attribute is the last one as in ARFF files. */
    List<ClusterColumn> converted() {
        List<ClusterColumn> all = new ArrayList<>(features);
        all.add(target);
        return all;
    }

    /**
     * The columns to keep after looking at the data: key suspects with a different value in
     * every row go, and so do string columns that do not read as categories.
     */
    List<ClusterColumn> settle(InstancesConverter converter, List<String> warnings) throws StepFailure {
        List<ClusterColumn> kept = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            ClusterColumn c = features.get(j);
            String why = null;
            if (texts.contains(j) && converter.overflowed(j)) {
                why = String.format(Locale.ROOT, "text with more than %d distinct values (an id, a name or free"
                        + " text), too many for a category", MAX_TEXT_VALUES);
            } else if (suspects.contains(j) && converter.rowCount() > 1 && converter.valuesDiffer(j)) {
                why = "looks like a key (" + ClusterColumns.keyLikeName(c.name()) + ", unique per row)";
            } else if (texts.contains(j)) {
                int distinct = converter.distinctValues(j);
                long withValue = converter.rowsWithValue(j);
                if (!readsAsCategory(distinct, withValue)) {
                    why = String.format(Locale.ROOT, "text with %d distinct values in %d rows, too many for a"
                            + " category (at most %d, and at most %d%% of the rows)", distinct, withValue,
                            MAX_TEXT_VALUES, MAX_TEXT_SHARE_PERCENT);
                }
            }
            if (why != null) {
                leftOut.add(c.name() + ": " + why);
                warnings.add(c.name() + " left out: " + why + "; name it in 'columns' to use it.");
            } else {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            throw new StepFailure("columns: not set, and every column besides the target looks like a key: "
                    + String.join("; ", leftOut) + ". Name the columns to learn from in 'columns'.");
        }
        kept.add(target);
        return kept;
    }

    private static ClusterColumn target(Schema schema, Optional<String> name) throws StepFailure {
        int i;
        if (name.isPresent()) {
            i = schema.indexOf(name.get());
            if (i < 0) {
                throw new StepFailure("parameter target: " + ColumnNotFound.message(name.get(), schema, "the input")
                        + ".");
            }
        } else {
            List<Integer> tagged = new ArrayList<>();
            for (int j = 0; j < schema.size(); j++) {
                if (schema.field(j).has(FieldTag.TARGET)) {
                    tagged.add(j);
                }
            }
            if (tagged.size() != 1) {
                throw new StepFailure("target: " + (tagged.isEmpty() ? "not set, and no input column is tagged target"
                        : "not set, and " + tagged.size() + " columns are tagged target ("
                                + String.join(", ", tagged.stream().map(j -> schema.field(j).name()).toList()) + ")")
                        + ". Name the column to predict in 'target', e.g. \"target\": \"churned\".");
            }
            i = tagged.get(0);
        }
        Field f = schema.field(i);
        if (f.has(FieldTag.ID) || f.has(FieldTag.PII)) {
            throw new StepFailure("target: '" + f.name() + "' is tagged " + (f.has(FieldTag.ID) ? "id" : "pii")
                    + "; a model predicts an outcome (churned, bought, value), not a key or personal data. Name"
                    + " the column to predict in 'target'.");
        }
        if (f.type() == FieldType.DATE || f.type() == FieldType.TIMESTAMP) {
            throw new StepFailure("target: '" + f.name() + "' is " + f.type().jsonName() + "; predict a categorical,"
                    + " string or boolean column (classification) or an integer or decimal column (regression).");
        }
        return new ClusterColumn(f, i, nominal(f));
    }

    static boolean nominal(Field f) {
        return f.type() == FieldType.CATEGORICAL || f.type() == FieldType.BOOLEAN || f.type() == FieldType.STRING;
    }

    /** "classification" or "regression", for messages and the model's properties. */
    String task() {
        return target.nominal() ? "classification" : "regression";
    }

    @Override
    public String toString() {
        return task().toLowerCase(Locale.ROOT) + " of " + target.name() + " from " + features.stream()
                .map(ClusterColumn::name).toList();
    }
}
