package org.assay.connectors.file.internal;

import java.util.Set;

/**
 * The cell texts that mean "no value", matched exactly. Every cell of a file is checked,
 * so the common miss is decided on the text's length alone: hashing each cell for a set
 * lookup was a sixth of the reader's time.
 */
final class NullTexts {

    private final String[] texts;
    /** Bit k set when some null text has length k (lengths 0 to 63). */
    private final long lengths;
    private final boolean longTexts;

    NullTexts(Set<String> texts) {
        this.texts = texts.toArray(String[]::new);
        long mask = 0;
        boolean anyLong = false;
        for (String t : this.texts) {
            if (t.length() < 64) {
                mask |= 1L << t.length();
            } else {
                anyLong = true;
            }
        }
        this.lengths = mask;
        this.longTexts = anyLong;
    }

    /** Whether {@code chars[from, to)} is one of the null texts. */
    boolean matches(char[] chars, int from, int to) {
        int n = to - from;
        if (n < 64 ? (lengths & (1L << n)) == 0 : !longTexts) {
            return false;
        }
        for (String t : texts) {
            if (t.length() == n && sameChars(t, chars, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameChars(String t, char[] chars, int from) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != chars[from + i]) {
                return false;
            }
        }
        return true;
    }

    boolean matches(String cell) {
        int n = cell.length();
        if (n < 64 ? (lengths & (1L << n)) == 0 : !longTexts) {
            return false;
        }
        for (String t : texts) {
            if (t.equals(cell)) {
                return true;
            }
        }
        return false;
    }
}
