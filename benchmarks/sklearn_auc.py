#!/usr/bin/env python3
"""ROC AUC of scikit-learn's logistic regression on the same rows Assay's weka-classify learned from.

The acceptance check of issue 11: a churn workflow with sensible defaults must reach at least
scikit-learn's AUC on the same data. Both figures are computed here, by the same
sklearn.metrics.roc_auc_score on pooled out-of-fold probabilities:

  sklearn  LogisticRegression (lbfgs, C=1, max_iter=2000) in a pipeline: numeric columns
           standardised (missing -> median), categorical columns one-hot (missing -> most frequent),
           10-fold stratified CV, shuffled with the seed; cross_val_predict gives each row the
           probability from the model that did not see it.
  assay    weka-classify's "predictions" output (row, id, fold, actual, predicted, probability),
           written by ClassifyAucComparison (or any workflow) with a csv-writer: the same pooled
           out-of-fold probabilities of the positive class.

Usage: sklearn_auc.py --data churn.csv --target churned --positive yes --drop customer_id,email
                      [--assay-predictions predictions.csv] [--folds 10] [--seed 1]
Prints one JSON line: {"rows", "sklearn_version", "sklearn_auc", "assay_auc", "assay_minus_sklearn",
"sklearn_auc_same_folds", "assay_minus_sklearn_same_folds"}: the last two refit sklearn on the folds Assay used
(the predictions' fold column), so the split's noise (~0.001 between two random splits) drops out.
Install: pip install scikit-learn pandas
"""
import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--target", required=True)
    ap.add_argument("--positive", required=True)
    ap.add_argument("--drop", default="", help="comma-separated id and pii columns, never features")
    ap.add_argument("--assay-predictions")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    try:
        import pandas as pd
        import sklearn
        from sklearn.compose import ColumnTransformer
        from sklearn.impute import SimpleImputer
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import roc_auc_score
        from sklearn.model_selection import StratifiedKFold, cross_val_predict
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import OneHotEncoder, StandardScaler
    except ImportError as e:
        print(json.dumps({"status": "not installed", "reason": str(e)}))
        return 0

    df = pd.read_csv(a.data, keep_default_na=True)
    df = df[df[a.target].notna()]
    y = (df[a.target].astype(str) == a.positive).astype(int).to_numpy()
    drop = {c for c in a.drop.split(",") if c} | {a.target}
    x = df[[c for c in df.columns if c not in drop]].copy()
    # A text column whose non-blank cells are all numbers (the Telco file's TotalCharges has " " for new
    # customers) is numeric with missing values, as any analyst would clean it before fitting.
    for c in x.columns:
        if x[c].dtype == object:
            blank = x[c].astype(str).str.strip() == ""
            as_number = pd.to_numeric(x[c].where(~blank), errors="coerce")
            if as_number.notna().sum() == (~blank & x[c].notna()).sum():
                x[c] = as_number
    numeric = [c for c in x.columns if pd.api.types.is_numeric_dtype(x[c])]
    categorical = [c for c in x.columns if c not in numeric]
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")),
         categorical),
    ])
    model = make_pipeline(pre, LogisticRegression(C=1.0, max_iter=2000))
    cv = StratifiedKFold(n_splits=a.folds, shuffle=True, random_state=a.seed)
    proba = cross_val_predict(model, x, y, cv=cv, method="predict_proba")[:, 1]
    out = {"rows": int(len(y)), "sklearn_version": sklearn.__version__,
           "sklearn_auc": round(float(roc_auc_score(y, proba)), 6)}
    if a.assay_predictions:
        p = pd.read_csv(a.assay_predictions)
        p = p[p["probability"].notna()]
        assay = roc_auc_score((p["actual"].astype(str) == a.positive).astype(int), p["probability"])
        out["assay_rows"] = int(len(p))
        out["assay_auc"] = round(float(assay), 6)
        out["assay_minus_sklearn"] = round(float(assay) - out["sklearn_auc"], 6)
        # The same comparison on the very folds Assay used (its "fold" column): what is left is the
        # difference of the models, not of the random split (two splits of one file differ by ~0.001).
        if "fold" in p.columns and len(p) == len(y):
            from sklearn.model_selection import PredefinedSplit
            folds = p.sort_values("row")["fold"].to_numpy()
            same = cross_val_predict(model, x, y, cv=PredefinedSplit(folds), method="predict_proba")[:, 1]
            out["sklearn_auc_same_folds"] = round(float(roc_auc_score(y, same)), 6)
            out["assay_minus_sklearn_same_folds"] = round(float(assay) - out["sklearn_auc_same_folds"], 6)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
