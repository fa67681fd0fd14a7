package org.assay.cleaners.internal.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One entry of normalize's {@code columns}: the rule kind and its options, e.g. {@code "phone"},
 * {@code "text:lower,fold-accents"}, {@code "unit:weight_unit"}.
 *
 * @param options text options, or the unit column for {@link RuleKind#UNIT} (one entry)
 */
record ColumnNormalization(String column, RuleKind kind, List<String> options) {

    static final Set<String> TEXT_OPTIONS = Set.of("lower", "upper", "title", "fold-accents", "keep-case");

    /** @throws IllegalArgumentException naming the column and the fix */
    static ColumnNormalization parse(String column, String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon).strip();
        RuleKind kind = RuleKind.parse(head);
        if (kind == null) {
            throw new IllegalArgumentException("column '" + column + "': '" + head + "' is not a rule; use one of "
                    + "text, phone, email, date, timestamp, boolean, unit, map");
        }
        List<String> options = new ArrayList<>();
        if (colon >= 0) {
            for (String o : t.substring(colon + 1).split(",")) {
                if (!o.isBlank()) {
                    options.add(o.strip());
                }
            }
        }
        if (kind == RuleKind.TEXT) {
            for (String o : options) {
                if (!TEXT_OPTIONS.contains(o)) {
                    throw new IllegalArgumentException("column '" + column + "': '" + o + "' is not a text option; "
                            + "use lower, upper, title, fold-accents or keep-case");
                }
            }
        } else if (kind == RuleKind.UNIT) {
            if (options.size() > 1) {
                throw new IllegalArgumentException("column '" + column + "': write unit:<unit column>, e.g. "
                        + "\"unit:weight_unit\", or unit when the cell holds its unit");
            }
        } else if (!options.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "': " + kind.jsonName() + " takes no options");
        }
        return new ColumnNormalization(column, kind, List.copyOf(options));
    }

    /** The unit column of a {@link RuleKind#UNIT} rule, or null when the cell holds its unit. */
    String unitColumn() {
        return kind == RuleKind.UNIT && !options.isEmpty() ? options.get(0) : null;
    }
}
