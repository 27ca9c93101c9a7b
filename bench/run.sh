#!/usr/bin/env bash
# Runs modelcensus's benchmarks and prints the README tables: each `report`
# beside the encoding/csv floor for the same file (whole process, and
# in-process), with the ratio and the peak memory; the pandas script an
# analyst would write; the store. Usage: bench/run.sh [RUNS] (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
out=$(mktemp)
go test ./bench -run '^$' -bench . -benchtime "${runs}x" -count 1 -timeout 60m | tee "$out" >&2
echo
echo "| file | encoding/csv floor | report | ratio | report peak memory |"
echo "|---|---:|---:|---:|---:|"
awk '
/^Benchmark(Store|Pandas|InProcess|Overlay|Explain|HistoryExplain|Year|Trend)/ { next }
/^Benchmark/ {
	name=$1; sub(/-[0-9]+$/, "", name); ns=$3; mib=$5
	n=split(name, p, "/"); kind=p[n]; file=p[2]; if (p[1]=="BenchmarkShared") file="largest shared all_ai_models.csv"
	if (kind=="csv-floor") { floor[file]=ns; order[++k]=file } else { rep[file]=ns; mem[file]=mib }
}
END {
	for (i=1; i<=k; i++) { f=order[i]
		printf "| %s | %.0f ms | %.0f ms | %.2f | %.0f MiB |\n", f, floor[f]/1e6, rep[f]/1e6, rep[f]/floor[f], mem[f] }
}' "$out"

echo
echo "| largest shared all_ai_models.csv | time | against report |"
echo "|---|---:|---:|"
awk '
/^BenchmarkShared\/report/ { rep=$3 }
/^BenchmarkInProcess\/csv-floor/ { ifloor=$3 }
/^BenchmarkInProcess\/estimate-/ { iestt=$3; next }
/^BenchmarkInProcess\/report-text/ { irept=$3; next }
/^BenchmarkInProcess\/report/ { irep=$3 }
/^BenchmarkInProcess\/estimate/ { iest=$3 }
/^BenchmarkPandas/ { pandas=$3 }
END {
	if (ifloor) printf "| in-process: encoding/csv floor | %.1f ms | |\n", ifloor/1e6
	if (irep) printf "| in-process: report | %.1f ms | %.2f × the floor |\n", irep/1e6, irep/ifloor
	if (iest) printf "| in-process: `estimate --source … --format json`, every row estimated | %.0f ms | %.2f × report --format json |\n", iest/1e6, iest/irep
	if (iestt) printf "| in-process: `estimate --source …` (text), every row estimated | %.0f ms | %.2f × report (text) |\n", iestt/1e6, iestt/irept
	if (pandas) printf "| pandas script (bench/pandas_census.py), whole process | %.0f ms | report is %.1f × faster |\n", pandas/1e6, pandas/rep
}' "$out"

echo
echo "| overlay (300 entries: 100 adds, 100 corrections, 100 exclusions), largest shared all_ai_models.csv | no overlay | with it | added |"
echo "|---|---:|---:|---:|"
awk '
/^BenchmarkOverlay\/process\/none/ { pn=$3 }
/^BenchmarkOverlay\/process\/300-cached/ { po=$3 }
/^BenchmarkOverlay\/in-process\/none/ { in_=$3 }
/^BenchmarkOverlay\/in-process\/300-cached/ { io=$3 }
/^BenchmarkOverlay\/in-process\/300-cold/ { ic=$3 }
END {
	if (pn) printf "| `report --format json`, whole process, entries cached | %.0f ms | %.0f ms | %.1f ms |\n", pn/1e6, po/1e6, (po-pn)/1e6
	if (in_) printf "| `report --format json`, in-process, entries cached | %.0f ms | %.0f ms | %.1f ms |\n", in_/1e6, io/1e6, (io-in_)/1e6
	if (ic) printf "| `report --format json`, in-process, all 300 files parsed (first run) | %.0f ms | %.0f ms | %.1f ms |\n", in_/1e6, ic/1e6, (ic-in_)/1e6
}' "$out"

echo
echo "| diff --explain, the two largest shared all_ai_models.csv | time |"
echo "|---|---:|"
awk '/^BenchmarkExplain\/(in-process|process)-/ { name=$1; sub(/-[0-9]+$/, "", name); sub(/^BenchmarkExplain\//, "", name); printf "| %s | %.0f ms |\n", name, $3/1e6 }
/^BenchmarkHistoryExplain/ { printf "| `history --explain` over the whole shared archive, in-process | %.0f ms |\n", $3/1e6 }' "$out"

echo
echo "| store | time |"
echo "|---|---:|"
awk '/^BenchmarkStore/ { name=$1; sub(/-[0-9]+$/, "", name); sub(/^BenchmarkStore\//, "", name); printf "| %s | %.0f ms |\n", name, $3/1e6 }' "$out"

echo
echo "| synthetic year of daily downloads (bench/year) | SQLite | PostgreSQL | target |"
echo "|---|---:|---:|---|"
awk '
/^BenchmarkYear\// {
	name=$1; sub(/-[0-9]+$/, "", name); n=split(name, p, "/"); db=p[2]; op=p[3]
	t[db, op]=$3
	for (i=3; i<NF; i+=2) m[db, op, $(i+1)]=$i
}
function cell(db, v, unit) { return (v == "" ? "–" : sprintf(unit, v)) }
# A time: "–" when the benchmark did not run.
function tcell(db, op, div, unit) { return ((db, op) in t ? sprintf(unit, t[db, op]/div) : "–") }
END {
	printf "| the whole year imported, day by day | %s | %s | |\n", cell("sqlite", m["sqlite","import-year","year-s"], "%.0f s"), cell("postgres", m["postgres","import-year","year-s"], "%.0f s")
	printf "| one more day imported (median; 95th percentile) | %s; %s | %s; %s | under 1 s |\n", cell("", m["sqlite","import-year","day-ms-median"], "%.0f ms"), cell("", m["sqlite","import-year","day-ms-p95"], "%.0f ms"), cell("", m["postgres","import-year","day-ms-median"], "%.0f ms"), cell("", m["postgres","import-year","day-ms-p95"], "%.0f ms")
	printf "| store growth a day, share of the day'\''s raw size | %s | %s | under 1 %% |\n", cell("", m["sqlite","import-year","growth-%-of-day"], "%.1f %%"), cell("", m["postgres","import-year","growth-%-of-day"], "%.1f %%")
	printf "| store size after the year | %s | %s | |\n", cell("", m["sqlite","import-year","store-MiB"], "%.0f MiB"), cell("", m["postgres","import-year","store-MiB"], "%.0f MiB")
	printf "| `history` over every day, per-year (figures kept at each pull) | %s | %s | under 1 s |\n", tcell("sqlite", "history-kept-per-year", 1e6, "%.0f ms"), tcell("postgres", "history-kept-per-year", 1e6, "%.0f ms")
	printf "| `history` over every day, count of a year | %s | %s | under 1 s |\n", tcell("sqlite", "history-kept-count", 1e6, "%.0f ms"), tcell("postgres", "history-kept-count", 1e6, "%.0f ms")
	printf "| `history` over every day, a country in a year | %s | %s | under 1 s |\n", tcell("sqlite", "history-kept-country", 1e6, "%.0f ms"), tcell("postgres", "history-kept-country", 1e6, "%.0f ms")
	printf "| `history` over every day, a year'\''s top model | %s | %s | under 1 s |\n", tcell("sqlite", "history-kept-top", 1e6, "%.0f ms"), tcell("postgres", "history-kept-top", 1e6, "%.0f ms")
	printf "| `history` over every day by a new release (no figures kept for it yet) | %s | %s | |\n", tcell("sqlite", "history-year-first", 1e9, "%.1f s"), tcell("postgres", "history-year-first", 1e9, "%.1f s")
	printf "| `diff` of two days | %s | %s | under 200 ms |\n", tcell("sqlite", "diff-two-days", 1e6, "%.0f ms"), tcell("postgres", "diff-two-days", 1e6, "%.0f ms")
	printf "| report of the last day from the store, kept open (in-process, as `serve`; median) | %s | %s | at most 1.5 × the file |\n", cell("", m["sqlite","report","store-ms"], "%.0f ms"), cell("", m["postgres","report","store-ms"], "%.0f ms")
	printf "| report of the last day from the store, opened anew (in-process, as `report --snapshot`; median) | %s | %s | at most 1.5 × the file |\n", cell("", m["sqlite","report","store-opened-ms"], "%.0f ms"), cell("", m["postgres","report","store-opened-ms"], "%.0f ms")
	printf "| report of the same day'\''s file, read directly (in-process; median) | %s | %s | |\n", cell("", m["sqlite","report","file-ms"], "%.0f ms"), cell("", m["postgres","report","file-ms"], "%.0f ms")
	printf "| of the report opened anew, the store'\''s own part: open, find, read the bytes back (in-process; median) | %s | %s | |\n", cell("", m["sqlite","report","store-bytes-ms"], "%.0f ms"), cell("", m["postgres","report","store-bytes-ms"], "%.0f ms")
}' "$out"

echo
echo "| largest shared all_ai_models.csv, whole process | time | against report |"
echo "|---|---:|---:|"
awk '
/^BenchmarkTrend\/report/ { rep=$3 }
/^BenchmarkTrend\/trend/ { tr=$3 }
/^BenchmarkTrend\/thresholds/ { th=$3 }
END {
	if (rep) printf "| `report --format json` | %.0f ms | |\n", rep/1e6
	if (tr) printf "| `trend --format json` (OLS, 1000 bootstrap resamples) | %.0f ms | %.2f × |\n", tr/1e6, tr/rep
	if (th) printf "| `thresholds --format json` | %.0f ms | %.2f × |\n", th/1e6, th/rep
}' "$out"
rm -f "$out"
