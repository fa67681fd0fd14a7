package org.assay.engine.internal.report;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code report}, and the checks of their values. */
record ReportParameters(
        @Param(description = "The report's name, its heading and (for a folder path) its file name, e.g."
                + " \"Weekly segments\".")
        String name,
        @Param(description = "Where to write: a file (\"segments.html\") or a folder (ending in /, the file is"
                + " then named after the report). A relative path is written into the run's own folder; an"
                + " absolute one must lie in the workflow folder's data/ or a folder listed in writeRoots"
                + " (etc/org.assay.engine.cfg). The file is written when the run ends, so it holds every step.",
                defaultValue = "report.html", path = Param.PathUse.WRITE)
        String path,
        @Param(description = "The parts to show, in the report's own order: findings, charts, steps, events,"
                + " quarantine, files, appendix, and the steps' sections, as <step id>/<section id> (e.g."
                + " segments/segments) or a section id for that section of every step. Empty for everything.",
                defaultValue = "[]")
        List<String> sections) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(ParameterProblem.of("name", "give the report a name, e.g. \"Weekly segments\""));
        }
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the file or folder to write, e.g. \"segments.html\""));
        }
        for (String s : sections) {
            if (!ReportChoice.PARTS.contains(s) && !s.matches("([A-Za-z0-9_.-]+/)?[A-Za-z0-9_-]+")) {
                problems.add(ParameterProblem.of("sections", "'" + s + "' names no part; use one of "
                        + List.of(ReportChoice.FINDINGS, ReportChoice.CHARTS, ReportChoice.STEPS, ReportChoice.EVENTS,
                                ReportChoice.QUARANTINE, ReportChoice.FILES, ReportChoice.APPENDIX)
                        + " or <step id>/<section id>, e.g. segments/segments"));
            }
        }
        return problems;
    }

    /** The file name when {@link #path} is a folder: the name in lower case, runs of other characters as '-'. */
    String fileName() {
        String slug = name.trim().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return (slug.isEmpty() ? "report" : slug) + ".html";
    }
}
