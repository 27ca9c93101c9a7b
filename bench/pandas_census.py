"""The census an analyst would write with pandas: the yardstick that
modelcensus's speed is compared with (bench/run.sh, BenchmarkPandas).

Reads one Epoch export, keeps the first row of each model name, and counts
what `modelcensus report --format json` counts: models per publication year
and their compound growth, countries over the period and for the latest year
(blank countries left blank), organizations and domains for the latest year,
multimodal models per year and the latest year's largest training runs.
It prints the figures as JSON. Usage: python3 pandas_census.py FILE.csv
[FROM TO]. Data: Epoch AI, "Data on AI Models", CC BY 4.0.
"""
import json
import sys

import pandas as pd


def main():
    path = sys.argv[1]
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df = df.rename(columns={"System": "Model", "Country (from Organization)": "Country (of organization)"})
    df["Model"] = df["Model"].str.strip()
    df = df[df["Model"] != ""].drop_duplicates("Model", keep="first")
    df["date"] = pd.to_datetime(df["Publication date"].str.strip(), errors="coerce")
    df = df[df["date"].notna()]
    df["year"] = df["date"].dt.year
    latest = int(df["year"].max()) if len(sys.argv) < 4 else int(sys.argv[3])
    first = latest - 4 if len(sys.argv) < 4 else int(sys.argv[2])
    period = df[(df["year"] >= first) & (df["year"] <= latest)].copy()
    per_year = period.groupby("year").size().reindex(range(first, latest + 1), fill_value=0)
    cagr = None
    if per_year.iloc[0] > 0:
        cagr = (per_year.iloc[-1] / per_year.iloc[0]) ** (1 / (len(per_year) - 1)) - 1

    def counts(frame, column):
        cells = frame[column].fillna("").str.split(",")
        values = cells.explode().str.strip()
        values = values[values != ""]
        return values.value_counts().to_dict()

    last = period[period["year"] == latest]
    domains = period["Domain"].fillna("")
    multimodal = period[domains.str.contains("Multimodal")].groupby("year").size()
    compute = pd.to_numeric(last["Training compute (FLOP)"], errors="coerce")
    top = last.assign(flop=compute).dropna(subset=["flop"]).nlargest(10, "flop")
    out = {
        "period": {"from": first, "to": latest},
        "total": int(per_year.sum()),
        "per_year": [{"year": int(y), "count": int(n)} for y, n in per_year.items()],
        "cagr": cagr,
        "countries": counts(period, "Country (of organization)"),
        "countries_latest": counts(last, "Country (of organization)"),
        "organizations_latest": counts(last, "Organization"),
        "domains": counts(period, "Domain"),
        "multimodal_per_year": {int(y): int(n) for y, n in multimodal.items()},
        "top_compute_latest": [{"model": m, "flop": float(f)} for m, f in zip(top["Model"], top["flop"])],
    }
    json.dump(out, sys.stdout, indent=2, default=str)


if __name__ == "__main__":
    main()
