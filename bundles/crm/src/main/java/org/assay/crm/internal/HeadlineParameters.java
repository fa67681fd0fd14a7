package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code headline}. */
record HeadlineParameters(
        @Param(description = "The section's heading in the run report, e.g. \"The answer\".",
                defaultValue = "The answer")
        String title,
        @Param(description = "Sentences filled in from the first row of the input, in order, e.g. [\"{customers:int} "
                + "customers bring {revenue:money} a year.\"]. " + HeadlineTemplate.SYNTAX, defaultValue = "[]")
        List<String> sentences,
        @Param(description = "A sentence filled in from each of the first maxRows rows, after sentences, e.g. "
                + "\"{segment}: {share:%} of customers, {revenue_share:%} of revenue.\". Sort the input first "
                + "to choose which rows.")
        Optional<String> each,
        @Param(description = "How many rows each and the table show.", defaultValue = "5", min = 1, max = 100)
        int maxRows,
        @Param(description = "Columns of the first maxRows rows shown as a table in the section; empty for no "
                + "table. Never pii columns.", defaultValue = "[]")
        @Columns
        List<String> tableColumns,
        @Param(description = "How a table column's numbers are written, by column, with the placeholders' formats"
                + " (int, 1, 2, money, % or %1), e.g. {\"share\": \"%\", \"revenue\": \"money\"}. Other columns:"
                + " decimals under 100 with two places, larger ones rounded.", defaultValue = "{}")
        Map<String, String> tableFormats) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (sentences.isEmpty() && each.isEmpty()) {
            problems.add(ParameterProblem.of("sentences", "give sentences, each or both: the headline has nothing "
                    + "to say"));
        }
        for (String s : sentences) {
            HeadlineTemplate.problem(s).ifPresent(m -> problems.add(ParameterProblem.of("sentences", m)));
        }
        each.flatMap(HeadlineTemplate::problem).ifPresent(m -> problems.add(ParameterProblem.of("each", m)));
        tableFormats.forEach((column, format) -> {
            if (!tableColumns.contains(column)) {
                problems.add(ParameterProblem.of("tableFormats", "'" + column + "' is not in tableColumns "
                        + tableColumns + "; add it there or remove its format"));
            }
            if (!HeadlineTemplate.FORMATS.contains(format)) {
                problems.add(ParameterProblem.of("tableFormats", "'" + format + "' (for '" + column + "') is not a"
                        + " format; use one of " + HeadlineTemplate.FORMATS));
            }
        });
        return problems;
    }
}
