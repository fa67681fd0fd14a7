package org.assay.engine.internal.report;

import java.util.List;
import java.util.Set;

/**
 * Which parts a report shows: the run report shows all; a {@code report} step names the parts
 * it wants. A part is one of the built-in {@link #PARTS} or a step's section, named
 * {@code <step id>/<section id>} or by its section id alone (then from every step).
 *
 * @param parts the names chosen; empty for everything
 */
record ReportChoice(List<String> parts) {

    static final String FINDINGS = "findings";
    static final String CHARTS = "charts";
    static final String STEPS = "steps";
    static final String EVENTS = "events";
    static final String QUARANTINE = "quarantine";
    static final String FILES = "files";
    static final String APPENDIX = "appendix";
    /** The built-in parts, in the order a report shows them. */
    static final Set<String> PARTS = Set.of(FINDINGS, CHARTS, STEPS, EVENTS, QUARANTINE, FILES, APPENDIX);

    static final ReportChoice EVERYTHING = new ReportChoice(List.of());

    ReportChoice {
        parts = List.copyOf(parts);
    }

    boolean shows(String part) {
        return parts.isEmpty() || parts.contains(part);
    }

    boolean showsSection(String stepId, String sectionId) {
        return parts.isEmpty() || parts.contains(sectionId) || parts.contains(stepId + "/" + sectionId);
    }
}
