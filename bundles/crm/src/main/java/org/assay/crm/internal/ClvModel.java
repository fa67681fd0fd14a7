package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The fitted value model of clv: BG/NBD with Gamma-Gamma (or, when Gamma-Gamma fails, the
 * customer's mean spend), or the historical fallback when BG/NBD cannot be fitted. Times in days.
 */
final class ClvModel {

    static final String FULL = "bg-nbd + gamma-gamma";
    static final String MEAN_SPEND = "bg-nbd + mean spend";
    static final String HISTORICAL = "historical";

    /**
     * One customer's purchase history: purchase days merged, times in days from the first purchase.
     * x: repeat purchase days; tx: the last purchase; t (T): the last day observed. These are the
     * frequency, recency and T of the Python {@code lifetimes} package's
     * {@code summary_data_from_transaction_data} (freq "D"), and meanRepeatSpend its monetary_value
     * (mean spend of the repeat purchase days, the first day left out).
     */
    record History(String key, int purchases, double x, double tx, double t, double meanSpend,
            double meanRepeatSpend) {

        /**
         * {@code lastDay} is the last day observed (the day before asOf, or before the holdout): T runs
         * to it, as lifetimes' observation_period_end / calibration_period_end (inclusive) do, so a
         * customer whose only purchase is on the last day has T = 0.
         */
        static History of(Orders.Customer c, long lastDay) {
            long[] d = c.days();
            double[] a = c.amounts();
            int days = 0;
            double total = 0;
            double repeat = 0;
            for (int i = 0; i < d.length; i++) {
                if (i == 0 || d[i] != d[i - 1]) {
                    days++;
                }
                total += a[i];
                if (d[i] != d[0]) {
                    repeat += a[i];
                }
            }
            double x = days - 1;
            return new History(c.key(), days, x, d[d.length - 1] - d[0], lastDay - d[0], total / days,
                    x > 0 ? repeat / x : Double.NaN);
        }
    }

    final String method;
    final String reason;
    final BgNbd bg;
    final BgNbd.Fit bgFit;
    final GammaGamma.Fit ggFit;

    private ClvModel(String method, String reason, BgNbd.Fit bgFit, GammaGamma.Fit ggFit) {
        this.method = method;
        this.reason = reason;
        this.bgFit = bgFit;
        this.bg = bgFit == null ? null : bgFit.model();
        this.ggFit = ggFit;
    }

    static ClvModel fit(List<History> hs, int minRepeat, BooleanSupplier cancelled) {
        int n = hs.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        int repeat = 0;
        double meanT = 0;
        for (int i = 0; i < n; i++) {
            History h = hs.get(i);
            x[i] = h.x();
            tx[i] = h.tx();
            t[i] = h.t();
            meanT += h.t() / n;
            repeat += h.x() > 0 ? 1 : 0;
        }
        if (repeat < minRepeat) {
            return new ClvModel(HISTORICAL, repeat + " repeat customers, fewer than minRepeatCustomers ("
                    + minRepeat + ")", null, null);
        }
        BgNbd.Fit bg = BgNbd.fit(x, tx, t, Math.max(1, meanT), cancelled);
        if (bg == null || !bg.model().valid() || Math.abs(bg.model().a() - 1) < 1e-9) {
            return new ClvModel(HISTORICAL, "the BG/NBD fit failed", null, null);
        }
        double[] rx = new double[repeat];
        double[] rm = new double[repeat];
        int j = 0;
        boolean positive = true;
        for (History h : hs) {
            if (h.x() > 0) {
                rx[j] = h.x();
                rm[j++] = h.meanRepeatSpend();
                positive &= h.meanRepeatSpend() > 0;
            }
        }
        GammaGamma.Fit gg = positive ? GammaGamma.fit(rx, rm) : null;
        if (gg == null || !(gg.model().q() > 1) || !Double.isFinite(gg.model().mean())) {
            return new ClvModel(MEAN_SPEND, positive ? "the Gamma-Gamma fit failed (q <= 1)"
                    : "a repeat customer spent 0", bg, null);
        }
        return new ClvModel(FULL, "", bg, gg);
    }

    /** Expected purchases in the next h days. */
    double purchases(History h, double days) {
        return bg != null ? bg.expected(h.x(), h.tx(), h.t(), days) : h.t() > 0 ? h.x() / h.t() * days : 0;
    }

    /** P(alive), or NaN for the historical method. */
    double alive(History h) {
        return bg == null ? Double.NaN : bg.pAlive(h.x(), h.tx(), h.t());
    }

    /** Expected spend per purchase. */
    double spend(History h) {
        if (ggFit == null) {
            return h.meanSpend();
        }
        GammaGamma g = ggFit.model();
        return h.x() > 0 ? g.expectedSpend(h.x(), h.meanRepeatSpend()) : g.mean();
    }

    /** Discounted value over the horizon: month i's expected purchases x spend / (1 + d)^i. */
    double value(History h, int horizon, double discount) {
        double spend = spend(h);
        double total = 0;
        double before = 0;
        for (int i = 1; 30 * (i - 1) < horizon; i++) {
            double upTo = purchases(h, Math.min(30 * i, horizon));
            total += spend * (upTo - before) / Math.pow(1 + discount, i);
            before = upTo;
        }
        return total;
    }

    /** The parameters as (model, parameter, value) rows. */
    List<Object[]> parameters() {
        List<Object[]> rows = new ArrayList<>();
        if (bg != null) {
            rows.add(new Object[] {"bg-nbd", "r", bg.r()});
            rows.add(new Object[] {"bg-nbd", "alpha", bg.alpha()});
            rows.add(new Object[] {"bg-nbd", "a", bg.a()});
            rows.add(new Object[] {"bg-nbd", "b", bg.b()});
            rows.add(new Object[] {"bg-nbd", "log_likelihood", bgFit.logLikelihood()});
        }
        if (ggFit != null) {
            rows.add(new Object[] {"gamma-gamma", "p", ggFit.model().p()});
            rows.add(new Object[] {"gamma-gamma", "q", ggFit.model().q()});
            rows.add(new Object[] {"gamma-gamma", "gamma", ggFit.model().gamma()});
            rows.add(new Object[] {"gamma-gamma", "log_likelihood", ggFit.logLikelihood()});
        }
        return rows;
    }
}
