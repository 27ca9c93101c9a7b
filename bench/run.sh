#!/usr/bin/env bash
# Runs modelcensus's whole-process benchmarks and prints the README table:
# each `report` beside the encoding/csv floor for the same file, with the
# ratio and the peak memory. Usage: bench/run.sh [RUNS]   (default 10 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
out=$(mktemp)
go test ./bench -run '^$' -bench . -benchtime "${runs}x" -count 1 -timeout 60m | tee "$out" >&2
echo
echo "| file | encoding/csv floor | report | ratio | report peak memory |"
echo "|---|---:|---:|---:|---:|"
awk '
/^BenchmarkStore/ { next }
/^Benchmark/ {
	name=$1; sub(/-[0-9]+$/, "", name); ns=$3; mib=$5
	n=split(name, p, "/"); kind=p[n]; file=p[2]; if (n > 3) file=p[2]; if (p[1]=="BenchmarkShared") file="largest shared all_ai_models.csv"
	if (kind=="csv-floor") { floor[file]=ns; order[++k]=file } else { rep[file]=ns; mem[file]=mib }
}
END {
	for (i=1; i<=k; i++) { f=order[i]
		printf "| %s | %.0f ms | %.0f ms | %.2f | %.0f MiB |\n", f, floor[f]/1e6, rep[f]/1e6, rep[f]/floor[f], mem[f] }
}' "$out"

echo
echo "| store | time |"
echo "|---|---:|"
awk '/^BenchmarkStore/ { name=$1; sub(/-[0-9]+$/, "", name); sub(/^BenchmarkStore\//, "", name); printf "| %s | %.0f ms |\n", name, $3/1e6 }' "$out"
rm -f "$out"
