package org.assay.privacy.internal.anon;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;

/**
 * A column's value hierarchy: level 0 is the value itself (as text), each level above is
 * coarser, and the top level {@link #height()} is {@code *}. Levels nest (two values equal at
 * one level are equal at every level above), which the lattice search relies on. Immutable.
 */
final class Hierarchy {

    static final String TOP = "*";
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}.*");

    /** A value the hierarchy does not cover (a tree without it, text in a number column). */
    static final class Uncovered extends Exception {
        private static final long serialVersionUID = 1L;

        Uncovered(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HierarchySpec spec;
    private final boolean integer;
    private final Map<String, List<String>> tree;
    private final int height;

    private Hierarchy(HierarchySpec spec, boolean integer, Map<String, List<String>> tree, int height) {
        this.spec = spec;
        this.integer = integer;
        this.tree = tree;
        this.height = height;
    }

    /**
     * @param tree the column's rows of the hierarchy file (value to its levels), for {@code tree}
     * @throws IllegalArgumentException when the hierarchy does not fit the column's type, or a tree is missing
     */
    static Hierarchy of(HierarchySpec spec, Field field, Map<String, List<String>> tree) {
        FieldType t = field.type();
        switch (spec.kind()) {
            case INTERVAL -> {
                if (!t.isNumeric()) {
                    throw new IllegalArgumentException("column '" + field.name() + "' is " + t.jsonName()
                            + "; interval bands need an integer or decimal column");
                }
                return new Hierarchy(spec, t == FieldType.INTEGER, Map.of(), spec.steps().size() + 1);
            }
            case DATE -> {
                if (t != FieldType.DATE && t != FieldType.TIMESTAMP && t != FieldType.STRING
                        && t != FieldType.CATEGORICAL) {
                    throw new IllegalArgumentException("column '" + field.name() + "' is " + t.jsonName()
                            + "; date levels need a date, timestamp or ISO date text column");
                }
                return new Hierarchy(spec, false, Map.of(), spec.steps().size() + 1);
            }
            case PREFIX -> {
                return new Hierarchy(spec, false, Map.of(), spec.steps().size() + 1);
            }
            case SUPPRESS -> {
                return new Hierarchy(spec, false, Map.of(), 1);
            }
            default -> {
                if (tree == null || tree.isEmpty()) {
                    throw new IllegalArgumentException("column '" + field.name() + "' has hierarchy tree, but "
                            + "hierarchyFile has no rows for it (lines: " + field.name() + ",value,level1,...)");
                }
                int levels = tree.values().iterator().next().size();
                boolean endsInTop = tree.values().stream().allMatch(l -> TOP.equals(l.get(l.size() - 1)));
                return new Hierarchy(spec, false, tree, endsInTop ? levels : levels + 1);
            }
        }
    }

    /** The top level, where every value is {@code *}. */
    int height() {
        return height;
    }

    HierarchySpec spec() {
        return spec;
    }

    /** Whether the column is numeric, so a class's spread is measured as a range. */
    boolean interval() {
        return spec.kind() == HierarchySpec.Kind.INTERVAL;
    }

    /** The value at {@code level} (0 to height) of a non-null value given as text. */
    String apply(String value, int level) throws Uncovered {
        if (level == 0) {
            if (spec.kind() == HierarchySpec.Kind.TREE && !tree.containsKey(value)) {
                throw new Uncovered("value not listed in hierarchyFile");
            }
            return value;
        }
        if (level >= height) {
            return TOP;
        }
        int step = spec.steps().isEmpty() ? 0 : spec.steps().get(level - 1);
        return switch (spec.kind()) {
            case INTERVAL -> band(value, step);
            case PREFIX -> value.codePointCount(0, value.length()) <= step ? value
                    : value.substring(0, value.offsetByCodePoints(0, step)) + "*";
            case DATE -> {
                if (!ISO_MONTH.matcher(value).matches()) {
                    throw new Uncovered("not an ISO date (yyyy-mm-dd)");
                }
                yield step == HierarchySpec.MONTH ? value.substring(0, 7) : value.substring(0, 4);
            }
            case TREE -> {
                List<String> levels = tree.get(value);
                if (levels == null) {
                    throw new Uncovered("value not listed in hierarchyFile");
                }
                yield levels.get(level - 1);
            }
            case SUPPRESS -> TOP;
        };
    }

    private String band(String value, int width) throws Uncovered {
        if (integer) {
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new Uncovered("not a whole number");
            }
            long lo = Math.floorDiv(v, width) * width;
            return lo + "-" + (lo + width - 1);
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Uncovered("not a number");
        }
        if (!Double.isFinite(v)) {
            throw new Uncovered("not a finite number");
        }
        double lo = Math.floor(v / width) * width;
        return "[" + org.assay.api.data.Column.formatDecimal(lo) + "," + org.assay.api.data.Column.formatDecimal(lo
                + width) + ")";
    }
}
