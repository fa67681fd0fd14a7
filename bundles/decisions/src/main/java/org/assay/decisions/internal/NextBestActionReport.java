package org.assay.decisions.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assay.api.data.Quantile;
import org.assay.api.report.ReportBlock;
import org.assay.api.report.ReportSection;
import org.assay.api.report.ReportSections;
import org.assay.api.step.StepContext;

/**
 * The {@code next-best-action} section of the run report, as a campaign manager reads it: whom
 * to contact and what it brings first, then how close the plan is to the best possible (the LP
 * bound), the spread of simulated revenue, who was left out and why, reach per segment and the
 * budget what-if. Figures only: no customer is named, so the section carries no personal data.
 */
final class NextBestActionReport {

    static final String SECTION_ID = "next-best-action";

    /** What the step saw before it planned. */
    record Facts(long candidates, long eligible, long[] leftOut, String consentBasis, int offers, long reached,
            long customers) {
    }

    private NextBestActionReport() {
    }

    static void publish(StepContext ctx, NextBestActionParameters p, Facts f, Allocation.Plan plan,
            Allocation.Plan[] whatIf, double expectedNet, double[] revenue, List<Object[]> segments)
            throws java.io.IOException {
        ReportSections.publish(ctx, build(p, f, plan, whatIf, expectedNet, revenue, segments));
    }

    static ReportSection build(NextBestActionParameters p, Facts f, Allocation.Plan plan, Allocation.Plan[] whatIf,
            double expectedNet, double[] revenue, List<Object[]> segments) {
        int actions = plan.chosen().length;
        long reached = f.reached();
        double expectedRevenue = expectedNet + plan.cost();
        ReportSection.Builder b = ReportSection.builder(SECTION_ID, "Next best action").order(ReportSection.RESULTS);
        b.summary(String.format(Locale.ROOT, "Make %,d offers to %,d of the %,d candidate customers for %s%s: expected"
                + " revenue %s, net of contact cost %s.", actions, reached, f.customers(), money(plan.cost()),
                p.budget().map(v -> " of the " + money(v) + " budget").orElse(" (no budget limit)"),
                money(expectedRevenue), money(expectedNet)));
        b.summary(String.format(Locale.ROOT, "The plan reaches %.1f%% of the best any plan could (LP bound %s on the"
                + " objective; gap %.2f%%).", plan.bound() <= 0 ? 100.0 : 100.0 * plan.value() / plan.bound(),
                money(plan.bound()), 100 * plan.gap()));
        double[] sorted = revenue.clone();
        Arrays.sort(sorted);
        if (sorted.length > 0) {
            b.summary(String.format(Locale.ROOT, "In %,d simulated campaigns revenue was between %s and %s in 90%%"
                    + " of them (median %s).", sorted.length, money(Quantile.of(sorted, 0.05)),
                    money(Quantile.of(sorted, 0.95)), money(Quantile.of(sorted, 0.5))));
        }
        List<ReportBlock.Figure> figures = new ArrayList<>();
        figures.add(new ReportBlock.Figure("Budget used", money(plan.cost()),
                p.budget().map(v -> String.format(Locale.ROOT, "%.0f%% of %s", 100 * plan.cost() / Math.max(v,
                        1e-9), money(v))).orElse("no budget limit")));
        figures.add(new ReportBlock.Figure("Expected revenue", money(expectedRevenue), "sum of propensity x margin"));
        figures.add(new ReportBlock.Figure("Expected net value", money(expectedNet), "revenue minus contact cost"));
        figures.add(new ReportBlock.Figure("Upper bound", money(plan.bound()), "LP relaxation of the objective"));
        figures.add(new ReportBlock.Figure("Gap to the bound", String.format(Locale.ROOT, "%.2f%%",
                100 * plan.gap()), "chosen by " + plan.method()));
        figures.add(new ReportBlock.Figure("Customers reached", String.format(Locale.ROOT, "%,d", reached),
                String.format(Locale.ROOT, "%,d actions", actions)));
        b.figures(figures);
        b.paragraph(String.format(Locale.ROOT, "%,d candidate rows for %d offers; %,d could be chosen. Left out:"
                + " %,d without consent (%s)%s, %,d not eligible (segments or eligibility rules), %,d below the"
                + " minimum propensity.", f.candidates(), f.offers(), f.eligible(), f.leftOut()[0], f.consentBasis(),
                p.fatigueDays() > 0 ? String.format(Locale.ROOT, ", %,d contacted within %d days", f.leftOut()[1],
                        p.fatigueDays()) : "", f.leftOut()[2], f.leftOut()[3]));
        p.simulationChart().ifPresent(b::chart);
        if (p.segmentColumn().isPresent() && !segments.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Object[] r : segments) {
                rows.add(List.of((String) r[0], count((Long) r[1]), count((Long) r[2]), count((Long) r[3]),
                        money((Double) r[4]), money((Double) r[5])));
            }
            b.table("Reach per segment", List.of("Segment", "Candidates", "Customers reached", "Actions",
                    "Expected net value", "Cost"), rows);
        }
        if (whatIf != null) {
            List<List<String>> rows = new ArrayList<>();
            for (int k = 0; k < whatIf.length; k++) {
                Allocation.Plan w = whatIf[k];
                rows.add(List.of(String.format(Locale.ROOT, "%+.0f%%", 100 * (NextBestActionStep.BUDGET_FACTORS[k]
                        - 1)), money(p.budget().get() * NextBestActionStep.BUDGET_FACTORS[k]),
                        count(w.chosen().length), money(w.cost()), money(w.value()), String.format(Locale.ROOT,
                                "%.2f%%", 100 * w.gap())));
            }
            b.table("What if the budget changes", List.of("Change", "Budget", "Actions", "Budget used",
                    "Objective value", "Gap to bound"), rows);
        }
        return b.build();
    }

    /** Cents below 10,000; whole units above, where cents only make the figure harder to read. */
    private static String money(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 10_000 ? "%,.2f" : "%,.0f", v);
    }

    private static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
