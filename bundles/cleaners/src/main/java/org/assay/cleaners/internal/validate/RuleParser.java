package org.assay.cleaners.internal.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the rule language of {@code validate}:
 * <pre>
 * email is required              age is integer          age between 0 and 120
 * email matches '[^@]+@[^@]+'    status in ('new', 'active', 'closed')
 * signup_date &lt;= last_purchase  amount &gt; 0                customer_id is unique
 * first_name, last_name, birth_date is unique
 * </pre>
 * Column names are words of letters, digits and {@code _}; texts are in single quotes
 * ({@code ''} for a quote). Nothing else is accepted.
 */
final class RuleParser {

    static final String SYNTAX = "'<col> is required', '<col> is integer|decimal|date|boolean', '<col> between <a> "
            + "and <b>', '<col> matches '<regex>'', '<col> in ('a', 'b')', '<col> <op> <col or value>' with op one "
            + "of == != < <= > >=, or '<col>[, <col>] is unique'";
    static final int MAX_RULE = 1000;
    static final int MAX_REGEX = 200;
    private static final Pattern TOKEN = Pattern.compile("\\s*('(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*|-?[0-9]+(?:\\.[0-9]+)?"
            + "|==|!=|<=|>=|<|>|\\(|\\)|,)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> OPS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private RuleParser() {
    }

    /** @throws IllegalArgumentException saying what is wrong and how the rule is written */
    static Rule parse(String text) {
        if (text.length() > MAX_RULE) {
            throw new IllegalArgumentException("is longer than " + MAX_RULE + " characters");
        }
        List<String> t = tokens(text);
        if (t.size() >= 3 && t.get(t.size() - 2).equals("is") && t.get(t.size() - 1).equals("unique")) {
            List<String> cols = new ArrayList<>();
            for (int i = 0; i < t.size() - 2; i++) {
                if (i % 2 == 1) {
                    expect(t.get(i), ",", text);
                } else {
                    cols.add(name(t.get(i), text));
                }
            }
            return new Rule.Unique(List.copyOf(cols));
        }
        if (t.size() < 3) {
            throw bad(text);
        }
        String column = name(t.get(0), text);
        String word = t.get(1);
        if (word.equals("is") && t.size() == 3) {
            if (t.get(2).equals("required")) {
                return new Rule.Required(column);
            }
            if (Rule.IsType.TYPES.contains(t.get(2))) {
                return new Rule.IsType(column, t.get(2));
            }
            throw new IllegalArgumentException("'" + t.get(2) + "' after is: write required, unique, integer, decimal,"
                    + " date or boolean");
        }
        if (word.equals("between") && t.size() == 5 && t.get(3).equals("and")) {
            return new Rule.Between(column, literal(t.get(2), text), literal(t.get(4), text));
        }
        if (word.equals("matches") && t.size() == 3 && t.get(2).startsWith("'")) {
            String regex = Rule.Literal.of(t.get(2)).text();
            if (regex.length() > MAX_REGEX) {
                throw new IllegalArgumentException("the regex is longer than " + MAX_REGEX + " characters");
            }
            try {
                return new Rule.Matches(column, Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + regex + "' is not a regex: " + e.getDescription());
            }
        }
        if (word.equals("in") && t.size() >= 5 && t.get(2).equals("(") && t.get(t.size() - 1).equals(")")) {
            Set<String> allowed = new LinkedHashSet<>();
            for (int i = 3; i < t.size() - 1; i++) {
                if ((i - 3) % 2 == 1) {
                    expect(t.get(i), ",", text);
                } else if (t.get(i).startsWith("'")) {
                    allowed.add(Rule.Literal.of(t.get(i)).text());
                } else {
                    allowed.add(literal(t.get(i), text).toString());
                }
            }
            return new Rule.In(column, Set.copyOf(allowed));
        }
        if (OPS.contains(word) && t.size() == 3) {
            String right = t.get(2);
            if (NAME.matcher(right).matches()) {
                return new Rule.Compare(column, word, right, null);
            }
            return new Rule.Compare(column, word, null, literal(right, text));
        }
        throw bad(text);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("cannot read '" + text.substring(at).strip() + "'; write " + SYNTAX);
            }
            out.add(m.group(1));
            at = m.end();
        }
        return out;
    }

    private static String name(String token, String text) {
        if (!NAME.matcher(token).matches()) {
            throw new IllegalArgumentException("'" + token + "' in '" + text + "' is not a column name");
        }
        return token;
    }

    private static Rule.Literal literal(String token, String text) {
        if (NAME.matcher(token).matches() || token.length() == 1 && "(),<>".contains(token)) {
            throw new IllegalArgumentException("'" + token + "' in '" + text + "' is not a value; write a number or "
                    + "a text in single quotes");
        }
        return Rule.Literal.of(token);
    }

    private static void expect(String token, String want, String text) {
        if (!token.equals(want)) {
            throw new IllegalArgumentException("'" + token + "' in '" + text + "': expected '" + want + "'");
        }
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("cannot read '" + text + "'; write " + SYNTAX);
    }
}
