package org.assay.visualizers.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assay.api.data.Field;

/**
 * The natural order of a column's values as text, for bar and legend order: the declared
 * order of a categorical field, numbers by value, dates in time (ISO text already sorts
 * so), other text alphabetically. A null (missing value) sorts last.
 */
final class CategoryOrder {

    private CategoryOrder() {
    }

    static Comparator<String> natural(Field field) {
        Comparator<String> byValue = switch (field.type()) {
            case INTEGER, DECIMAL -> Comparator.comparingDouble(CategoryOrder::parseOrNaN)
                    .thenComparing(Comparator.naturalOrder());
            case DATE, TIMESTAMP, BOOLEAN -> Comparator.naturalOrder();
            case STRING, CATEGORICAL -> String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
        };
        List<String> declared = field.categories();
        if (!declared.isEmpty()) {
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < declared.size(); i++) {
                position.putIfAbsent(declared.get(i), i);
            }
            Comparator<String> byDeclared = Comparator.comparingInt(v -> position.getOrDefault(v, Integer.MAX_VALUE));
            byValue = byDeclared.thenComparing(byValue);
        }
        return Comparator.nullsLast(byValue);
    }

    private static double parseOrNaN(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
