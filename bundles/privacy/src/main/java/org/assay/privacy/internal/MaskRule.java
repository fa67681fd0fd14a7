package org.assay.privacy.internal;

import java.util.Locale;

/**
 * One column's mask, parsed from its text in {@code mask}'s columns parameter. Masks keep just
 * enough to recognise a value by eye (support staff reading a list) and never enough to contact
 * or identify the person. Immutable.
 */
record MaskRule(Kind kind, int count, String pattern) {

    enum Kind { EMAIL, PHONE, NAME, FULL, KEEP_FIRST, KEEP_LAST, PATTERN }

    static final String KINDS = "email (j***@example.com), phone (***1234: the last 4 digits), name (initials, "
            + "J. S.), full (***), keep-first:N, keep-last:N (the first or last N characters, the rest as *), "
            + "pattern:P (position by position: # shows the character, * hides it, the last sign of P repeats)";

    /** @throws IllegalArgumentException naming the kinds when the text is none of them */
    static MaskRule parse(String text) {
        String t = text == null ? "" : text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "email", "e-mail": return new MaskRule(Kind.EMAIL, 0, null);
            case "phone": return new MaskRule(Kind.PHONE, 4, null);
            case "name": return new MaskRule(Kind.NAME, 0, null);
            case "full": return new MaskRule(Kind.FULL, 0, null);
            default: break;
        }
        if (lower.startsWith("keep-first:") || lower.startsWith("keep-last:")) {
            String n = t.substring(t.indexOf(':') + 1).trim();
            int count;
            try {
                count = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0 || count > 64) {
                throw new IllegalArgumentException("'" + t + "' needs a count from 0 to 64, e.g. keep-last:4");
            }
            return new MaskRule(lower.startsWith("keep-first") ? Kind.KEEP_FIRST : Kind.KEEP_LAST, count, null);
        }
        if (lower.startsWith("pattern:")) {
            String p = t.substring("pattern:".length());
            if (p.isEmpty() || !p.chars().allMatch(ch -> ch == '#' || ch == '*')) {
                throw new IllegalArgumentException("'" + t + "': a pattern is made of # (show) and * (hide), e.g. "
                        + "pattern:##****");
            }
            return new MaskRule(Kind.PATTERN, 0, p);
        }
        throw new IllegalArgumentException("unknown mask '" + t + "'; use " + KINDS);
    }

    /** The masked form of a non-null value. */
    String apply(String v) {
        return switch (kind) {
            case EMAIL -> email(v);
            case PHONE -> phone(v);
            case NAME -> initials(v);
            case FULL -> "***";
            case KEEP_FIRST -> keep(v, count, true);
            case KEEP_LAST -> keep(v, count, false);
            case PATTERN -> pattern(v);
        };
    }

    /** First letter of the local part and the whole domain: the domain says little about one person. */
    private static String email(String v) {
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1) {
            return "***";
        }
        return v.codePointAt(0) == '"' ? "***" + v.substring(at) : new String(Character.toChars(v.codePointAt(0)))
                + "***" + v.substring(at);
    }

    /** The last digits only, without their count of the others (lengths would tell the country). */
    private String phone(String v) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                digits.append(v.charAt(i));
            }
        }
        // Too few digits to hide any: showing them would show the whole number.
        if (digits.length() <= count * 2) {
            return "***";
        }
        return "***" + digits.substring(digits.length() - count);
    }

    private static String initials(String v) {
        StringBuilder b = new StringBuilder();
        for (String part : v.trim().split("[\\s\\-]+")) {
            if (!part.isEmpty()) {
                b.append(b.length() == 0 ? "" : " ").appendCodePoint(Character.toUpperCase(part.codePointAt(0)))
                        .append('.');
            }
        }
        return b.length() == 0 ? "***" : b.toString();
    }

    private static String keep(String v, int n, boolean first) {
        int[] cps = v.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            boolean show = first ? i < n : i >= cps.length - n;
            if (show) {
                b.appendCodePoint(cps[i]);
            } else {
                b.append('*');
            }
        }
        return b.toString();
    }

    private String pattern(String v) {
        int[] cps = v.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            char sign = pattern.charAt(Math.min(i, pattern.length() - 1));
            if (sign == '#') {
                b.appendCodePoint(cps[i]);
            } else {
                b.append('*');
            }
        }
        return b.toString();
    }
}
