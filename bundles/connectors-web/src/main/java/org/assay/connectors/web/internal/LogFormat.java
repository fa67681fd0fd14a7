package org.assay.connectors.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Apache {@code LogFormat} pattern compiled to one regular expression, e.g. combined:
 * {@code %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i"}. Nginx's default
 * {@code combined} log_format writes the same layout. Immutable and thread-safe.
 *
 * <p>Supported directives: {@code %h %a} (client), {@code %l} (ident, ignored), {@code %u}
 * (user), {@code %t} (time), {@code %r} (request line), {@code %s %>s} (status),
 * {@code %b %B} (bytes), {@code %D %T} (duration, ignored), {@code %v %V} (host, ignored),
 * {@code %{Name}i} (a request header: Referer, User-Agent and Cookie are kept), {@code %{name}C}
 * (a cookie's value) and {@code %%}.
 */
final class LogFormat {

    static final String COMMON = "%h %l %u %t \"%r\" %>s %b";
    static final String COMBINED = COMMON + " \"%{Referer}i\" \"%{User-Agent}i\"";

    /** What a captured group holds. */
    enum Part { CLIENT, USER, TIME, REQUEST, STATUS, BYTES, REFERRER, USER_AGENT, COOKIE_HEADER, COOKIE, IGNORED }

    private final String pattern;
    private final Pattern regex;
    private final List<Part> parts;
    /** For {@link Part#COOKIE}: the cookie's name, in group order (null for other parts). */
    private final List<String> cookieNames;

    private LogFormat(String pattern, Pattern regex, List<Part> parts, List<String> cookieNames) {
        this.pattern = pattern;
        this.regex = regex;
        this.parts = List.copyOf(parts);
        this.cookieNames = cookieNames;
    }

    /**
     * "combined", "common" or a LogFormat pattern.
     *
     * @throws IllegalArgumentException naming the directive it does not know
     */
    static LogFormat of(String format) {
        String p = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "combined" -> COMBINED;
            case "common" -> COMMON;
            default -> format;
        };
        StringBuilder re = new StringBuilder("^");
        List<Part> parts = new ArrayList<>();
        List<String> cookies = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c != '%') {
                int next = p.indexOf('%', i);
                next = next < 0 ? p.length() : next;
                // A space in the pattern matches one or more: some servers pad fields.
                for (String piece : p.substring(i, next).split("(?<= )|(?= )")) {
                    re.append(piece.equals(" ") ? " +" : Pattern.quote(piece));
                }
                i = next;
                continue;
            }
            if (i + 1 >= p.length()) {
                throw new IllegalArgumentException("the log format ends with a lone %");
            }
            boolean quoted = i > 0 && p.charAt(i - 1) == '"';
            String field = quoted ? "((?:[^\"\\\\]|\\\\.)*)" : "(\\S+)";
            int end;
            String name = null;
            char d = p.charAt(i + 1);
            if (d == '{') {
                int close = p.indexOf('}', i);
                if (close < 0 || close + 1 >= p.length()) {
                    throw new IllegalArgumentException("the log format has %{ without a closing } and a letter");
                }
                name = p.substring(i + 2, close);
                d = p.charAt(close + 1);
                end = close + 2;
            } else if (d == '>' && i + 2 < p.length()) {
                d = p.charAt(i + 2);
                end = i + 3;
            } else {
                end = i + 2;
            }
            Part part;
            switch (d) {
                case '%' -> {
                    re.append('%');
                    i = end;
                    continue;
                }
                case 'h', 'a' -> part = Part.CLIENT;
                case 'l', 'v', 'V', 'D', 'T' -> part = Part.IGNORED;
                case 'u' -> part = Part.USER;
                case 't' -> {
                    part = Part.TIME;
                    field = "\\[([^\\]]+)\\]";
                }
                case 'r' -> part = Part.REQUEST;
                case 's' -> {
                    part = Part.STATUS;
                    field = "(\\d{3}|-)";
                }
                case 'b', 'B' -> {
                    part = Part.BYTES;
                    field = "(\\d+|-)";
                }
                case 'i' -> part = header(name);
                case 'C' -> part = Part.COOKIE;
                default -> throw new IllegalArgumentException("the log format directive %" + d + " is not supported; "
                        + "use %h %a %l %u %t %r %s %>s %b %B %D %T %v %V %{Header}i %{cookie}C");
            }
            re.append(field);
            parts.add(part);
            cookies.add(part == Part.COOKIE ? name : null);
            i = end;
        }
        if (!parts.contains(Part.TIME)) {
            throw new IllegalArgumentException("the log format has no %t: a log without times cannot be sessionised");
        }
        return new LogFormat(p, Pattern.compile(re.append("\\s*$").toString()), parts, cookies);
    }

    private static Part header(String name) {
        if (name == null) {
            throw new IllegalArgumentException("%i needs a header name, e.g. %{User-Agent}i");
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "referer", "referrer" -> Part.REFERRER;
            case "user-agent" -> Part.USER_AGENT;
            case "cookie" -> Part.COOKIE_HEADER;
            default -> Part.IGNORED;
        };
    }

    String pattern() {
        return pattern;
    }

    /** The captured values by part for a line, or null when the line does not match. */
    Matcher match(String line) {
        Matcher m = regex.matcher(line);
        return m.matches() ? m : null;
    }

    List<Part> parts() {
        return parts;
    }

    String cookieName(int group) {
        return cookieNames.get(group);
    }
}
