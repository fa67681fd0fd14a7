package org.assay.engine.internal.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.report.ReportBlock;
import org.assay.api.report.ReportSections;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.QuarantineFile;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;

/**
 * The technical half of a report, after the findings: the step table, events, the
 * quarantine by reason, the run's files (small tables shown folded) and the appendix (long
 * texts: sections' appendix blocks and the text artifacts, such as Weka's model dump).
 */
final class RunTechnical {

    static final int MAX_TABLE_ROWS = 30;
    static final int MAX_TEXT_LINES = 400;

    private final ReportPage page;
    private final RunInfo run;
    private final Path base;

    RunTechnical(ReportPage page, RunInfo run, Path base) {
        this.page = page;
        this.run = run;
        this.base = base;
    }

    void steps() {
        page.heading(2, ReportChoice.STEPS, "Steps");
        List<List<String>> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (StepRunInfo s : run.steps()) {
            rows.add(List.of(s.stepId(), s.type(), s.status().label() + (s.attempts() > 1 ? " (" + s.attempts()
                    + " attempts)" : ""), String.format("%,d", s.rowsIn()), String.format("%,d", s.rowsOut()),
                    String.format("%,d", s.quarantined()), String.format("%,d", s.filtered()),
                    String.format("%.2f s", s.durationMillis() / 1000.0), s.provider()));
            if (s.error() != null) {
                errors.add(s.stepId() + ": " + s.error());
            }
        }
        page.table("", List.of("Step", "Type", "Status", "Rows in", "Rows out", "Quarantined", "Filtered", "Time",
                "Provider"), rows);
        errors.forEach(e -> page.raw("<p class=\"err\">").text(e).raw("</p>\n"));
    }

    void events() {
        if (run.events().isEmpty()) {
            return;
        }
        page.heading(2, ReportChoice.EVENTS, "Events");
        page.raw("<ul>");
        run.events().forEach(e -> page.raw("<li>").text(e).raw("</li>"));
        page.raw("</ul>\n");
    }

    void quarantine(QuarantineFile.Summary q, Path file) {
        page.heading(2, ReportChoice.QUARANTINE, "Quarantine");
        if (q.total() == 0) {
            page.paragraph("No row was set aside.");
            return;
        }
        page.raw("<p>").text(String.format("%,d rows were set aside, by reason below", q.total()));
        if (file != null) {
            page.text("; all of them, with their records, are in ").raw("<a href=\"").text(href(base, file))
                    .raw("\">").text(file.getFileName().toString()).raw("</a>");
        }
        page.raw(". Reasons are grouped without their line numbers, quoted values and numbers; personal data in the"
                + " examples is masked.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (QuarantineFile.Group g : q.groups()) {
            rows.add(List.of(g.stepId(), g.reason(), String.format("%,d", g.rows()), String.join(" | ", g.examples())));
        }
        if (q.otherRows() > 0) {
            rows.add(List.of("", "(other reasons)", String.format("%,d", q.otherRows()), ""));
        }
        page.table("", List.of("Step", "Reason", "Rows", "Examples (masked)"), rows);
    }

    void files() {
        page.heading(2, ReportChoice.FILES, "Files");
        List<List<String>> rows = new ArrayList<>();
        List<ArtifactInfo> tables = new ArrayList<>();
        for (StepRunInfo s : run.steps()) {
            for (ArtifactInfo a : s.artifacts()) {
                if (ReportSections.isSection(a.path())) {
                    continue;
                }
                rows.add(List.of(s.stepId(), a.title(), a.kind().name().toLowerCase(), href(base, a.path()),
                        size(a.path())));
                if (a.kind() == ArtifactKind.TABLE) {
                    tables.add(a);
                }
            }
        }
        page.muted("In the run folder, beside report.html.");
        page.fileTable(List.of("Step", "Title", "Kind", "File", "Size"), rows, 3);
        for (ArtifactInfo a : tables) {
            page.raw("<details><summary>").text(a.stepId() + ": " + a.title()).raw("</summary>\n");
            csvTable(a.path());
            page.raw("</details>\n");
        }
    }

    private void csvTable(Path file) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = null;
        long more = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = CsvRecords.next(in);
            for (List<String> r = header == null ? null : CsvRecords.next(in); r != null;
                    r = rows.size() < MAX_TABLE_ROWS ? CsvRecords.next(in) : null) {
                rows.add(r);
            }
            // The rest is only counted, not parsed into cells.
            more = rows.size() < MAX_TABLE_ROWS ? 0 : CsvRecords.count(in);
        } catch (IOException e) {
            page.raw("<p class=\"err\">").text("cannot read " + file.getFileName() + ": " + e.getMessage())
                    .raw("</p>\n");
            return;
        }
        if (header != null) {
            page.table(more > 0 ? String.format("First %d rows; %,d more in the file.", MAX_TABLE_ROWS, more) : "",
                    header, rows);
        }
    }

    /** The sections' appendix blocks, numbered as linked, then every text artifact. */
    void appendix(List<ReportBlock.Appendix> blocks) {
        List<ArtifactInfo> texts = run.steps().stream().flatMap(s -> s.artifacts().stream())
                .filter(a -> a.kind() == ArtifactKind.TEXT).toList();
        if (blocks.isEmpty() && texts.isEmpty()) {
            return;
        }
        page.heading(2, ReportChoice.APPENDIX, "Appendix");
        for (int i = 0; i < blocks.size(); i++) {
            page.heading(3, "appendix-" + (i + 1), blocks.get(i).title());
            page.pre(blocks.get(i).text());
        }
        for (ArtifactInfo a : texts) {
            page.heading(3, null, a.stepId() + ": " + a.title());
            try {
                List<String> lines = Files.readAllLines(a.path(), StandardCharsets.UTF_8);
                page.pre(String.join("\n", lines.subList(0, Math.min(lines.size(), MAX_TEXT_LINES))));
                if (lines.size() > MAX_TEXT_LINES) {
                    page.raw("<p class=\"muted\">Truncated; all in <a href=\"").text(href(base, a.path())).raw("\">")
                            .text(a.path().getFileName().toString()).raw("</a>.</p>\n");
                }
            } catch (IOException e) {
                page.raw("<p class=\"err\">").text("missing: " + href(base, a.path())).raw("</p>\n");
            }
        }
    }

    static String href(Path base, Path file) {
        try {
            return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toAbsolutePath().toString();
        }
    }

    static String size(Path p) {
        try {
            long b = Files.size(p);
            return b < 1024 ? b + " B" : b < 1 << 20 ? String.format("%.1f KB", b / 1024.0)
                    : String.format("%.1f MB", b / 1048576.0);
        } catch (IOException e) {
            return "missing";
        }
    }

    static String duration(RunInfo run) {
        if (run.startedAt() == null || run.finishedAt() == null) {
            return "-";
        }
        String active = String.format("%.1f s", run.activeTime(run.finishedAt()).toMillis() / 1000.0);
        return run.downtimeMillis() == 0 ? active
                : active + String.format(" (plus %.1f s with the engine stopped)", run.downtimeMillis() / 1000.0);
    }
}
