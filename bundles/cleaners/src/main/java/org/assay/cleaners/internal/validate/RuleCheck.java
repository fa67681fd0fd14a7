package org.assay.cleaners.internal.validate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * Checks one rule row by row. Values compare as numbers when the column is numeric, a date, a
 * timestamp or a boolean (dates as epoch days, timestamps as epoch milliseconds), else as text.
 * A missing value breaks only {@code is required}; every other rule skips it. Used by one thread:
 * {@code is unique} remembers the keys it has seen.
 */
final class RuleCheck {

    /** Character reads one regex match may make per value: a pathological pattern fails the row, not the run. */
    static final int REGEX_BUDGET = 100_000;

    final String name;
    final Rule rule;
    private final int[] cols;
    private final Double low;
    private final Double high;
    private final Set<String> seen = new HashSet<>();

    RuleCheck(String name, Rule rule, Schema schema) {
        this.name = name;
        this.rule = rule;
        this.cols = rule.columns().stream().mapToInt(schema::require).toArray();
        FieldType t = schema.field(cols[0]).type();
        if (rule instanceof Rule.Between b) {
            low = number(b.low(), t);
            high = number(b.high(), t);
        } else if (rule instanceof Rule.Compare c && c.right() != null) {
            low = number(c.right(), t);
            high = null;
        } else {
            low = null;
            high = null;
        }
    }

    /** Why the rule cannot apply to these columns, or null. Checked at deploy and at the run's start. */
    static String problem(Rule rule, Schema schema) {
        for (String c : rule.columns()) {
            if (!schema.contains(c)) {
                return org.assay.api.data.ColumnNotFound.message(c, schema, "the input");
            }
        }
        FieldType t = schema.field(rule.columns().get(0)).type();
        boolean text = t == FieldType.STRING || t == FieldType.CATEGORICAL;
        try {
            if (rule instanceof Rule.IsType && !text) {
                return "column '" + rule.columns().get(0) + "' is " + t.jsonName() + " already; 'is <type>' checks "
                        + "text columns";
            }
            if (rule instanceof Rule.Between b) {
                number(b.low(), t);
                number(b.high(), t);
            }
            if (rule instanceof Rule.Compare c) {
                if (c.right() != null) {
                    number(c.right(), t);
                } else {
                    FieldType r = schema.field(c.rightColumn()).type();
                    boolean rText = r == FieldType.STRING || r == FieldType.CATEGORICAL;
                    if (text != rText || (!text && (t == FieldType.DATE) != (r == FieldType.DATE))) {
                        return "'" + c.left() + "' is " + t.jsonName() + " and '" + c.rightColumn() + "' is "
                                + r.jsonName() + ": they cannot be compared";
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** The literal as the column compares it: a number, or null for a text column (then the text is used). */
    private static Double number(Rule.Literal l, FieldType t) {
        switch (t) {
            case STRING, CATEGORICAL -> {
                if (l.number() != null) {
                    throw new IllegalArgumentException("a text column compares with a text: write '" + l + "' in "
                            + "single quotes");
                }
                return null;
            }
            case DATE -> {
                try {
                    return (double) LocalDate.parse(l.text() == null ? "" : l.text()).toEpochDay();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("a date column compares with an ISO date such as "
                            + "'2024-01-31', not " + l);
                }
            }
            case TIMESTAMP -> {
                try {
                    return (double) Instant.parse(l.text() == null ? "" : l.text()).toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("a timestamp column compares with an ISO timestamp such as "
                            + "'2024-01-31T00:00:00Z', not " + l);
                }
            }
            default -> {
                if (l.number() == null) {
                    throw new IllegalArgumentException("a " + t.jsonName() + " column compares with a number, not "
                            + l);
                }
                return l.number();
            }
        }
    }

    /** Whether row r of b breaks the rule. */
    boolean broken(Batch b, int r) {
        Column c = b.column(cols[0]);
        if (rule instanceof Rule.Required) {
            return c.isNull(r) || (c.type().storage() == FieldType.Storage.TEXT && c.getString(r).isBlank());
        }
        if (rule instanceof Rule.Unique) {
            StringBuilder key = new StringBuilder();
            for (int col : cols) {
                String v = b.column(col).getString(r);
                if (v == null) {
                    return false;
                }
                key.append(v).append('\u001f');
            }
            return !seen.add(key.toString());
        }
        if (c.isNull(r)) {
            return false;
        }
        boolean text = c.type().storage() == FieldType.Storage.TEXT;
        if (rule instanceof Rule.IsType t) {
            return !readsAs(c.getString(r).strip(), t.type());
        }
        if (rule instanceof Rule.Between x) {
            return text ? c.getString(r).compareTo(x.low().text()) < 0 || c.getString(r).compareTo(x.high().text()) > 0
                    : c.getDouble(r) < low || c.getDouble(r) > high;
        }
        if (rule instanceof Rule.Matches m) {
            return !matches(m, c.getString(r));
        }
        if (rule instanceof Rule.In in) {
            return !in.allowed().contains(c.getString(r));
        }
        Rule.Compare cmp = (Rule.Compare) rule;
        if (cmp.rightColumn() != null) {
            Column rc = b.column(cols[1]);
            if (rc.isNull(r)) {
                return false;
            }
            int o = text ? c.getString(r).compareTo(rc.getString(r)) : Double.compare(c.getDouble(r), rc.getDouble(r));
            return !holds(cmp.op(), o);
        }
        int o = text ? c.getString(r).compareTo(cmp.right().text()) : Double.compare(c.getDouble(r), low);
        return !holds(cmp.op(), o);
    }

    private static boolean holds(String op, int o) {
        return switch (op) {
            case "==" -> o == 0;
            case "!=" -> o != 0;
            case "<" -> o < 0;
            case "<=" -> o <= 0;
            case ">" -> o > 0;
            default -> o >= 0;
        };
    }

    private static boolean readsAs(String v, String type) {
        try {
            switch (type) {
                case "integer" -> Long.parseLong(v);
                case "decimal" -> {
                    if (!Double.isFinite(Double.parseDouble(v))) {
                        return false;
                    }
                }
                case "date" -> LocalDate.parse(v);
                default -> {
                    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
                }
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    private static boolean matches(Rule.Matches m, String v) {
        try {
            return m.pattern().matcher(new Budgeted(v)).matches();
        } catch (Budgeted.Exhausted e) {
            return false;
        }
    }

    /** A text whose characters may be read {@link #REGEX_BUDGET} times: bounds catastrophic backtracking. */
    private static final class Budgeted implements CharSequence {
        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final CharSequence text;
        private final int[] left;

        Budgeted(CharSequence text) {
            this(text, new int[] {REGEX_BUDGET});
        }

        private Budgeted(CharSequence text, int[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.subSequence(start, end), left);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
