package org.assay.rest.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two workflow versions: the common head and tail are cut off and the middle is
 * compared by longest common subsequence. A middle too large for that is shown as all removed
 * then all added, which is still a correct diff.
 */
final class LineDiff {

    /** Cells of the LCS table beyond which the middle is not aligned line by line. */
    static final long MAX_CELLS = 1_000_000;

    record Line(char op, String text) {
    }

    private LineDiff() {
    }

    static List<Line> diff(String from, String to) {
        String[] a = from.split("\r?\n", -1);
        String[] b = to.split("\r?\n", -1);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Line(' ', a[i]));
        }
        int n = a.length - head - tail;
        int m = b.length - head - tail;
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line('-', a[head + i]));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line('+', b[head + j]));
            }
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a[head + i].equals(b[head + j]) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a[head + i].equals(b[head + j])) {
                    out.add(new Line(' ', a[head + i++]));
                    j++;
                } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    // On a tie the old line goes first: "-old" then "+new", as diff -u shows a change.
                    out.add(new Line('-', a[head + i++]));
                } else {
                    out.add(new Line('+', b[head + j++]));
                }
            }
        }
        for (int i = a.length - tail; i < a.length; i++) {
            out.add(new Line(' ', a[i]));
        }
        return out;
    }

    /** The lines as text, "--- v1", "+++ v2", then each line after its op character. */
    static String unified(String fromLabel, String toLabel, List<Line> lines) {
        StringBuilder s = new StringBuilder("--- ").append(fromLabel).append("\n+++ ").append(toLabel).append('\n');
        for (Line l : lines) {
            s.append(l.op()).append(l.text()).append('\n');
        }
        return s.toString();
    }
}
