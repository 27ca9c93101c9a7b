#!/usr/bin/env bash
# A report from the store against the same report from the file (issue 26:
# at most 1.5 ×), whole process, in paired runs: the two commands take
# turns, each pair in alternating order, and the script prints each one's
# median wall time and the median of the per-pair ratios.
# Usage: bench/stored.sh [RUNS] [DSN]
#   RUNS  pairs (default 40)
#   DSN   the store to import into and read from (default a new SQLite file;
#         an empty PostgreSQL database's URL to measure PostgreSQL)
# It writes 60 synthetic days (go run ./bench/year, from the largest shared
# all-models export, else the bundled snapshot), pulls them into the store
# and reports the 60th from the store and from its file.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-40}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dsn=${2:-$tmp/store.db}
bin=$tmp/modelcensus
go build -o "$bin" ./cmd/modelcensus
base=$(ls -S ../shared/epoch-snapshots/*/all_ai_models.csv 2>/dev/null | head -1 || true)
go run ./bench/year ${base:+-base "$base"} -days 60 -o "$tmp/days" >/dev/null
"$bin" pull --source "$tmp/days" --db "$dsn" --overlay none >/dev/null
last=$(ls "$tmp/days" | tail -1)
id=$("$bin" snapshots --db "$dsn" --format csv | tail -1 | cut -d, -f1)
stored="$bin report --format json --overlay none --snapshot $id --db $dsn"
file="$bin report --format json --overlay none --source $tmp/days/$last"
for _ in 1 2 3; do $stored >/dev/null; $file >/dev/null; done
for i in $(seq "$runs"); do
	if ((i % 2)); then
		t0=$EPOCHREALTIME; $stored >/dev/null; t1=$EPOCHREALTIME; $file >/dev/null; t2=$EPOCHREALTIME
		echo "$t0 $t1 $t2" | awk '{printf "%.3f %.3f\n", ($2-$1)*1000, ($3-$2)*1000}'
	else
		t0=$EPOCHREALTIME; $file >/dev/null; t1=$EPOCHREALTIME; $stored >/dev/null; t2=$EPOCHREALTIME
		echo "$t0 $t1 $t2" | awk '{printf "%.3f %.3f\n", ($3-$2)*1000, ($2-$1)*1000}'
	fi
done | sort -n | awk -v runs="$runs" '
{ s[NR]=$1; f[NR]=$2; r[NR]=$1/$2 }
function median(a, n,   i, j, t) {
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
	return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
END {
	printf "store %.1f ms, file %.1f ms (medians of %d paired runs); median of the ratios %.2f ×\n", median(s, NR), median(f, NR), runs, median(r, NR)
}'
