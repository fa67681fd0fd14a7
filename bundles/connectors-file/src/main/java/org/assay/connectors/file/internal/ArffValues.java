package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;

/** Splitting and unquoting of ARFF values: quoted with ' or ", a backslash escapes the next character. */
final class ArffValues {

    private ArffValues() {
    }

    /**
     * The values of a line, split at {@code separator} outside quotes, trimmed and unquoted.
     *
     * @throws IllegalArgumentException when a quote is never closed
     */
    static List<String> split(String text, char separator, long line) {
        List<String> values = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i <= text.length()) {
            if (i == text.length() || text.charAt(i) == separator) {
                values.add(unquote(text.substring(start, i).strip()));
                start = i + 1;
                i++;
                continue;
            }
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = closingQuote(text, i);
                if (close < 0) {
                    throw new IllegalArgumentException("line " + line + ": a quote is never closed");
                }
                i = close + 1;
                continue;
            }
            i++;
        }
        return values;
    }

    /** The index of the quote closing the one at {@code open}, or -1. */
    static int closingQuote(String s, int open) {
        char q = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            StringBuilder b = new StringBuilder(v.length());
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    char n = v.charAt(++i);
                    b.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
        return v;
    }
}
