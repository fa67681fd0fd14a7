package org.assay.forecast.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code forecast}, and the rules between them. */
record ForecastParameters(
        @Param(description = "The date or timestamp of each row (order date); timestamps are read in UTC.",
                defaultValue = "date")
        @Columns(types = {FieldType.DATE, FieldType.TIMESTAMP})
        String dateColumn,
        @Param(description = "The measure to forecast (order amount). Not needed for aggregation count.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        Optional<String> valueColumn,
        @Param(description = "How the rows of a period become its value.", defaultValue = "sum")
        Aggregation aggregation,
        @Param(description = "Length of a period.", defaultValue = "month")
        Period period,
        @Param(description = "Columns whose values split the data into separate series (region, category); empty"
                + " for one series.", defaultValue = "[]")
        @Columns(types = {FieldType.STRING, FieldType.CATEGORICAL, FieldType.INTEGER, FieldType.BOOLEAN})
        List<String> groupBy,
        @Param(description = "Periods to forecast after the last one in the data.", defaultValue = "12", min = 1,
                max = 1000)
        int horizon,
        @Param(description = "Last periods held out to score the model and the seasonal-naive baseline (MAE, RMSE,"
                + " MAPE, sMAPE); shortened when the series is too short to keep two seasons for training.",
                defaultValue = "12", min = 0, max = 1000)
        int holdout,
        @Param(description = "Forecasting method: auto, holt-winters, weka-forecaster or seasonal-naive; seasonal"
                + " naive is reported next to it either way.", defaultValue = "auto")
        Method method,
        @Param(description = "Seasonal form: auto chooses additive or multiplicative (positive series only) by"
                + " AIC (by validation for method auto); none for series without a season; additive also keeps"
                + " WekaForecaster off the log scale.", defaultValue = "auto")
        Seasonality seasonality,
        @Param(description = "Periods in a season. Default: 12 for month, 52 for week, 7 for day.", min = 1,
                max = 400)
        Optional<Integer> seasonLength,
        @Param(description = "Coverage of the prediction interval (0.95: 95% of future values expected inside).",
                defaultValue = "0.95", min = 0.5, max = 0.999)
        double confidence,
        @Param(description = "What a period without rows becomes: zero, interpolate, or fail.",
                defaultValue = "zero")
        MissingPeriods missingPeriods,
        @Param(description = "Series drawn as PNG charts (history, forecast and band), the largest first.",
                defaultValue = "6", min = 0, max = 50)
        int charts,
        @Param(description = "What the value is called in the chart titles and axes, e.g. \"monthly sales\"."
                + " Default: '<aggregation> of <valueColumn>' ('sum of amount').")
        Optional<String> valueLabel) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (aggregation != Aggregation.COUNT && valueColumn.isEmpty()) {
            problems.add(ParameterProblem.of("valueColumn", "aggregation " + aggregation.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs the column to aggregate, e.g. \"valueColumn\": \"amount\"; or use aggregation count"));
        }
        if (groupBy.contains(dateColumn) || valueColumn.filter(groupBy::contains).isPresent()) {
            problems.add(ParameterProblem.of("groupBy", "must not name the date or value column"));
        }
        return problems;
    }

    int season() {
        return seasonLength.orElse(period.season());
    }
}
