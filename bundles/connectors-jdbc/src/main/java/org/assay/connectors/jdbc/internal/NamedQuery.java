package org.assay.connectors.jdbc.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A query with named parameters ({@code WHERE created >= :since}), turned into JDBC's {@code ?}
 * placeholders so every value is bound by the driver, never pasted into the text. The scanner
 * skips string literals, quoted identifiers, comments and PostgreSQL's {@code ::} casts. A
 * query must be one statement that reads: {@code SELECT}, {@code WITH} or {@code VALUES}, with
 * no {@code ;} between statements.
 *
 * @param sql   the text with {@code ?} in place of each {@code :name}
 * @param names the parameter name of each {@code ?}, in order (a name may repeat)
 */
record NamedQuery(String sql, List<String> names) {

    /** Parses; {@link IllegalArgumentException} says what is wrong, for the {@code query} parameter. */
    static NamedQuery parse(String query) {
        StringBuilder sql = new StringBuilder(query.length());
        List<String> names = new ArrayList<>();
        int n = query.length();
        boolean statementEnded = false;
        for (int i = 0; i < n; ) {
            char c = query.charAt(i);
            // After a ';' only blanks and comments may follow: a second statement is refused.
            if (statementEnded && !Character.isWhitespace(c) && !isComment(query, i)) {
                throw oneStatement();
            }
            int end = i + 1;
            if (c == '\'' || c == '"' || c == '`') {
                end = closing(query, i, c);
            } else if (isComment(query, i) && c == '-') {
                end = query.indexOf('\n', i);
                end = end < 0 ? n : end + 1;
            } else if (isComment(query, i)) {
                end = query.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("the query has a /* comment that is never closed");
                }
                end += 2;
            } else if (c == ':' && i + 1 < n && query.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':' && i + 1 < n && isNameStart(query.charAt(i + 1))) {
                end = i + 2;
                while (end < n && (isNameStart(query.charAt(end)) || Character.isDigit(query.charAt(end)))) {
                    end++;
                }
                names.add(query.substring(i + 1, end));
                sql.append('?');
                i = end;
                continue;
            } else if (c == ';') {
                statementEnded = true;
                i = end;
                continue;
            }
            sql.append(query, i, end);
            i = end;
        }
        String first = firstWord(sql.toString());
        if (!Set.of("select", "with", "values", "table").contains(first)) {
            throw new IllegalArgumentException("the query must read: start it with SELECT or WITH (it starts with '"
                    + first + "'); jdbc-reader never changes data, use jdbc-writer to write");
        }
        return new NamedQuery(sql.toString().strip(), List.copyOf(names));
    }

    /** The distinct parameter names, in the order they first appear. */
    Set<String> distinctNames() {
        return new LinkedHashSet<>(names);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isComment(String q, int i) {
        return i + 1 < q.length() && ((q.charAt(i) == '-' && q.charAt(i + 1) == '-')
                || (q.charAt(i) == '/' && q.charAt(i + 1) == '*'));
    }

    private static IllegalArgumentException oneStatement() {
        return new IllegalArgumentException("the query must be one statement: remove the ';' and what follows it");
    }

    /** The index after the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private static int closing(String q, int start, char quote) {
        int i = start + 1;
        while (i < q.length()) {
            if (q.charAt(i) == quote) {
                if (i + 1 < q.length() && q.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            // MariaDB/MySQL also escape with a backslash inside '...'.
            i += q.charAt(i) == '\\' && quote == '\'' ? 2 : 1;
        }
        throw new IllegalArgumentException("the query has a " + quote + " that is never closed");
    }

    private static String firstWord(String sql) {
        String s = sql.strip();
        while (s.startsWith("--") || s.startsWith("/*") || s.startsWith("(")) {
            if (s.startsWith("(")) {
                s = s.substring(1).strip();
            } else if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).strip();
            } else {
                s = s.substring(s.indexOf("*/") + 2).strip();
            }
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
