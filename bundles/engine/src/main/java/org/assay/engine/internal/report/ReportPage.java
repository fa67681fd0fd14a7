package org.assay.engine.internal.report;

import java.util.List;
import java.util.regex.Pattern;
import org.assay.api.report.ReportBlock;

/**
 * The HTML of a report page, written into one buffer: a head with the whole stylesheet (the
 * page fetches nothing), escaped text, and the few shapes a report has. Tables sit in a box
 * that scrolls sideways on its own, so a wide table never widens the page on a phone; the
 * print stylesheet drops the scrolling and the navigation. Not thread-safe.
 */
final class ReportPage {

    private static final Pattern NUMBER = Pattern.compile("[-+−]?[0-9][0-9,.]*\\s?(%|×|x|s|ms)?|[-+−]?\\.[0-9]+");

    private static final String STYLE = String.join("",
            ":root{--ink:#1d2330;--muted:#5c6370;--line:#dde1e6;--soft:#f4f6f8;--accent:#0b5cad}",
            "*{box-sizing:border-box}",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1100px;",
            "color:var(--ink);padding:1rem;line-height:1.45;overflow-wrap:anywhere}",
            "h1{font-size:1.6rem;margin:.4rem 0 .2rem}",
            "h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:2px solid var(--line);padding-bottom:.3rem}",
            "h3{font-size:1.05rem;margin:1.4rem 0 .4rem}",
            "nav{font-size:.9rem;margin:.6rem 0 1rem}nav a{margin-right:.9rem;white-space:nowrap}",
            "a{color:var(--accent)}",
            ".findings{background:#eef5fc;border-left:4px solid var(--accent);padding:.6rem 1rem .6rem 1.6rem;margin:1rem 0}",
            ".findings li{margin:.35rem 0}",
            ".scroll{overflow-x:auto;max-width:100%;margin:.6rem 0}",
            "table{border-collapse:collapse;font-size:.9rem}",
            "th,td{border:1px solid var(--line);padding:.3rem .55rem;text-align:left;vertical-align:top;",
            // Break cells between words only: a squeezed column scrolls with its box instead of
            // splitting "succeeded" into "succeede d".
            "overflow-wrap:normal;word-break:normal}th{white-space:nowrap}td{min-width:3rem}",
            "th{background:var(--soft);font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            "caption{text-align:left;color:var(--muted);font-size:.85rem;padding:.2rem 0;caption-side:top}",
            ".figures{display:flex;flex-wrap:wrap;gap:.7rem;margin:.8rem 0}",
            ".figure{border:1px solid var(--line);border-radius:.4rem;padding:.55rem .8rem;min-width:9rem;flex:1 1 9rem;max-width:100%}",
            ".figure .v{font-size:1.45rem;font-weight:650;font-variant-numeric:tabular-nums}",
            ".figure .l{font-size:.85rem;color:var(--muted)}.figure .d{font-size:.8rem;color:var(--muted)}",
            "figure.chart{margin:1rem 0;max-width:100%}figure.chart img{display:block;max-width:100%;height:auto;",
            "border:1px solid #eee}figcaption{font-size:.85rem;color:var(--muted)}",
            "pre{background:var(--soft);padding:.8rem;overflow:auto;font-size:.8rem;max-height:40rem}",
            "code{overflow-wrap:anywhere}",
            ".status{display:inline-block;padding:.15rem .6rem;border-radius:.8rem;color:#fff;font-weight:600}",
            ".succeeded{background:#2e7d32}.failed{background:#c62828}.cancelled{background:#777}",
            ".running,.queued,.waiting{background:#1565c0}",
            ".muted{color:var(--muted)}.err{color:#c62828}",
            "details{margin:.5rem 0}summary{cursor:pointer}",
            "@media (max-width:600px){body{padding:.6rem}h1{font-size:1.3rem}.figure .v{font-size:1.2rem}",
            "th,td{padding:.25rem .4rem}}",
            "@media print{body{max-width:none;padding:0;font-size:10.5pt}nav{display:none}",
            ".scroll{overflow:visible}pre{max-height:none;white-space:pre-wrap}",
            "h2{break-after:avoid}figure.chart,table,.figure{break-inside:avoid}",
            "details>summary{display:none}details{display:block}a{color:inherit;text-decoration:none}",
            ".findings{border-left-color:#000}}");

    private final StringBuilder h = new StringBuilder(64_000);

    ReportPage(String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                // Nothing of the page is fetched: a mailed report must not call home or break offline.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("img-src data:; style-src 'unsafe-inline'\">")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(STYLE)
                .append("</style></head><body>\n");
    }

    ReportPage raw(String html) {
        h.append(html);
        return this;
    }

    ReportPage text(String s) {
        h.append(esc(s));
        return this;
    }

    ReportPage heading(int level, String id, String text) {
        h.append("<h").append(level).append(id == null ? "" : " id=\"" + esc(id) + "\"").append('>').append(esc(text))
                .append("</h").append(level).append(">\n");
        return this;
    }

    ReportPage paragraph(String text) {
        h.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    ReportPage muted(String text) {
        h.append("<p class=\"muted\">").append(esc(text)).append("</p>\n");
        return this;
    }

    ReportPage figures(List<ReportBlock.Figure> figures) {
        h.append("<div class=\"figures\">");
        for (ReportBlock.Figure f : figures) {
            h.append("<div class=\"figure\"><div class=\"l\">").append(esc(f.label())).append("</div><div class=\"v\">")
                    .append(esc(f.value())).append("</div>");
            if (!f.note().isEmpty()) {
                h.append("<div class=\"d\">").append(esc(f.note())).append("</div>");
            }
            h.append("</div>");
        }
        h.append("</div>\n");
        return this;
    }

    /** A table of text cells; cells that read as numbers are right-aligned. */
    ReportPage table(String caption, List<String> header, List<List<String>> rows) {
        h.append("<div class=\"scroll\"><table>");
        if (caption != null && !caption.isEmpty()) {
            h.append("<caption>").append(esc(caption)).append("</caption>");
        }
        h.append("<thead><tr>");
        header.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (int i = 0; i < Math.max(row.size(), header.size()); i++) {
                cell(i < row.size() ? row.get(i) : "");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        return this;
    }

    /** A table whose last-but-one column holds links: the run's files. */
    ReportPage fileTable(List<String> header, List<List<String>> rows, int linkColumn) {
        h.append("<div class=\"scroll\"><table><thead><tr>");
        header.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                if (i == linkColumn) {
                    h.append("<td><a href=\"").append(esc(row.get(i))).append("\">").append(esc(row.get(i)))
                            .append("</a></td>");
                } else {
                    cell(row.get(i));
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        return this;
    }

    /** One cell, right-aligned and never wrapped when it reads as a number (a duration "0.33 s" too). */
    ReportPage cell(String c) {
        boolean numeric = NUMBER.matcher(c.trim()).matches();
        h.append(numeric ? "<td class=\"n\">" : "<td>").append(esc(c)).append("</td>");
        return this;
    }

    ReportPage pre(String text) {
        h.append("<pre>").append(esc(text)).append("</pre>\n");
        return this;
    }

    /** An image from a data URI, with its caption; {@code alt} is the chart's title. */
    ReportPage image(String dataUri, String alt, String caption) {
        h.append("<figure class=\"chart\"><img src=\"").append(dataUri).append("\" alt=\"").append(esc(alt))
                .append("\">");
        if (caption != null && !caption.isEmpty()) {
            h.append("<figcaption>").append(esc(caption)).append("</figcaption>");
        }
        h.append("</figure>\n");
        return this;
    }

    String finish() {
        h.append("<p class=\"muted\">Generated by Assay.</p></body></html>\n");
        return h.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
