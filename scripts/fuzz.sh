#!/usr/bin/env bash
# Runs every fuzz target for a while and prints a README row for each:
# the target, its executions, and whether it found a failure.
# Usage: scripts/fuzz.sh [DURATION] [PARALLEL]   (default 10m, 2 at once)
# A failure leaves its input under the package's testdata/fuzz/, which the
# normal tests then run.
set -uo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10m}
par=${2:-2}
targets=(
	"./epoch FuzzReadCSV"
	"./epoch FuzzOpenZip"
	"./epoch FuzzDates"
	"./census FuzzParseNumber"
	"./rules FuzzRules"
	"./store FuzzBlob"
	"./store FuzzLegacyLineDelta"
	"./web FuzzAPIParams"
)
logs=$(mktemp -d)
run() {
	local pkg=$1 name=$2
	go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$dur" -parallel 1 -timeout 0 >"$logs/$name.log" 2>&1
	echo $? >"$logs/$name.rc"
}
i=0
for t in "${targets[@]}"; do
	set -- $t
	run "$1" "$2" &
	i=$((i + 1))
	if [ $((i % par)) -eq 0 ]; then wait; fi
done
wait
echo "| target | run for | executions | panics or failures |"
echo "|---|---|---:|---|"
for t in "${targets[@]}"; do
	set -- $t
	execs=$(grep -o 'execs: [0-9]*' "$logs/$2.log" | tail -1 | grep -o '[0-9]*')
	if [ "$(cat "$logs/$2.rc")" = 0 ]; then res=0; else res="FAILED: see $logs/$2.log"; fi
	echo "| $1 $2 | $dur | ${execs:-?} | $res |"
done
