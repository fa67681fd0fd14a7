package org.assay.api.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section as JSON and back. The api bundle has no JSON library, and a section is a few
 * strings, lists and one number, so a small writer and reader of exactly that do.
 */
final class SectionJson {

    private SectionJson() {
    }

    static String write(ReportSection s) {
        StringBuilder b = new StringBuilder(1024);
        b.append("{\"format\":1,\"id\":");
        str(b, s.id());
        b.append(",\"title\":");
        str(b, s.title());
        b.append(",\"order\":").append(s.order()).append(",\"summary\":");
        strings(b, s.summary());
        b.append(",\"blocks\":[");
        for (int i = 0; i < s.blocks().size(); i++) {
            b.append(i > 0 ? ",\n" : "\n");
            block(b, s.blocks().get(i));
        }
        return b.append("]}\n").toString();
    }

    private static void block(StringBuilder b, ReportBlock block) {
        if (block instanceof ReportBlock.Paragraph p) {
            b.append("{\"type\":\"paragraph\",\"text\":");
            str(b, p.text());
        } else if (block instanceof ReportBlock.Figures f) {
            b.append("{\"type\":\"figures\",\"figures\":[");
            for (int i = 0; i < f.figures().size(); i++) {
                ReportBlock.Figure g = f.figures().get(i);
                b.append(i > 0 ? "," : "");
                strings(b, List.of(g.label(), g.value(), g.note()));
            }
            b.append(']');
        } else if (block instanceof ReportBlock.Table t) {
            b.append("{\"type\":\"table\",\"caption\":");
            str(b, t.caption());
            b.append(",\"header\":");
            strings(b, t.header());
            b.append(",\"rows\":[");
            for (int i = 0; i < t.rows().size(); i++) {
                b.append(i > 0 ? ",\n" : "\n");
                strings(b, t.rows().get(i));
            }
            b.append(']');
        } else if (block instanceof ReportBlock.Chart c) {
            b.append("{\"type\":\"chart\",\"title\":");
            str(b, c.title());
        } else {
            ReportBlock.Appendix a = (ReportBlock.Appendix) block;
            b.append("{\"type\":\"appendix\",\"title\":");
            str(b, a.title());
            b.append(",\"text\":");
            str(b, a.text());
        }
        b.append('}');
    }

    private static void strings(StringBuilder b, List<String> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            b.append(i > 0 ? "," : "");
            str(b, values.get(i));
        }
        b.append(']');
    }

    private static void str(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    @SuppressWarnings("unchecked")
    static ReportSection read(String text) {
        Map<String, Object> root = (Map<String, Object>) new Reader(text).document();
        List<ReportBlock> blocks = new ArrayList<>();
        for (Object o : (List<Object>) root.get("blocks")) {
            blocks.add(block((Map<String, Object>) o));
        }
        return new ReportSection((String) root.get("id"), (String) root.get("title"),
                ((Number) root.get("order")).intValue(), (List<String>) (List<?>) root.get("summary"), blocks);
    }

    @SuppressWarnings("unchecked")
    private static ReportBlock block(Map<String, Object> o) {
        String type = (String) o.get("type");
        return switch (type) {
            case "paragraph" -> new ReportBlock.Paragraph((String) o.get("text"));
            case "figures" -> new ReportBlock.Figures(((List<List<String>>) o.get("figures")).stream()
                    .map(f -> new ReportBlock.Figure(f.get(0), f.get(1), f.get(2))).toList());
            case "table" -> new ReportBlock.Table((String) o.get("caption"), (List<String>) o.get("header"),
                    (List<List<String>>) o.get("rows"));
            case "chart" -> new ReportBlock.Chart((String) o.get("title"));
            case "appendix" -> new ReportBlock.Appendix((String) o.get("title"), (String) o.get("text"));
            default -> throw new IllegalArgumentException("unknown block type '" + type + "'");
        };
    }

    /** Reads JSON objects, arrays, strings and integers: what {@link #write} writes. */
    private static final class Reader {

        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            skip();
            if (i != s.length()) {
                throw error("text after the end");
            }
            return v;
        }

        private Object value() {
            skip();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                skip();
                if (peek('}')) {
                    return m;
                }
                do {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    m.put(key, value());
                    skip();
                } while (peek(','));
                expect('}');
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skip();
                if (peek(']')) {
                    return l;
                }
                do {
                    l.add(value());
                    skip();
                } while (peek(','));
                expect(']');
                return l;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && (s.charAt(i) == '-' || Character.isDigit(s.charAt(i)))) {
                i++;
            }
            if (start == i) {
                throw error("unexpected '" + c + "'");
            }
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + i);
        }
    }
}
