package org.assay.transforms.internal.combine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code split}: by testFraction, or by dateColumn and cutoff. */
record SplitParameters(
        @Param(description = "The share of rows that go to test, between 0 and 1 (of each stratum when stratify is "
                + "given, rounded to the nearest row); the rest go to train.", min = 0, max = 1)
        Optional<Double> testFraction,
        @Param(description = "A date or timestamp column: rows before cutoff go to train, rows on or after it to "
                + "test. A row with no value there goes to quarantine.")
        @Columns(types = {FieldType.DATE, FieldType.TIMESTAMP})
        Optional<String> dateColumn,
        @Param(description = "With dateColumn: the first day (\"2024-07-01\", midnight UTC) or instant "
                + "(\"2024-07-01T12:00:00Z\") of test.")
        Optional<String> cutoff,
        @Param(description = "Seed of the random split: the same seed and input give the same split.",
                defaultValue = "42")
        long seed,
        @Param(description = "With testFraction: a column whose values are split separately, so train and test "
                + "keep its proportions, e.g. \"churned\".")
        @Columns
        Optional<String> stratify) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (testFraction.isPresent() == dateColumn.isPresent()) {
            problems.add(ParameterProblem.general("give exactly one of testFraction (a random split, e.g. "
                    + "\"testFraction\": 0.2) and dateColumn with cutoff (a split in time)"));
        }
        if (dateColumn.isPresent() && cutoff.isEmpty()) {
            problems.add(ParameterProblem.of("cutoff", "dateColumn needs the cutoff, e.g. \"cutoff\": \"2024-07-01\""));
        }
        if (cutoff.isPresent() && dateColumn.isEmpty()) {
            problems.add(ParameterProblem.of("cutoff", "applies to a split by dateColumn; name the column"));
        }
        cutoff.ifPresent(c -> {
            try {
                cutoffMillis();
            } catch (DateTimeParseException e) {
                problems.add(ParameterProblem.of("cutoff", "'" + c + "' is not a date (\"2024-07-01\") or an instant "
                        + "(\"2024-07-01T12:00:00Z\")"));
            }
        });
        if (stratify.isPresent() && testFraction.isEmpty()) {
            problems.add(ParameterProblem.of("stratify", "applies to a split by testFraction; a split in time has no "
                    + "randomness to stratify"));
        }
        return problems;
    }

    /** The cutoff as epoch milliseconds (UTC). */
    long cutoffMillis() {
        String c = cutoff.orElseThrow().trim();
        if (c.length() == 10) {
            return LocalDate.parse(c).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return Instant.parse(c).toEpochMilli();
    }
}
