package org.assay.cleaners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code impute}, and the rules between them. */
record ImputeParameters(
        @Param(description = "Strategy for every column with missing values. Under mean and median, string and "
                + "categorical columns get the mode instead when some value occurs twice, and date, timestamp and "
                + "boolean columns are left missing. Columns tagged id or pii are left alone unless named in columns.",
                defaultValue = "median")
        Strategy strategy,
        @Param(description = "Per-column strategy that overrides strategy: column name to " + ColumnRule.SYNTAX
                + ", e.g. {\"city\": \"mode\", \"income\": \"constant:0\"}.", defaultValue = "{}")
        @Columns
        Map<String, String> columns,
        @Param(description = "The fill value when strategy is constant, as text: \"0\", \"unknown\", \"2024-01-31\", "
                + "\"true\".")
        Optional<String> value,
        @Param(description = "Columns that get a boolean column <name>_was_missing, true where the input had no "
                + "value, so a model can tell a filled value from a measured one.", defaultValue = "[]")
        @Columns
        List<String> indicators,
        @Param(description = "Columns whose values form groups (e.g. [\"region\"]): mean, median and mode are then "
                + "computed per group, and a group with no value of its own, or a row with a missing group value, gets "
                + "the overall statistic (the summary counts these). Each group's median is exact in bounded memory, "
                + "like the column's.", defaultValue = "[]")
        @Columns
        List<String> groupBy,
        @Param(description = "The column interpolate orders by (integer, decimal, date or timestamp); the input "
                + "need not be sorted. Rows without a value in it are left missing.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP})
        Optional<String> orderBy,
        @Param(description = "Interpolate, before the first and after the last known value of a series.",
                defaultValue = "nearest")
        Edge edge,
        @Param(description = "knn: the number of most similar rows a missing value is taken from.", defaultValue = "5",
                min = 1, max = 100)
        int neighbours,
        @Param(description = "knn: the numeric columns that say how similar two rows are (standardised). Default:"
                + " every integer and decimal column not tagged id or pii.", defaultValue = "[]")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false)
        List<String> knnFeatures,
        @Param(description = "knn: the rows compared against, at most this many (a seeded random sample of the rows"
                + " with every feature); each fill compares against all of them.", defaultValue = "5000", min = 10,
                max = 200000)
        int knnReference) implements CheckedParameters {

    static final String INDICATOR_SUFFIX = "_was_missing";

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (strategy == Strategy.LEAVE) {
            problems.add(ParameterProblem.of("strategy", "leave keeps a column's missing values and is given per "
                    + "column, in columns; to fill nothing, remove the step"));
        }
        if (strategy == Strategy.CONSTANT && value.isEmpty()) {
            problems.add(ParameterProblem.of("value", "strategy constant needs the fill value, e.g. \"value\": \"0\""));
        }
        boolean interpolates = strategy == Strategy.INTERPOLATE;
        for (Map.Entry<String, String> e : columns.entrySet()) {
            try {
                interpolates |= ColumnRule.parse(e.getKey(), e.getValue()).strategy() == Strategy.INTERPOLATE;
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("columns", bad.getMessage()));
            }
        }
        if (interpolates && orderBy.isEmpty()) {
            problems.add(ParameterProblem.of("orderBy", "interpolate needs the column to order by, e.g. "
                    + "\"orderBy\": \"date\""));
        }
        return problems;
    }
}
