package org.assay.visualizers.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.assay.api.data.Field;

/**
 * The colour of each value of a category column (a segment, a cluster, a class), the same
 * in every chart of a run.
 *
 * <p>The rule: a column that declares its categories (weka-cluster's segment column, a
 * categorical column read with its values) gives value number <i>i</i> of that list
 * {@code PALETTE[i mod 12]}, whatever subset a chart shows. For other columns, the values
 * the chart saw are sorted in their natural order ({@link CategoryOrder}) and numbered the
 * same way. "(missing)" and "Other (n)" are always grey. Every chart of a run reads the
 * same schema, so a declared segment has one colour in the pie, the bars, the box plot and
 * the scatter plot.
 */
final class CategoryColours {

    private final Map<String, Integer> index = new HashMap<>();

    private CategoryColours() {
    }

    /**
     * @param field  the category column, or null when the labels have no column (fixed series)
     * @param values the values (labels) the chart draws, in any order
     */
    static CategoryColours of(Field field, Collection<String> values) {
        CategoryColours c = new CategoryColours();
        List<String> declared = field == null ? List.of() : field.categories();
        for (int i = 0; i < declared.size(); i++) {
            c.index.putIfAbsent(declared.get(i), i);
        }
        List<String> rest = new ArrayList<>();
        for (String v : values) {
            if (v != null && !c.index.containsKey(v) && !isGrey(v)) {
                rest.add(v);
            }
        }
        rest.sort(field == null ? String.CASE_INSENSITIVE_ORDER : CategoryOrder.natural(field));
        int next = declared.size();
        for (String v : rest) {
            if (!c.index.containsKey(v)) {
                c.index.put(v, next++);
            }
        }
        return c;
    }

    /** The colour of {@code value}; grey for missing, "Other" and values the rule did not number. */
    Color colour(String value) {
        Integer i = value == null ? null : index.get(value);
        return i == null ? ChartLook.OTHER : ChartLook.PALETTE[i % ChartLook.PALETTE.length];
    }

    /**
     * How many times the palette went round before {@code value}'s colour: 0 for the first
     * twelve values, 1 for the next twelve (same colours again), and so on; 0 for grey values.
     * A chart that can show more values than the palette has colours (a declared category list
     * longer than twelve) tells repeated colours apart by this, e.g. with another marker shape.
     */
    int round(String value) {
        Integer i = value == null ? null : index.get(value);
        return i == null ? 0 : i / ChartLook.PALETTE.length;
    }

    private static boolean isGrey(String label) {
        return Objects.equals(label, BarAggregation.label(null)) || label.startsWith("Other (");
    }
}
