#!/usr/bin/env python3
"""The benchmark pipelines in polars and pandas, run by PipelineBenchmark on the same files.

One tool per process, so the reported peak RSS is that tool's. Prints one JSON line:
{"tool", "status": "ok", "version", "runs_ms": [...], "max_rss_mib"} or, when the package is
missing, {"tool", "status": "not installed", "reason"}. The output file is written on every
run (as the engine's csv-writer does); PipelineBenchmark digests it and compares it with
Assay's output.

Pipelines (the same as the Assay workflows in PipelineBenchmark):
  impute      read customers -> fill missing numbers with the column's median (integer
              columns: rounded half up, as Assay does) and city with its mode -> write CSV.
              Columns tagged id or pii in the Assay workflow (customer_id, names, email)
              are left alone.
  transforms  orders: filter amount > 0 -> derive large = amount >= 50 -> aggregate per
              customer_id (count, sum, median of amount, sum of large, max order_date,
              distinct channels) -> left join onto customers -> write CSV.

Install: pip install polars pandas pyarrow
"""
import argparse
import json
import math
import resource
import sys
import time

NULLS = ["", "NA"]
# Tagged id or pii in the Assay workflow: impute leaves them alone.
UNTOUCHED = {"customer_id", "first_name", "last_name", "email"}
MODE_COLUMNS = {"city"}


def polars_impute(pl, args):
    lf = pl.scan_csv(args.customers, null_values=NULLS, try_parse_dates=True)
    fills = []
    for name, dtype in lf.collect_schema().items():
        if name in UNTOUCHED:
            continue
        col = pl.col(name)
        if dtype.is_integer():
            fills.append(col.fill_null((col.median() + 0.5).floor().cast(dtype)))
        elif dtype.is_numeric():
            fills.append(col.fill_null(col.median()))
        elif name in MODE_COLUMNS:
            fills.append(col.fill_null(col.drop_nulls().mode().sort().first()))
    lf.with_columns(fills).sink_csv(args.out)


def polars_transforms(pl, args):
    orders = pl.scan_csv(args.orders, null_values=NULLS, schema_overrides={"order_date": pl.Date})
    customers = pl.scan_csv(args.customers, null_values=NULLS, try_parse_dates=True)
    per_customer = (
        orders.filter(pl.col("amount") > 0)
        .with_columns(large=pl.col("amount") >= 50)
        .group_by("customer_id")
        .agg(
            order_count=pl.len(),
            revenue=pl.col("amount").sum(),
            typical_order=pl.col("amount").median(),
            large_orders=pl.col("large").sum(),
            last_order=pl.col("order_date").max(),
            channels=pl.col("channel").drop_nulls().n_unique(),
        )
    )
    customers.join(per_customer, on="customer_id", how="left").sink_csv(args.out)


def pandas_read(pd, path, engine, dates):
    kwargs = {"na_values": NULLS, "keep_default_na": False, "parse_dates": dates}
    if engine:
        kwargs["engine"] = engine
    return pd.read_csv(path, **kwargs)


def pandas_impute(pd, args, engine):
    df = pandas_read(pd, args.customers, engine, ["last_purchase"])
    for name in df.columns:
        if name in UNTOUCHED:
            continue
        s = df[name]
        if not s.hasnans:
            continue
        if pd.api.types.is_numeric_dtype(s):
            present = s.dropna()
            median = present.median()
            if (present % 1 == 0).all():
                # An integer column read as float because of its missing values.
                df[name] = s.fillna(math.floor(median + 0.5)).astype("int64")
            else:
                df[name] = s.fillna(median)
        elif name in MODE_COLUMNS:
            df[name] = s.fillna(s.mode().sort_values().iloc[0])
    df.to_csv(args.out, index=False)


def pandas_transforms(pd, args, engine):
    orders = pandas_read(pd, args.orders, engine, ["order_date"])
    customers = pandas_read(pd, args.customers, engine, ["last_purchase"])
    sales = orders[orders["amount"] > 0]
    sales = sales.assign(large=sales["amount"] >= 50)
    per_customer = sales.groupby("customer_id", sort=False).agg(
        order_count=("amount", "size"),
        revenue=("amount", "sum"),
        typical_order=("amount", "median"),
        large_orders=("large", "sum"),
        last_order=("order_date", "max"),
        channels=("channel", "nunique"),
    ).reset_index()
    out = customers.merge(per_customer, on="customer_id", how="left")
    out.to_csv(args.out, index=False)


def peak_rss_kib():
    """This process's peak RSS. Linux's VmHWM starts afresh at exec; ru_maxrss keeps the peak of
    the process that forked us (the JVM), so it is only the fallback."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tool", required=True, choices=["polars", "pandas-pyarrow", "pandas"])
    p.add_argument("--pipeline", required=True, choices=["impute", "transforms"])
    p.add_argument("--customers", required=True)
    p.add_argument("--orders")
    p.add_argument("--out", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    args = p.parse_args()
    if args.pipeline == "transforms" and not args.orders:
        p.error("--pipeline transforms needs --orders")

    try:
        if args.tool == "polars":
            import polars as lib
            run = polars_impute if args.pipeline == "impute" else polars_transforms
            work = lambda: run(lib, args)
        else:
            import pandas as lib
            engine = None
            if args.tool == "pandas-pyarrow":
                import pyarrow  # noqa: F401  (read_csv(engine="pyarrow") needs it)
                engine = "pyarrow"
            run = pandas_impute if args.pipeline == "impute" else pandas_transforms
            work = lambda: run(lib, args, engine)
    except ImportError as e:
        print(json.dumps({"tool": args.tool, "status": "not installed", "reason": str(e)}))
        return 0

    for _ in range(args.warmup):
        work()
    runs_ms = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        work()
        runs_ms.append(round((time.perf_counter() - t0) * 1000))
    print(json.dumps({"tool": args.tool, "status": "ok", "version": lib.__version__, "runs_ms": runs_ms,
                      "max_rss_mib": round(peak_rss_kib() / 1024)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
