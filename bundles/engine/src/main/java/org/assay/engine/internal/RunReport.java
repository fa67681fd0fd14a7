package org.assay.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;

/**
 * Writes {@code report.html}: one self-contained page per run with the outcome, a table of
 * steps with counts and times, events, every artifact (charts inline, small tables as
 * tables, text preformatted, data files linked) and a preview of the quarantine.
 */
final class RunReport {

    private static final int MAX_TABLE_ROWS = 100;
    private static final int MAX_TEXT_LINES = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private RunReport() {
    }

    static void write(RunInfo run, List<QuarantineLog.Entry> quarantine, Path quarantineFile, Path target)
            throws IOException {
        Path base = target.getParent();
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(run.workflowId())).append(" — run ").append(esc(run.runId()))
                .append("</title>\n<style>")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}")
                .append("h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}")
                .append("table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left}")
                .append("th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".status{display:inline-block;padding:.15rem .6rem;border-radius:.8rem;color:#fff;font-weight:600}")
                .append(".succeeded{background:#2e7d32}.failed{background:#c62828}.cancelled{background:#777}.running,.queued,.waiting{background:#1565c0}")
                .append("img{max-width:100%;border:1px solid #eee;margin:.5rem 0}pre{background:#f7f7f7;padding:.8rem;overflow:auto;font-size:.85rem}")
                .append(".muted{color:#666}.err{color:#c62828}</style></head><body>\n");
        h.append("<h1>").append(esc(run.workflowId())).append("</h1>\n<p class=\"muted\">Run ")
                .append(esc(run.runId())).append(" · workflow version ").append(run.workflowVersion())
                .append(" · started ").append(run.startedAt() == null ? "-" : TIME.format(run.startedAt()))
                .append(" · took ").append(duration(run)).append("</p>\n");
        h.append("<p><span class=\"status ").append(run.status().name().toLowerCase().split("_")[0]).append("\">")
                .append(esc(run.status().label())).append("</span>");
        if (run.error() != null) {
            h.append(" <span class=\"err\">").append(esc(run.error())).append("</span>");
        }
        h.append("</p>\n");

        h.append("<h2>Steps</h2>\n<table><tr><th>Step</th><th>Type</th><th>Provider</th><th>Status</th>")
                .append("<th>Rows in</th><th>Rows out</th><th>Quarantined</th><th>Filtered</th><th>Time</th></tr>\n");
        for (StepRunInfo s : run.steps()) {
            h.append("<tr><td>").append(esc(s.stepId())).append("</td><td>").append(esc(s.type()))
                    .append("</td><td>").append(esc(s.provider())).append("</td><td>").append(esc(s.status().label()))
                    .append(s.attempts() > 1 ? " (" + s.attempts() + " attempts)" : "")
                    .append("</td><td class=\"n\">").append(String.format("%,d", s.rowsIn()))
                    .append("</td><td class=\"n\">").append(String.format("%,d", s.rowsOut()))
                    .append("</td><td class=\"n\">").append(String.format("%,d", s.quarantined()))
                    .append("</td><td class=\"n\">").append(String.format("%,d", s.filtered()))
                    .append("</td><td class=\"n\">").append(String.format("%.2f s", s.durationMillis() / 1000.0))
                    .append("</td></tr>\n");
            if (s.error() != null) {
                h.append("<tr><td colspan=\"9\" class=\"err\">").append(esc(s.error())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        if (!run.events().isEmpty()) {
            h.append("<h2>Events</h2>\n<ul>");
            run.events().forEach(e -> h.append("<li>").append(esc(e)).append("</li>"));
            h.append("</ul>\n");
        }

        for (StepRunInfo s : run.steps()) {
            if (s.artifacts().isEmpty()) {
                continue;
            }
            h.append("<h2>").append(esc(s.stepId())).append(" <span class=\"muted\">(").append(esc(s.type()))
                    .append(")</span></h2>\n");
            for (ArtifactInfo a : s.artifacts()) {
                String href = esc(base.relativize(a.path()).toString().replace('\\', '/'));
                h.append("<h3>").append(esc(a.title())).append("</h3>\n");
                switch (a.kind()) {
                    case CHART -> h.append("<img src=\"").append(href).append("\" alt=\"").append(esc(a.title()))
                            .append("\">\n");
                    case TABLE -> table(h, a.path(), href);
                    case TEXT -> text(h, a.path(), href);
                    case DATA, MODEL -> h.append("<p><a href=\"").append(href).append("\">").append(href)
                            .append("</a> (").append(size(a.path())).append(")</p>\n");
                }
            }
        }

        if (!quarantine.isEmpty()) {
            long total = run.quarantined();
            h.append("<h2>Quarantine</h2>\n<p>").append(String.format("%,d", total))
                    .append(" rows were set aside with their reasons");
            if (quarantineFile != null) {
                String href = esc(base.relativize(quarantineFile).toString());
                h.append(" in <a href=\"").append(href).append("\">").append(href).append("</a>");
            }
            h.append(total > quarantine.size() ? "; the first " + quarantine.size() + " are shown." : ".")
                    .append("</p>\n<table><tr><th>Step</th><th>Row</th><th>Reason</th><th>Record</th></tr>\n");
            for (QuarantineLog.Entry e : quarantine) {
                h.append("<tr><td>").append(esc(e.stepId())).append("</td><td class=\"n\">").append(e.row())
                        .append("</td><td>").append(esc(e.reason())).append("</td><td><code>")
                        .append(esc(e.record() == null ? "" : abbreviate(e.record(), 160)))
                        .append("</code></td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<p class=\"muted\">Generated by Assay.</p></body></html>\n");
        Files.writeString(target, h, StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder h, Path file, String href) throws IOException {
        if (!Files.isRegularFile(file)) {
            h.append("<p class=\"err\">missing: ").append(href).append("</p>\n");
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        h.append("<table>");
        int shown = 0;
        for (String line : lines) {
            if (shown > MAX_TABLE_ROWS) {
                break;
            }
            List<String> cells = splitCsv(line);
            String tag = shown == 0 ? "th" : "td";
            h.append("<tr>");
            for (String c : cells) {
                boolean numeric = shown > 0 && c.matches("-?[0-9][0-9,.]*%?");
                h.append('<').append(tag).append(numeric ? " class=\"n\">" : ">").append(esc(c))
                        .append("</").append(tag).append('>');
            }
            h.append("</tr>\n");
            shown++;
        }
        h.append("</table>\n");
        if (lines.size() > MAX_TABLE_ROWS + 1) {
            h.append("<p class=\"muted\">First ").append(MAX_TABLE_ROWS).append(" of ").append(lines.size() - 1)
                    .append(" rows; all in <a href=\"").append(href).append("\">").append(href).append("</a>.</p>\n");
        }
    }

    private static void text(StringBuilder h, Path file, String href) throws IOException {
        if (!Files.isRegularFile(file)) {
            h.append("<p class=\"err\">missing: ").append(href).append("</p>\n");
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        h.append("<pre>");
        lines.stream().limit(MAX_TEXT_LINES).forEach(l -> h.append(esc(l)).append('\n'));
        h.append("</pre>\n");
        if (lines.size() > MAX_TEXT_LINES) {
            h.append("<p class=\"muted\">Truncated; all in <a href=\"").append(href).append("\">").append(href)
                    .append("</a>.</p>\n");
        }
    }

    /** Splits one CSV line with quoted fields; enough for the small tables steps write. */
    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String size(Path p) {
        try {
            long b = Files.size(p);
            return b < 1024 ? b + " B" : b < 1 << 20 ? String.format("%.1f KB", b / 1024.0)
                    : String.format("%.1f MB", b / 1048576.0);
        } catch (IOException e) {
            return "missing";
        }
    }

    private static String duration(RunInfo run) {
        if (run.startedAt() == null || run.finishedAt() == null) {
            return "-";
        }
        String active = String.format("%.1f s", run.activeTime(run.finishedAt()).toMillis() / 1000.0);
        return run.downtimeMillis() == 0 ? active
                : active + String.format(" (plus %.1f s with the engine stopped)", run.downtimeMillis() / 1000.0);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
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
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
