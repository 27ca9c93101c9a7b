#!/usr/bin/env bash
# Whole-process benchmark of the figure engine: `report` against
# `report --recipe bench/twenty.toml` (twenty figures) on the same file,
# paired runs with hyperfine (Debian's package) when installed, else a
# plain loop of N runs each. Usage: bench/figures.sh [SOURCE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/epoch-snapshots/2026-03-30/all_ai_models.csv}
runs=${2:-10}
bin=$(mktemp -d)/modelcensus
go build -o "$bin" ./cmd/modelcensus
report="$bin report --source $src --format json -o /dev/null"
recipe="$bin report --recipe bench/twenty.toml --source $src --format json -o /dev/null"
if command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 2 --runs "$runs" -n report "$report" -n "recipe of 20 figures" "$recipe"
	exit
fi
for cmd in "$report" "$recipe"; do
	start=$(date +%s.%N)
	for _ in $(seq "$runs"); do $cmd; done
	end=$(date +%s.%N)
	echo "$cmd: $(echo "($end - $start) / $runs" | bc -l | cut -c1-6) s a run"
done
