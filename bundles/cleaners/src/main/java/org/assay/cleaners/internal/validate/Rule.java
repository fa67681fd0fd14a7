package org.assay.cleaners.internal.validate;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One parsed validation rule. Rules are data, not code: each kind is checked by
 * {@link RuleCheck}, so a rule can name columns and literals but never call anything, which is
 * the same sandbox promise the expression language of filter and derive makes, by construction.
 */
sealed interface Rule {

    /** The columns the rule reads. */
    List<String> columns();

    record Required(String column) implements Rule {
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** A text column whose values must read as {@code type}: integer, decimal, date, boolean. */
    record IsType(String column, String type) implements Rule {
        static final Set<String> TYPES = Set.of("integer", "decimal", "date", "boolean");

        public List<String> columns() {
            return List.of(column);
        }
    }

    record Between(String column, Literal low, Literal high) implements Rule {
        public List<String> columns() {
            return List.of(column);
        }
    }

    record Matches(String column, Pattern pattern) implements Rule {
        public List<String> columns() {
            return List.of(column);
        }
    }

    record In(String column, Set<String> allowed) implements Rule {
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** {@code left op right}, right a column or a literal. */
    record Compare(String left, String op, String rightColumn, Literal right) implements Rule {
        public List<String> columns() {
            return rightColumn == null ? List.of(left) : List.of(left, rightColumn);
        }
    }

    record Unique(List<String> columns) implements Rule {
    }

    /** A number or a text (a date is written as text and read as one against a date column). */
    record Literal(Double number, String text) {
        static Literal of(String token) {
            if (token.startsWith("'")) {
                return new Literal(null, token.substring(1, token.length() - 1).replace("''", "'"));
            }
            return new Literal(Double.valueOf(token), null);
        }

        @Override
        public String toString() {
            return number != null ? org.assay.api.data.Column.formatDecimal(number) : "'" + text + "'";
        }
    }
}
