package org.assay.crm.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;

/** The {@code asOf} date parameter shared by rfm and clv. */
final class AsOf {

    static final String DESCRIPTION = "The day the analysis is made, as yyyy-mm-dd: recency is counted up to it"
            + " and orders on or after it are left out (counted as filtered). Default: the day after the last order.";

    private AsOf() {
    }

    static void check(Optional<String> asOf, List<ParameterProblem> problems) {
        if (asOf.isPresent()) {
            try {
                LocalDate.parse(asOf.get());
            } catch (DateTimeParseException e) {
                problems.add(ParameterProblem.of("asOf", "'" + asOf.get() + "' is not a date like 2025-06-30"));
            }
        }
    }

    /** The as-of epoch day: the parameter, else the day after the last order. */
    static long day(Optional<String> asOf, long lastDay) {
        return asOf.map(s -> LocalDate.parse(s).toEpochDay()).orElse(lastDay == Long.MIN_VALUE ? 0 : lastDay + 1);
    }
}
