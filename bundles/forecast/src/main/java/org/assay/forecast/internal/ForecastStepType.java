package org.assay.forecast.internal;

import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code forecast} step type: sales forecasts per series with a seasonal-naive baseline. */
@Component(service = StepType.class)
@AssayStepType("forecast")
public final class ForecastStepType extends TypedStepType<ForecastParameters> {

    public ForecastStepType() {
        super(ForecastParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("Forecast")
                .description("Aggregates dated rows (orders) into daily, weekly or monthly values per series"
                        + " (optionally per group) and forecasts the next periods. Method auto (default) chooses"
                        + " per series among Holt-Winters exponential smoothing (additive or multiplicative, trend"
                        + " by AIC) and Weka's WekaForecaster (lags, seasonal phase, trend) by rolling-origin"
                        + " validation inside the training part; either can also be asked for alone. Prediction"
                        + " intervals per period. Scores the model and the seasonal-naive baseline on a"
                        + " holdout of the last periods (MAE, RMSE, MAPE, sMAPE: forecast-evaluation.csv) and draws"
                        + " history, forecast and band as PNG charts. Periods without rows are filled with zero or"
                        + " interpolated and flagged. Rows without a date or value are quarantined.")
                .tags("forecast", "time series", "sales", "holt-winters", "weka")
                .input(PortSpec.streamed(PortSpec.IN, "Dated rows: a date and a measure, optionally group columns"))
                .output(PortSpec.OUT, "Per series and period: history and forecast values, interval, baseline");
    }

    @Override
    protected Step newStep(ForecastParameters p) {
        return new ForecastStep(p);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ForecastParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, ForecastStep.OUTPUT));
    }
}
