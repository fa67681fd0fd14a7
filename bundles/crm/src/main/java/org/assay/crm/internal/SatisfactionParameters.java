package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code satisfaction}. */
record SatisfactionParameters(
        @Param(description = "The likelihood-to-recommend score, 0-10 (NPS survey question).")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        Optional<String> npsColumn,
        @Param(description = "The satisfaction score, 1-5 (CSAT survey question).")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        Optional<String> csatColumn,
        @Param(description = "A sentiment score in -1..1 (from the sentiment step) to average per group.")
        @Columns(types = {FieldType.DECIMAL, FieldType.INTEGER})
        Optional<String> sentimentColumn,
        @Param(description = "The response date (a date or a timestamp, as its UTC day); without it there are no"
                + " periods, only totals.")
        @Columns(types = {FieldType.DATE, FieldType.TIMESTAMP})
        Optional<String> dateColumn,
        @Param(description = "The period of the trend rows.", defaultValue = "month")
        Period period,
        @Param(description = "Columns to break the figures down by, each on its own (plan, channel, product ...).",
                defaultValue = "[]")
        @Columns(pii = false)
        List<String> segmentColumns,
        @Param(description = "Candidate drivers of low scores: for each value of each column, how much more often"
                + " its responses are low than the others' (rate ratio and odds ratio with intervals). Numbers with"
                + " more than 10 distinct values are cut into quartiles.", defaultValue = "[]")
        @Columns(pii = false)
        List<String> driverColumns,
        @Param(description = "Driver values with fewer responses than this are left out of the drivers table.",
                defaultValue = "30", min = 1)
        int minCount,
        @Param(description = "The confidence level of the intervals.", defaultValue = "0.95", min = 0.5, max = 0.999)
        double confidence,
        @Param(description = "Sentiment scores at or below minus this count as negative (the sentiment step's"
                + " neutralBand).", defaultValue = "0.05", min = 0, max = 0.99)
        double neutralBand) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (npsColumn.isEmpty() && csatColumn.isEmpty()) {
            problems.add(ParameterProblem.of("npsColumn", "name the NPS column (0-10), the CSAT column (1-5) or"
                    + " both, e.g. \"npsColumn\": \"nps\""));
        }
        if (npsColumn.isPresent() && npsColumn.equals(csatColumn)) {
            problems.add(ParameterProblem.of("csatColumn", "NPS and CSAT must be two columns"));
        }
        return problems;
    }

    /** What a low score is: a detractor when there is an NPS column, else CSAT 1-3. */
    String lowDefinition() {
        return npsColumn.isPresent() ? "detractors (NPS 0-6)" : "unsatisfied responses (CSAT 1-3)";
    }
}
