package org.assay.privacy.internal.anon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value hierarchy as a workflow writes it, e.g. {@code interval:5,10,20} (numeric bands),
 * {@code prefix:4,3,2} (keep that many leading characters), {@code date:month,year},
 * {@code tree} (the levels given for the column in the hierarchy file, e.g. city, region,
 * country) or {@code suppress} (the value or nothing). Every hierarchy ends in {@code *}, the
 * level where every value is the same. Immutable.
 */
record HierarchySpec(Kind kind, List<Integer> steps) {

    enum Kind { INTERVAL, PREFIX, DATE, TREE, SUPPRESS }

    static final String SYNTAX = "interval:W1,W2,.. (numeric bands, each width a multiple of the one before, e.g. "
            + "interval:5,10,20), prefix:N1,N2,.. (keep N leading characters, fewer each level, e.g. prefix:4,3,2), "
            + "date:month,year (or date:month, date:year), tree (the levels in hierarchyFile for this column), "
            + "suppress (the value or *)";

    /** Date steps: 1 keeps the month, 2 the year. */
    static final int MONTH = 1;
    static final int YEAR = 2;

    /** @throws IllegalArgumentException naming the syntax when the text is not a hierarchy */
    static HierarchySpec parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon).trim();
        String args = colon < 0 ? "" : t.substring(colon + 1).trim();
        switch (kind) {
            case "interval": return new HierarchySpec(Kind.INTERVAL, numbers(t, args, true));
            case "prefix": return new HierarchySpec(Kind.PREFIX, numbers(t, args, false));
            case "date": return new HierarchySpec(Kind.DATE, dateSteps(t, args));
            case "tree":
                if (!args.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "': tree takes its levels from hierarchyFile; "
                            + "write tree");
                }
                return new HierarchySpec(Kind.TREE, List.of());
            case "suppress":
                return new HierarchySpec(Kind.SUPPRESS, List.of());
            default:
                throw new IllegalArgumentException("unknown hierarchy '" + text + "'; use " + SYNTAX);
        }
    }

    private static List<Integer> numbers(String text, String args, boolean growing) {
        List<Integer> out = new ArrayList<>();
        for (String a : args.split(",")) {
            try {
                int n = Integer.parseInt(a.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' needs positive whole numbers after ':', e.g. "
                        + (growing ? "interval:5,10,20" : "prefix:4,3,2"));
            }
        }
        for (int i = 1; i < out.size(); i++) {
            int prev = out.get(i - 1);
            int cur = out.get(i);
            if (growing && (cur <= prev || cur % prev != 0)) {
                throw new IllegalArgumentException("'" + text + "': each width must be a larger multiple of the one "
                        + "before (" + cur + " after " + prev + "), so bands nest");
            }
            if (!growing && cur >= prev) {
                throw new IllegalArgumentException("'" + text + "': each prefix must be shorter than the one before");
            }
        }
        return List.copyOf(out);
    }

    private static List<Integer> dateSteps(String text, String args) {
        if (args.isEmpty()) {
            return List.of(MONTH, YEAR);
        }
        List<Integer> out = new ArrayList<>();
        for (String a : args.split(",")) {
            switch (a.trim()) {
                case "month" -> out.add(MONTH);
                case "year" -> out.add(YEAR);
                default -> throw new IllegalArgumentException("'" + text + "': date levels are month and year");
            }
        }
        if (out.size() == 2 && out.get(0) >= out.get(1) || out.size() > 2) {
            throw new IllegalArgumentException("'" + text + "': write date:month,year (month before year)");
        }
        return List.copyOf(out);
    }
}
