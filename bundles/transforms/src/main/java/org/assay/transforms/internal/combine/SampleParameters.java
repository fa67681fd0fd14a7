package org.assay.transforms.internal.combine;

import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code sample}: n or fraction, exactly one. */
record SampleParameters(
        @Param(description = "How many rows to keep (from each stratum when stratify is given); a stratum with "
                + "fewer rows is kept whole.", min = 1)
        Optional<Long> n,
        @Param(description = "The share of rows to keep, between 0 and 1 (of each stratum when stratify is given, "
                + "rounded to the nearest row).", min = 0, max = 1)
        Optional<Double> fraction,
        @Param(description = "Seed of the random choice: the same seed and input give the same rows.",
                defaultValue = "42")
        long seed,
        @Param(description = "A column whose values are sampled separately, so each keeps its share, e.g. "
                + "\"segment\"; a null is a value of its own.")
        @Columns
        Optional<String> stratify) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        if (n.isPresent() == fraction.isPresent()) {
            return List.of(ParameterProblem.general("give exactly one of n (a row count, e.g. \"n\": 1000) and "
                    + "fraction (a share, e.g. \"fraction\": 0.1)"));
        }
        return List.of();
    }
}
