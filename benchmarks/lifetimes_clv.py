#!/usr/bin/env python3
"""BG/NBD and Gamma-Gamma figures of the Python lifetimes package (the reference of Assay's clv step).

Fits lifetimes' BetaGeoFitter and GammaGammaFitter (penalizer 0, lifetimes' own optimiser and
starting point) on:

  cdnow      lifetimes' bundled CDNOW summary (load_cdnow_summary_data_with_monetary_value; weeks;
             2,357 customers). The published estimates are r=0.243, alpha=4.414, a=0.793, b=2.426.
  synthetic  the frequency/recency/T/monetary table of ClvLifetimesTest (days; made by
             --write-synthetic, deterministic), whose figures that test asserts.
  crm        the generated shop (workflows/data/crm) as crm-lifetime-value feeds clv: orders of the
             customers with consent_profiling, asOf 2026-07-01, 90 days held out. The summary is
             lifetimes' calibration_and_holdout_data(calibration_period_end = asOf - holdout - 1 day,
             observation_period_end = asOf - 1 day), the same split clv makes. Also: the holdout by
             planted customer status (customers.csv) and at three earlier origins.

With --assay FILE (JSON written by ClvLifetimesComparison: the clv step's own code on the same
inputs) every figure is printed next to Assay's, with the relative difference.

Usage: lifetimes_clv.py [--data workflows/data/crm] [--synthetic FILE] [--assay FILE] [--export-cdnow FILE]
       lifetimes_clv.py --write-synthetic FILE
Prints one JSON line per data set. Install: pip install lifetimes (0.11.3, with autograd and dill). Its
fitter code ran here unchanged on numpy 1.26.4, scipy 1.11.4, pandas 2.2.3; if the PyPI package fails
to import on a newer stack, pin older numpy/scipy/pandas (the wheel itself was not tried here).
"""
import argparse
import json
import math
import sys

AS_OF = "2026-07-01"
HOLDOUT = 90
HORIZON = 365


def write_synthetic(path, n=3000, seed=20260630):
    """Customers drawn from BG/NBD (days) with Gamma-Gamma spends, purchase days merged, T in [180, 720]."""
    import numpy as np
    rng = np.random.default_rng(seed)
    r, alpha, a, b = 0.6, 60.0, 0.7, 3.0
    p, q, v = 6.0, 4.0, 150.0
    with open(path, "w") as f:
        f.write("customer_id,frequency,recency,T,monetary_value\n")
        for c in range(n):
            lam = rng.gamma(r, 1 / alpha)
            drop = rng.beta(a, b)
            nu = rng.gamma(q, 1 / v)
            t_obs = int(rng.integers(180, 721))
            now, days = 0.0, [0]
            while True:
                now += rng.exponential(1 / lam)
                if now > t_obs:
                    break
                if int(now) != days[-1]:
                    days.append(int(now))
                if rng.random() < drop:
                    break
            x = len(days) - 1
            spend = [rng.gamma(p, 1 / nu) for _ in days[1:]]
            m = round(sum(spend) / x, 2) if x else 0.0
            f.write(f"{100001 + c},{x},{days[-1]},{t_obs},{m:.2f}\n")


def fit(lifetimes, s, horizon):
    """lifetimes' figures on a summary (columns frequency, recency, T, monetary_value)."""
    bgf = lifetimes.BetaGeoFitter(penalizer_coef=0.0).fit(s["frequency"], s["recency"], s["T"])
    n = len(s)
    # lifetimes minimises the mean negative log-likelihood with times scaled so that max T = 1;
    # in the data's own time unit the total is that plus sum(x) log(scale) (the density's Jacobian).
    ll = -bgf._negative_log_likelihood_ * n + s["frequency"].sum() * math.log(bgf._scale)
    out = {"customers": n, "bg_nbd": {k: float(v) for k, v in bgf.params_.items()}, "bg_nbd_log_likelihood": ll}
    pred = bgf.predict(horizon, s["frequency"], s["recency"], s["T"])
    out["expected_purchases_sum"] = float(pred.sum())
    out["p_alive_sum"] = float(bgf.conditional_probability_alive(s["frequency"], s["recency"], s["T"]).sum())
    rep = s[s["frequency"] > 0]
    if "monetary_value" in s and len(rep) and (rep["monetary_value"] > 0).all():
        ggf = lifetimes.GammaGammaFitter(penalizer_coef=0.0).fit(rep["frequency"], rep["monetary_value"])
        out["gamma_gamma"] = {k: float(v) for k, v in ggf.params_.items()}
        out["gamma_gamma_log_likelihood"] = -ggf._negative_log_likelihood_ * len(rep)
        clv = ggf.customer_lifetime_value(bgf, s["frequency"], s["recency"], s["T"], s["monetary_value"],
                                          time=12, discount_rate=0.01, freq="D")
        out["clv_12_months_sum"] = float(clv.sum())
        out["clv_12_months_first3"] = [float(c) for c in clv.iloc[:3]]
    return out, bgf


def crm(lifetimes, data):
    import pandas as pd
    from lifetimes.utils import calibration_and_holdout_data
    orders = pd.read_csv(f"{data}/orders.csv")
    customers = pd.read_csv(f"{data}/customers.csv", index_col="customer_id")
    orders = orders[orders["customer_id"].isin(customers.index[customers["consent_profiling"]])]
    as_of = pd.Timestamp(AS_OF)

    def split(holdout_end):
        cal_end = holdout_end - pd.Timedelta(days=HOLDOUT)
        d = calibration_and_holdout_data(orders, "customer_id", "order_date", calibration_period_end=cal_end,
                                         observation_period_end=holdout_end, monetary_value_col="total")
        d = d.rename(columns={"frequency_cal": "frequency", "recency_cal": "recency", "T_cal": "T",
                              "monetary_value_cal": "monetary_value"})
        return cal_end, d

    cal_end, s = split(as_of - pd.Timedelta(days=1))
    out, bgf = fit(lifetimes, s, HOLDOUT)
    out["calibration_end"] = str(cal_end.date())
    out["holdout_actual"] = float(s["frequency_holdout"].sum())
    out["holdout_predicted"] = out.pop("expected_purchases_sum")
    out["holdout_predicted_vs_actual"] = out["holdout_predicted"] / out["holdout_actual"] - 1
    s["pred"] = bgf.predict(HOLDOUT, s["frequency"], s["recency"], s["T"])
    status = customers["status"].reindex(s.index)
    churn = pd.to_datetime(customers["churn_date"].reindex(s.index))
    group = status.where(status != "churned", "churned before the holdout")
    group[(status == "churned") & (churn > cal_end)] = "churns in the holdout"
    out["holdout_by_status"] = {g: {"customers": int(len(x)), "predicted": float(x["pred"].sum()),
                                    "actual": float(x["frequency_holdout"].sum())}
                                for g, x in s.groupby(group)}
    origins = {}
    for months in (3, 6, 9):
        end = as_of - pd.DateOffset(months=months) - pd.Timedelta(days=1)
        c, d = split(end)
        b = lifetimes.BetaGeoFitter(penalizer_coef=0.0).fit(d["frequency"], d["recency"], d["T"])
        p = float(b.predict(HOLDOUT, d["frequency"], d["recency"], d["T"]).sum())
        a = float(d["frequency_holdout"].sum())
        origins[f"{(c + pd.Timedelta(days=1)).date()}..{end.date()}"] = {"predicted": p, "actual": a,
                                                                         "predicted_vs_actual": p / a - 1}
    out["earlier_holdouts"] = origins
    return out


def flat(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from flat(v, f"{prefix}{k}.")
        elif isinstance(v, (int, float)):
            yield f"{prefix}{k}", v


def compare(name, ours, theirs):
    """Prints lifetimes' figure, Assay's and the relative difference, for every figure both have."""
    mine = dict(flat(ours))
    print(f"{name}: {'figure':<40} {'lifetimes':>16} {'assay':>16} {'rel. diff':>10}")
    for k, v in flat(theirs):
        if k in mine:
            rel = abs(mine[k] - v) / max(abs(v), 1e-300)
            print(f"{name}: {k:<40} {v:>16.6f} {mine[k]:>16.6f} {rel:>10.1e}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="workflows/data/crm")
    ap.add_argument("--synthetic", default="bundles/crm/src/test/resources/org/assay/crm/internal/"
                                           "clv-synthetic-summary.csv")
    ap.add_argument("--assay", help="JSON of Assay's figures (ClvLifetimesComparison)")
    ap.add_argument("--export-cdnow", help="write lifetimes' CDNOW summary here (for the Java side) and stop")
    ap.add_argument("--write-synthetic", help="write the synthetic summary here and stop")
    a = ap.parse_args()
    if a.write_synthetic:
        write_synthetic(a.write_synthetic)
        return 0
    try:
        import pandas as pd
        import lifetimes
        from lifetimes.datasets import load_cdnow_summary_data_with_monetary_value
    except ImportError as e:
        print(json.dumps({"status": "not installed", "reason": str(e)}))
        return 0
    cdnow = load_cdnow_summary_data_with_monetary_value()
    if a.export_cdnow:
        cdnow.to_csv(a.export_cdnow)
        return 0
    results = {"lifetimes_version": lifetimes.__version__}
    results["cdnow"], _ = fit(lifetimes, cdnow, 52)
    results["synthetic"], _ = fit(lifetimes, pd.read_csv(a.synthetic, index_col="customer_id"), HORIZON)
    results["crm"] = crm(lifetimes, a.data)
    for k, v in results.items():
        print(json.dumps({k: v}) if isinstance(v, dict) else json.dumps({k: v}))
    if a.assay:
        with open(a.assay) as f:
            ours = json.load(f)
        for name in ("cdnow", "synthetic", "crm"):
            if name in ours:
                compare(name, ours[name], results[name])
    return 0


if __name__ == "__main__":
    sys.exit(main())
