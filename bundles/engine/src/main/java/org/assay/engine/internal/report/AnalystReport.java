package org.assay.engine.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assay.api.report.ReportBlock;
import org.assay.engine.QuarantineFile;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;

/**
 * A run's report for the people who act on it: first what the run found, in sentences
 * (every section's summary), then each step's section (segments, model quality, ...), the
 * charts, and only then the technical account: steps with their counts, events, the
 * quarantine by reason, the files, and an appendix with the long texts (model dumps). One
 * self-contained HTML file: charts are embedded, nothing is fetched, a print stylesheet and
 * a phone-width layout are built in. Stateless.
 */
public final class AnalystReport {

    /** Steps named in the findings' row account; the step table lists them all. */
    private static final int REDUCING_STEPS_NAMED = 3;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private AnalystReport() {
    }

    /** The run report's HTML, with every part. */
    public static String render(RunInfo run, Path quarantineFile, Path base) throws IOException {
        return render(run, quarantineFile, base, null, ReportChoice.EVERYTHING);
    }

    /**
     * The report's HTML.
     *
     * @param title          the report's name; null for the run report (named after the workflow)
     * @param quarantineFile the run's {@code quarantine.csv}, or null when nothing was quarantined
     * @param base           the folder the report is written to: links to run files are relative to it
     */
    static String render(RunInfo run, Path quarantineFile, Path base, String title, ReportChoice choice)
            throws IOException {
        String heading = title == null ? run.workflowId() : title;
        ReportPage page = new ReportPage(heading + " — run " + run.runId());
        StepSections sections = StepSections.of(run, choice);
        ReportCharts charts = ReportCharts.of(run);
        List<ReportBlock.Appendix> appendix = new ArrayList<>();
        Set<ReportCharts.Chart> placed = new HashSet<>();

        header(page, run, heading, sections, choice);
        if (choice.shows(ReportChoice.FINDINGS)) {
            findings(page, run, sections);
        }
        for (StepSections.Published p : sections.all()) {
            page.heading(2, anchor(p), p.section().title());
            page.muted("From step " + p.stepId() + " (" + p.stepType() + ").");
            for (ReportBlock b : p.section().blocks()) {
                block(page, b, charts, placed, appendix, base);
            }
        }
        if (choice.shows(ReportChoice.CHARTS)) {
            List<ReportCharts.Chart> rest = charts.all().stream().filter(c -> !placed.contains(c)).toList();
            if (!rest.isEmpty()) {
                page.heading(2, "charts", "Charts");
                rest.forEach(c -> chart(page, c, base));
            }
        }
        RunTechnical technical = new RunTechnical(page, run, base);
        if (choice.shows(ReportChoice.STEPS)) {
            technical.steps();
        }
        if (choice.shows(ReportChoice.EVENTS)) {
            technical.events();
        }
        if (choice.shows(ReportChoice.QUARANTINE)) {
            technical.quarantine(quarantine(quarantineFile), quarantineFile);
        }
        if (choice.shows(ReportChoice.FILES)) {
            technical.files();
        }
        if (choice.shows(ReportChoice.APPENDIX)) {
            technical.appendix(appendix);
        }
        if (!sections.unreadable().isEmpty()) {
            page.heading(3, null, "Sections that could not be shown");
            sections.unreadable().forEach(page::muted);
        }
        return page.finish();
    }

    private static QuarantineFile.Summary quarantine(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return QuarantineFile.Summary.EMPTY;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return QuarantineFile.summarize(in);
        }
    }

    private static void header(ReportPage page, RunInfo run, String heading, StepSections sections,
            ReportChoice choice) {
        page.heading(1, null, heading);
        page.muted("Workflow " + run.workflowId() + " · run " + run.runId() + " · version " + run.workflowVersion()
                + " · started " + (run.startedAt() == null ? "-" : TIME.format(run.startedAt()))
                + " · took " + RunTechnical.duration(run));
        page.raw("<p><span class=\"status " + run.status().name().toLowerCase().split("_")[0] + "\">")
                .text(run.status().label()).raw("</span>");
        if (run.error() != null) {
            page.raw(" <span class=\"err\">").text(run.error()).raw("</span>");
        }
        page.raw("</p>\n<nav>");
        if (choice.shows(ReportChoice.FINDINGS)) {
            page.raw("<a href=\"#findings\">Findings</a>");
        }
        for (StepSections.Published p : sections.all()) {
            page.raw("<a href=\"#" + ReportPage.esc(anchor(p)) + "\">").text(p.section().title()).raw("</a>");
        }
        for (String part : List.of(ReportChoice.CHARTS, ReportChoice.STEPS, ReportChoice.QUARANTINE,
                ReportChoice.FILES, ReportChoice.APPENDIX)) {
            if (choice.shows(part)) {
                page.raw("<a href=\"#" + part + "\">" + Character.toUpperCase(part.charAt(0)) + part.substring(1)
                        + "</a>");
            }
        }
        page.raw("</nav>\n");
    }

    /** The opening: every section's findings, then what happened to the rows, in words. */
    private static void findings(ReportPage page, RunInfo run, StepSections sections) {
        page.heading(2, "findings", "What this run found");
        List<String> lines = new ArrayList<>();
        sections.all().forEach(p -> lines.addAll(p.section().summary()));
        lines.add(rowAccount(run.steps()));
        if (run.error() != null) {
            lines.add(0, "The run did not finish: " + run.error());
        }
        page.raw("<ul class=\"findings\">");
        lines.forEach(l -> page.raw("<li>").text(l).raw("</li>"));
        page.raw("</ul>\n");
        if (sections.all().isEmpty()) {
            page.muted("No step of this workflow published a report section; the charts and the step table below"
                    + " show what it did.");
        }
    }

    /**
     * What happened to the rows, in one sentence. The steps that left rows out or combined them
     * on purpose are named with their own counts: a sum over steps adds a consent filter's
     * customers to an aggregation's orders (101,968 "dropped by filters" in a customer-360 run
     * that dropped 520 customers) and reads as lost data.
     */
    static String rowAccount(List<StepRunInfo> steps) {
        long read = 0;
        long quarantined = 0;
        for (StepRunInfo s : steps) {
            quarantined += s.quarantined();
            read = Math.max(read, s.rowsIn());
        }
        StringBuilder rows = new StringBuilder();
        rows.append(String.format("The run went through %,d step%s; the largest step read %,d rows", steps.size(),
                steps.size() == 1 ? "" : "s", read));
        if (quarantined > 0) {
            rows.append(String.format("; %,d rows were set aside in quarantine (see Quarantine)", quarantined));
        }
        List<StepRunInfo> reducing = steps.stream().filter(s -> s.filtered() > 0)
                .sorted(java.util.Comparator.comparingLong(StepRunInfo::filtered).reversed()).toList();
        if (!reducing.isEmpty()) {
            rows.append(reducing.size() == 1 ? ". One step left rows out or combined them on purpose: "
                    : String.format(". %,d steps left rows out or combined them on purpose (filters, joins,"
                            + " totals; see Filtered under Steps)%s: ", reducing.size(),
                            reducing.size() > REDUCING_STEPS_NAMED ? ", the most" : ""));
            List<String> named = new ArrayList<>();
            for (StepRunInfo s : reducing.subList(0, Math.min(REDUCING_STEPS_NAMED, reducing.size()))) {
                named.add(String.format("%s (%s) %,d of %,d rows", s.stepId(), s.type(), s.filtered(), s.rowsIn()));
            }
            rows.append(String.join(", ", named));
        }
        return rows.append('.').toString();
    }

    private static void block(ReportPage page, ReportBlock b, ReportCharts charts, Set<ReportCharts.Chart> placed,
            List<ReportBlock.Appendix> appendix, Path base) {
        if (b instanceof ReportBlock.Paragraph p) {
            page.paragraph(p.text());
        } else if (b instanceof ReportBlock.Figures f) {
            page.figures(f.figures());
        } else if (b instanceof ReportBlock.Table t) {
            page.table(t.caption(), t.header(), t.rows());
        } else if (b instanceof ReportBlock.Chart c) {
            Optional<ReportCharts.Chart> chart = charts.titled(c.title());
            if (chart.isPresent()) {
                placed.add(chart.get());
                chart(page, chart.get(), base);
            } else {
                page.muted("Chart \"" + c.title() + "\" was not drawn in this run.");
            }
        } else if (b instanceof ReportBlock.Appendix a) {
            int n = appendix.size() + 1;
            appendix.add(a);
            page.raw("<p class=\"muted\">").text(a.title()).raw(": see <a href=\"#appendix-" + n
                    + "\">the appendix</a>.</p>\n");
        }
    }

    private static void chart(ReportPage page, ReportCharts.Chart c, Path base) {
        Optional<String> uri = ReportCharts.dataUri(c);
        String caption = c.data() == null ? "" : "Data: " + RunTechnical.href(base, c.data());
        if (uri.isPresent()) {
            page.image(uri.get(), c.title(), caption);
        } else {
            page.raw("<p class=\"muted\">").text(c.title()).raw(": too large to embed, see <a href=\"")
                    .text(RunTechnical.href(base, c.image())).raw("\">").text(c.image().getFileName().toString())
                    .raw("</a>.</p>\n");
        }
    }

    private static String anchor(StepSections.Published p) {
        return "s-" + p.stepId().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + p.section().id();
    }
}
