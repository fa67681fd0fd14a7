package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The named RFM segments as a rule table on the recency score R (5 = most recent) and the FM
 * score, the mean of the frequency and monetary scores rounded half up. Every (R, FM) cell has
 * exactly one segment.
 */
final class RfmSegments {

    /** Segment names in report order, best first. */
    static final List<String> NAMES = List.of("Champions", "Loyal customers", "Potential loyalists",
            "New customers", "Promising", "Need attention", "About to sleep", "At risk", "Can't lose them",
            "Hibernating", "Lost");

    /** TABLE[R - 1][FM - 1]: the index into {@link #NAMES}. */
    private static final int[][] TABLE = {
        // FM:  1  2  3  4  5
        {10, 9, 7, 7, 8}, // R = 1
        {9, 9, 7, 7, 8}, // R = 2
        {6, 6, 5, 1, 1}, // R = 3
        {4, 2, 2, 1, 1}, // R = 4
        {3, 2, 2, 0, 0}, // R = 5
    };

    /** The table as text for the step docs: "Champions: R 5 with FM 4-5; ...". */
    static final String DOC = doc();

    private RfmSegments() {
    }

    static int fm(int f, int m) {
        return (f + m + 1) / 2;
    }

    static int segment(int r, int fm) {
        return TABLE[r - 1][fm - 1];
    }

    /** One row per (R, FM) cell: r, fm, segment. */
    static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 5; r >= 1; r--) {
            for (int fm = 5; fm >= 1; fm--) {
                rows.add(List.of(Integer.toString(r), Integer.toString(fm), NAMES.get(segment(r, fm))));
            }
        }
        return rows;
    }

    private static String doc() {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < NAMES.size(); s++) {
            List<String> cells = new ArrayList<>();
            for (int r = 5; r >= 1; r--) {
                int lo = 0;
                int hi = 0;
                for (int fm = 1; fm <= 5; fm++) {
                    if (TABLE[r - 1][fm - 1] == s) {
                        lo = lo == 0 ? fm : lo;
                        hi = fm;
                    }
                }
                if (lo > 0) {
                    cells.add("R " + r + " FM " + (lo == hi ? Integer.toString(lo) : lo + "-" + hi));
                }
            }
            parts.add(NAMES.get(s) + ": " + String.join(", ", cells));
        }
        return String.join("; ", parts);
    }
}
