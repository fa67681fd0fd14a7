package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;

/**
 * Chooses the input columns to cluster on, from the {@code columns} parameter or by default,
 * and remembers which columns the default left out and why. Not thread-safe.
 *
 * <p>The default is every integer and decimal column except those tagged id or pii, the
 * cluster column, and columns that look like keys: a name that reads as a key
 * ({@link #keyLikeName}) and values that differ in every row. Clustering on a key groups rows
 * by when they were created, and the profile would report the mean of an id. The name alone
 * is not enough (an {@code order_number} may repeat and mean something), and unique values
 * alone are not either (a precise amount is often unique), so both must hold. Uniqueness
 * needs the data: such a column is converted with the others ({@link #candidates}) and
 * dropped after the pass ({@link #settle}). Named columns are always used.
 */
final class ClusterColumns {

    /** Last words of a name that mark a key: customer_id, orderNo, account_number, uuid. */
    private static final Set<String> KEY_WORDS = Set.of("id", "key", "uuid", "guid", "uid", "no", "nr", "number");

    private final List<ClusterColumn> candidates;
    /** Candidates whose name looks like a key, with the reason, until {@link #settle} decides. */
    private final Map<ClusterColumn, String> keySuspects;
    /** Position in the schema to "name: reason", so the summary lists them in input order. */
    private final Map<Integer, String> leftOut = new TreeMap<>();
    private final List<String> keysLeftOut = new ArrayList<>();

    private ClusterColumns(List<ClusterColumn> candidates, Map<ClusterColumn, String> keySuspects) {
        this.candidates = List.copyOf(candidates);
        this.keySuspects = keySuspects;
    }

    /**
     * The columns named in {@code requested}, in that order; when it is empty, the default
     * described on the class. Named columns may be of any type except free-text string.
     *
     * @throws StepFailure naming the parameter and listing the input's columns
     */
    static ClusterColumns choose(Schema schema, List<String> requested, String clusterColumn) throws StepFailure {
        if (!requested.isEmpty()) {
            return new ClusterColumns(named(schema, requested), Map.of());
        }
        List<ClusterColumn> chosen = new ArrayList<>();
        Map<ClusterColumn, String> suspects = new LinkedHashMap<>();
        Map<Integer, String> reasons = new TreeMap<>();
        for (int i = 0; i < schema.size(); i++) {
            Field f = schema.field(i);
            String reason = null;
            if (f.name().equals(clusterColumn)) {
                reason = "replaced by the cluster column this step writes";
            } else if (f.has(FieldTag.ID)) {
                reason = "tagged id";
            } else if (f.has(FieldTag.PII)) {
                reason = "tagged pii";
            } else if (!f.type().isNumeric()) {
                reason = f.type().jsonName() + "; by default only integer and decimal columns are clustered";
            }
            if (reason != null) {
                reasons.put(i, f.name() + ": " + reason);
                continue;
            }
            ClusterColumn c = new ClusterColumn(f, i, false);
            chosen.add(c);
            String keyName = keyLikeName(f.name());
            if (keyName != null) {
                suspects.put(c, keyName);
            }
        }
        if (chosen.isEmpty()) {
            throw noneLeft(schema);
        }
        ClusterColumns result = new ClusterColumns(chosen, suspects);
        result.leftOut.putAll(reasons);
        return result;
    }

    private static List<ClusterColumn> named(Schema schema, List<String> requested) throws StepFailure {
        List<ClusterColumn> chosen = new ArrayList<>();
        for (String name : new LinkedHashSet<>(requested)) {
            int i = schema.indexOf(name);
            if (i < 0) {
                throw new StepFailure("parameter columns: " + ColumnNotFound.message(name, schema, "the input") + ".");
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

    /** The columns to convert: the final columns plus default ones that may turn out to be keys. */
    List<ClusterColumn> candidates() {
        return candidates;
    }

    /**
     * Leaves out the key-named candidates whose values differ in every row.
     *
     * @return the columns to cluster on, a sublist of {@link #candidates} in the same order
     * @throws StepFailure when that leaves no column
     */
    List<ClusterColumn> settle(InstancesConverter converter) throws StepFailure {
        List<ClusterColumn> kept = new ArrayList<>();
        for (int j = 0; j < candidates.size(); j++) {
            ClusterColumn c = candidates.get(j);
            String keyName = keySuspects.get(c);
            if (keyName != null && converter.valuesDiffer(j)) {
                String why = "looks like a key (unique per row, " + keyName + ")";
                leftOut.put(c.position(), c.name() + ": " + why);
                keysLeftOut.add(c.name() + " left out: " + why + "; name it in 'columns' to use it.");
            } else {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            throw new StepFailure("columns: not set, and every integer or decimal column looks like a key: "
                    + String.join("; ", leftOut.values()) + ". Name the columns to cluster on in 'columns'.");
        }
        return kept;
    }

    /** "name: reason" for each column the default left out, in input order; empty when columns were named. */
    List<String> leftOut() {
        return List.copyOf(leftOut.values());
    }

    /**
     * A warning for each column left out as a key: a guess from name and values deserves one,
     * while a tag was the user's own choice.
     */
    List<String> keyWarnings() {
        return List.copyOf(keysLeftOut);
    }

    /**
     * Why the name reads as a key ("name is id", "name ends in _id", "name ends in Number"),
     * or null. The last word counts, split at non-letters and at a lower-to-upper case change
     * (customerId, customerID, CustomerNo); a name ending in "number" counts as well.
     */
    static String keyLikeName(String name) {
        int end = name.length();
        int start = end;
        while (start > 0 && Character.isLetterOrDigit(name.charAt(start - 1))) {
            if (start < end && Character.isUpperCase(name.charAt(start))
                    && (Character.isLowerCase(name.charAt(start - 1)) || Character.isDigit(name.charAt(start - 1)))) {
                break;
            }
            start--;
        }
        String word = name.substring(start).toLowerCase(Locale.ROOT);
        if (KEY_WORDS.contains(word)) {
            if (name.substring(0, start).chars().allMatch(ch -> !Character.isLetterOrDigit(ch))) {
                return "name is " + name.strip();
            }
            int from = start;
            while (from > 0 && !Character.isLetterOrDigit(name.charAt(from - 1))) {
                from--;
            }
            return "name ends in " + name.substring(from).strip();
        }
        if (name.toLowerCase(Locale.ROOT).endsWith("number")) {
            return "name ends in " + name.substring(name.length() - "number".length());
        }
        return null;
    }

    private static StepFailure noneLeft(Schema schema) {
        return new StepFailure("columns: not set, and the input has no integer or decimal column that is"
                + " not tagged id or pii. The columns are " + describe(schema)
                + ". Name the columns to cluster on in 'columns'.");
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
