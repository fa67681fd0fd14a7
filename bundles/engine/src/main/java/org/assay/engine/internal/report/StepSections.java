package org.assay.engine.internal.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.assay.api.report.ReportSection;
import org.assay.api.report.ReportSections;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;

/** The sections the steps of a run published, in report order, and those that could not be read. */
final class StepSections {

    /** A section with the step that published it. */
    record Published(String stepId, String stepType, int stepIndex, ReportSection section) { }

    private final List<Published> sections;
    private final List<String> unreadable;

    private StepSections(List<Published> sections, List<String> unreadable) {
        this.sections = sections;
        this.unreadable = unreadable;
    }

    static StepSections of(RunInfo run, ReportChoice choice) {
        List<Published> out = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<StepRunInfo> steps = run.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepRunInfo s = steps.get(i);
            for (ArtifactInfo a : s.artifacts()) {
                if (!ReportSections.isSection(a.path())) {
                    continue;
                }
                try {
                    ReportSection section = ReportSections.read(a.path());
                    if (choice.showsSection(s.stepId(), section.id())) {
                        out.add(new Published(s.stepId(), s.type(), i, section));
                    }
                } catch (IOException e) {
                    unreadable.add("step '" + s.stepId() + "': " + e.getMessage());
                }
            }
        }
        // By the order the sections ask for; among equals, in the workflow's step order.
        out.sort(Comparator.comparingInt((Published p) -> p.section().order()).thenComparingInt(Published::stepIndex));
        return new StepSections(out, unreadable);
    }

    List<Published> all() {
        return sections;
    }

    List<String> unreadable() {
        return unreadable;
    }
}
