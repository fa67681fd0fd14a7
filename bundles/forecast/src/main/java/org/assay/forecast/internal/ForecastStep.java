package org.assay.forecast.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code forecast}: one pass aggregates, then each series is forecast and drawn. */
final class ForecastStep implements Step {

    static final String EVALUATION_FILE = "forecast-evaluation.csv";
    static final String SUMMARY_FILE = "forecast-summary.txt";
    static final String HISTORY = "history";
    static final String FORECAST = "forecast";

    static final Schema OUTPUT = Schema.of(Field.of("series", FieldType.STRING), Field.of("period", FieldType.DATE),
            Field.of("kind", FieldType.CATEGORICAL).withCategories(List.of(HISTORY, FORECAST)),
            Field.of("value", FieldType.DECIMAL), Field.of("lower", FieldType.DECIMAL),
            Field.of("upper", FieldType.DECIMAL), Field.of("baseline", FieldType.DECIMAL),
            Field.of("filled", FieldType.BOOLEAN));

    private final ForecastParameters p;

    ForecastStep(ForecastParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        PeriodSeries aggregate;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            aggregate = new PeriodSeries(in.schema(), p);
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                aggregate.add(b, ctx);
            }
        }
        List<PeriodSeries.Series> all;
        try {
            all = aggregate.series(p.missingPeriods());
        } catch (IllegalStateException e) {
            throw new StepFailure("forecast: " + e.getMessage() + ". Set missingPeriods to zero or interpolate, or"
                    + " fix the data.", e);
        }
        ctx.progress(0.2);
        Forecaster forecaster = new Forecaster(p.method(), p.seasonality(), p.season(), p.confidence());
        BatchSink sink = ctx.output(PortSpec.OUT, OUTPUT);
        BatchBuilder out = new BatchBuilder(OUTPUT);
        List<List<String>> evaluation = new ArrayList<>();
        StringBuilder summary = new StringBuilder(header(aggregate, all.size()));
        long written = 0;
        int drawn = 0;
        for (int i = 0; i < all.size(); i++) {
            ctx.checkCancelled();
            PeriodSeries.Series s = all.get(i);
            Forecaster.Result r = forecaster.forecast(s.values(), p.horizon(), p.holdout());
            written += write(sink, out, s, r);
            evaluation.addAll(rows(s, r));
            summary.append(describe(s, r));
            if (drawn < p.charts()) {
                Path png = ctx.artifactDir().resolve("forecast-" + (drawn + 1) + ".png");
                ForecastChart.write(png, title(s), valueLabel(), aggregate.period(), s, r, p.confidence(), 1000, 520);
                ctx.addArtifact(png, ArtifactKind.CHART, "Forecast: " + s.name());
                drawn++;
            }
            ctx.progress(0.2 + 0.8 * (i + 1) / all.size());
        }
        if (!out.isEmpty()) {
            sink.write(out.build());
        }
        long kept = aggregate.rows() - aggregate.rejected();
        if (kept >= written) {
            ctx.countFiltered(kept - written);
        } else {
            ctx.countIn(written - kept);
        }
        if (all.isEmpty()) {
            summary.append("The input had no rows: nothing to forecast.\n");
        }
        Path csv = ctx.artifactDir().resolve(EVALUATION_FILE);
        CsvTable.write(csv, List.of("series", "method", "holdout", "mae", "rmse", "mape", "smape", "alpha", "beta",
                "gamma", "phi"), evaluation);
        ctx.addArtifact(csv, ArtifactKind.TABLE, "Forecast accuracy on the holdout (model and seasonal naive)");
        Path text = ctx.artifactDir().resolve(SUMMARY_FILE);
        Files.writeString(text, summary.toString(), StandardCharsets.UTF_8);
        ctx.addArtifact(text, ArtifactKind.TEXT, "Forecast summary");
        ctx.progress(1.0);
    }

    private long write(BatchSink sink, BatchBuilder out, PeriodSeries.Series s, Forecaster.Result r)
            throws Exception {
        int n = s.values().length;
        long first = s.firstPeriod();
        Period period = p.period();
        for (int i = 0; i < n; i++) {
            out.setString(0, s.name()).setLong(1, period.start(first + i).toEpochDay()).setString(2, HISTORY)
                    .setDouble(3, s.values()[i]).setNull(4).setNull(5).setNull(6).setLong(7, s.filled()[i] ? 1 : 0)
                    .endRow();
            flushIfFull(sink, out);
        }
        for (int k = 0; k < r.forecast().length; k++) {
            out.setString(0, s.name()).setLong(1, period.start(first + n + k).toEpochDay()).setString(2, FORECAST)
                    .setDouble(3, r.forecast()[k]).setDouble(4, r.lower()[k]).setDouble(5, r.upper()[k])
                    .setDouble(6, r.baseline()[k]).setLong(7, 0).endRow();
            flushIfFull(sink, out);
        }
        return n + r.forecast().length;
    }

    private static void flushIfFull(BatchSink sink, BatchBuilder out) throws Exception {
        if (out.isFull()) {
            sink.write(out.build());
        }
    }

    private static List<List<String>> rows(PeriodSeries.Series s, Forecaster.Result r) {
        List<List<String>> rows = new ArrayList<>();
        if (r.modelErrors() == null) {
            return rows;
        }
        HoltWinters.Fit f = r.scoredFit();
        rows.add(List.of(s.name(), r.scoredModel(), Integer.toString(r.holdout()),
                CsvTable.number(r.modelErrors().mae()),
                CsvTable.number(r.modelErrors().rmse()), CsvTable.number(r.modelErrors().mape()),
                CsvTable.number(r.modelErrors().smape()), f == null ? "" : CsvTable.number(f.alpha()),
                f == null ? "" : CsvTable.number(f.beta()), f == null ? "" : CsvTable.number(f.gamma()),
                f == null ? "" : CsvTable.number(f.phi())));
        rows.add(List.of(s.name(), "seasonal naive", Integer.toString(r.holdout()),
                CsvTable.number(r.baselineErrors().mae()), CsvTable.number(r.baselineErrors().rmse()),
                CsvTable.number(r.baselineErrors().mape()), CsvTable.number(r.baselineErrors().smape()), "", "", "",
                ""));
        return rows;
    }

    private String header(PeriodSeries a, int series) {
        return String.format(Locale.ROOT, "Rows: %d (%d quarantined); %d series of %s %s; horizon %d, holdout %d,"
                + " season %d periods, %.0f%% intervals, missing periods: %s%n%n", a.rows(), a.rejected(), series,
                p.period().name().toLowerCase(Locale.ROOT), valueLabel(), p.horizon(), p.holdout(), p.season(),
                100 * p.confidence(), p.missingPeriods().name().toLowerCase(Locale.ROOT));
    }

    private static String describe(PeriodSeries.Series s, Forecaster.Result r) {
        StringBuilder b = new StringBuilder();
        int filled = 0;
        for (boolean f : s.filled()) {
            filled += f ? 1 : 0;
        }
        b.append("Series ").append(s.name()).append(": ").append(s.values().length).append(" periods")
                .append(filled > 0 ? " (" + filled + " without rows, filled)" : "").append("; model ")
                .append(r.model());
        HoltWinters.Fit f = r.fit();
        if (f != null) {
            b.append(String.format(Locale.ROOT, " alpha=%.3f beta=%.3f gamma=%.3f phi=%.3f", f.alpha(), f.beta(),
                    f.gamma(), f.phi()));
        }
        b.append('\n');
        if (r.modelErrors() != null) {
            b.append(String.format(Locale.ROOT, "  holdout %d: model MAPE %.2f%% sMAPE %.2f%% MAE %.4g RMSE %.4g;"
                    + " seasonal naive MAPE %.2f%% sMAPE %.2f%% MAE %.4g RMSE %.4g%n", r.holdout(),
                    r.modelErrors().mape(), r.modelErrors().smape(), r.modelErrors().mae(), r.modelErrors().rmse(),
                    r.baselineErrors().mape(), r.baselineErrors().smape(), r.baselineErrors().mae(),
                    r.baselineErrors().rmse()));
        }
        if (!r.note().isEmpty()) {
            b.append("  note: ").append(r.note()).append('\n');
        }
        return b.toString();
    }

    private String title(PeriodSeries.Series s) {
        return "all".equals(s.name()) && p.groupBy().isEmpty() ? "Forecast of " + valueLabel()
                : "Forecast of " + valueLabel() + ": " + s.name();
    }

    private String valueLabel() {
        return p.valueLabel().orElseGet(() -> p.aggregation() == Aggregation.COUNT
                ? "rows per " + p.period().name().toLowerCase(Locale.ROOT)
                : p.aggregation().name().toLowerCase(Locale.ROOT) + " of " + p.valueColumn().orElse(""));
    }
}
