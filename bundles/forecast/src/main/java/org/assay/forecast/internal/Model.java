package org.assay.forecast.internal;

/** A fitted forecasting model of one series. */
interface Model {

    /** What the model is, for the summary and the evaluation table. */
    String describe();

    /** Point forecasts for the next {@code h} periods. */
    double[] forecast(int h);

    /** Lower and upper bounds at {@code confidence} for the next {@code h} periods. */
    double[][] interval(int h, double confidence);

    /** The Holt-Winters fit behind this model (its smoothing parameters are reported), or null. */
    HoltWinters.Fit holtWinters();

    /** A fitted Holt-Winters model. */
    static Model of(HoltWinters.Fit fit) {
        return new Model() {
            @Override
            public String describe() {
                return fit.shape().describe();
            }

            @Override
            public double[] forecast(int h) {
                return fit.forecast(h);
            }

            @Override
            public double[][] interval(int h, double confidence) {
                return fit.interval(h, confidence, 2000);
            }

            @Override
            public HoltWinters.Fit holtWinters() {
                return fit;
            }
        };
    }
}
