package org.assay.privacy.internal.dp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code dp-aggregate}. */
record DpAggregateParameters(
        @Param(description = "Columns to group by; their values are released as they are, so use columns whose "
                + "values are public (regions, product lines), not ones a single person can make appear.",
                defaultValue = "[]")
        @Columns
        List<String> groupBy,
        @Param(description = "Release a noisy row count per group (one query).", defaultValue = "true")
        boolean count,
        @Param(description = "Columns to release a noisy sum of per group (one query each).", defaultValue = "[]")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        List<String> sum,
        @Param(description = "Columns to release a noisy mean of per group (one query each: half for the sum, "
                + "half for the count).", defaultValue = "[]")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        List<String> mean,
        @Param(description = "Clamping bounds \"low,high\" of every sum and mean column, declared, never taken "
                + "from the data (that would leak): values are clamped into them and they fix the sensitivity, "
                + "e.g. {\"income\": \"0,200000\"}.", defaultValue = "{}")
        @Columns
        Map<String, String> bounds,
        @Param(description = "Epsilon of each query; the step spends epsilon x queries of the workflow's budget.",
                defaultValue = "0.5", min = 0.001, max = 10)
        double epsilon,
        @Param(description = "The noise: laplace (pure epsilon-DP) or gaussian ((epsilon, delta)-DP; needs delta).",
                defaultValue = "laplace")
        DpMechanism mechanism,
        @Param(description = "Gaussian only: delta of each query, the chance that the epsilon guarantee does not "
                + "hold; take it well below 1 / the number of people, e.g. 1e-7. The step spends delta x queries of "
                + "the workflow's delta budget.", min = 1e-15, max = 1e-3)
        Optional<Double> delta,
        @Param(description = "For tests only: a fixed seed makes the noise reproducible, and so removable by "
                + "whoever knows the seed; leave it out in real use.")
        Optional<Long> seed) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (queries() == 0) {
            problems.add(ParameterProblem.of("count", "nothing to release: set count, sum or mean"));
        }
        Set<String> numeric = new HashSet<>(sum);
        numeric.addAll(mean);
        for (String c : numeric) {
            if (!bounds.containsKey(c)) {
                problems.add(ParameterProblem.of("bounds", "column '" + c + "' needs clamping bounds, e.g. {\"" + c
                        + "\": \"0,1000\"}: the noise is scaled to them"));
            }
        }
        for (Map.Entry<String, String> e : bounds.entrySet()) {
            try {
                bounds(e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("bounds", "column '" + e.getKey() + "': " + bad.getMessage()));
            }
            if (!numeric.contains(e.getKey())) {
                problems.add(ParameterProblem.of("bounds", "column '" + e.getKey() + "' is in neither sum nor mean"));
            }
        }
        if (mechanism == DpMechanism.GAUSSIAN && delta.isEmpty()) {
            problems.add(ParameterProblem.of("delta", "the gaussian mechanism needs delta, e.g. 1e-7 (well below 1 / "
                    + "the number of people)"));
        }
        if (mechanism == DpMechanism.LAPLACE && delta.isPresent()) {
            problems.add(ParameterProblem.of("delta", "delta is for the gaussian mechanism; laplace has delta 0: set "
                    + "mechanism to gaussian or leave delta out"));
        }
        for (String g : groupBy) {
            if (numeric.contains(g)) {
                problems.add(ParameterProblem.of("groupBy", "column '" + g + "' is grouped by and aggregated"));
            }
        }
        return problems;
    }

    /** Delta of each query: 0 for laplace. */
    double deltaPerQuery() {
        return mechanism == DpMechanism.GAUSSIAN ? delta.orElse(0.0) : 0.0;
    }

    int queries() {
        return (count ? 1 : 0) + sum.size() + mean.size();
    }

    /** {@code "0,1000"} as {low, high}. */
    static double[] bounds(String text) {
        String[] p = text.split(",");
        try {
            if (p.length == 2) {
                double lo = Double.parseDouble(p[0].trim());
                double hi = Double.parseDouble(p[1].trim());
                if (Double.isFinite(lo) && Double.isFinite(hi) && lo < hi) {
                    return new double[] {lo, hi};
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text + "' is not \"low,high\" with low < high, e.g. \"0,1000\"");
    }
}
