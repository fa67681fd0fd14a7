package org.assay.transforms.internal.expr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions with bounded work, for {@code matches} and {@code =~}. A pattern may be
 * at most {@link #MAX_PATTERN} characters and one match may read the text at most
 * {@link #MAX_STEPS} times (the matcher reads through a counting {@link CharSequence}), so a
 * catastrophic pattern such as {@code (a+)+$} fails that row instead of hanging the run. The
 * budget counts work, not time, so the outcome is the same on every machine.
 */
final class BoundedRegex {

    static final int MAX_PATTERN = 200;
    static final int MAX_STEPS = 1_000_000;
    private static final int CACHE = 256;

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private BoundedRegex() {
    }

    /** Whether {@code regex} finds a match in {@code text}. */
    static boolean find(String text, String regex) {
        return run(text, regex, false);
    }

    /** Whether {@code regex} matches the whole of {@code text}. */
    static boolean matchesWhole(String text, String regex) {
        return run(text, regex, true);
    }

    private static boolean run(String text, String regex, boolean whole) {
        Pattern p = compile(regex);
        try {
            java.util.regex.Matcher m = p.matcher(new Budgeted(text));
            return whole ? m.matches() : m.find();
        } catch (BudgetExceeded e) {
            throw new IllegalArgumentException("matches: the pattern needed more than " + MAX_STEPS
                    + " steps on this value; simplify it (nested repetition like (a+)+ backtracks without end)");
        }
    }

    /** The compiled pattern, or an IllegalArgumentException saying what is wrong with it. */
    static Pattern compile(String regex) {
        if (regex.length() > MAX_PATTERN) {
            throw new IllegalArgumentException("matches: the pattern is " + regex.length() + " characters; at most "
                    + MAX_PATTERN + " are allowed");
        }
        Pattern p = PATTERNS.get(regex);
        if (p == null) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matches: the pattern is not a regular expression: "
                        + e.getDescription());
            }
            if (PATTERNS.size() >= CACHE) {
                PATTERNS.clear();
            }
            PATTERNS.put(regex, p);
        }
        return p;
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** The text, counting every character the matcher reads. Not shared: one per match. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final int[] steps;
        private final int start;
        private final int end;

        Budgeted(String text) {
            this(text, new int[1], 0, text.length());
        }

        private Budgeted(String text, int[] steps, int start, int end) {
            this.text = text;
            this.steps = steps;
            this.start = start;
            this.end = end;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_STEPS) {
                throw new BudgetExceeded();
            }
            return text.charAt(start + index);
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Budgeted(text, steps, start + from, start + to);
        }

        @Override
        public String toString() {
            return text.substring(start, end);
        }
    }
}
