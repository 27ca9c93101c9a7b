#!/usr/bin/env bash
# Runs every fuzz target for a while and prints a row for each (the tables of docs/layout.md):
# the target, how long it ran, its executions, and whether it found a
# failure. The time and the executions are those of the fuzzer's last
# status line (it prints one when it stops); a target that printed none
# did not run, and its row says so instead of claiming a run.
# Usage: scripts/fuzz.sh [DURATION] [PARALLEL] [TARGET-REGEXP]
#   (default 10m, 2 targets at once, every target)
# A failure leaves its input under the package's testdata/fuzz/, which the
# normal tests then run. The exit status is 1 when a target failed or did
# not run, or when a fuzz target of the code is missing from this list.
set -uo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10m}
par=${2:-2}
only=${3:-.}
targets=(
	"./epoch FuzzReadCSV"
	"./epoch FuzzOpenZip"
	"./epoch FuzzWorkbook"
	"./epoch FuzzDates"
	"./census FuzzParseNumber"
	"./rules FuzzRules"
	"./overlay FuzzOverlayFile"
	"./discover FuzzWatchlist"
	"./discover FuzzModelCard"
	"./discover FuzzModelConfig"
	"./discover/hf FuzzHubAnswers"
	"./discover/arena FuzzArenaAnswer"
	"./discover/arxiv FuzzArxivAnswer"
	"./internal/retry FuzzRetryAfter"
	"./store FuzzBlob"
	"./snapshots FuzzLegacyLineDelta"
	"./web FuzzAPIParams"
	"./web FuzzAPIEndpoints"
)
status=0
# Every fuzz target of the code must be in the list above.
for fn in $(grep -rhoE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+' . | sed 's/^func //' | sort -u); do
	if ! printf '%s\n' "${targets[@]}" | grep -q " $fn\$"; then
		echo "fuzz.sh: $fn is not in the list of targets" >&2
		status=1
	fi
done
logs=$(mktemp -d)
run() {
	local pkg=$1 name=$2
	# Each input that finds new code is minimized first, by default for up
	# to a minute of executions the fuzzer's count leaves out: on a zip or a
	# workbook (a few ms each, kilobytes to shrink) that took the whole run
	# (FuzzOpenZip: 5 executions counted in 30 s). 50 tries each keeps the
	# time for fuzzing; a crash found is still written whole.
	go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$dur" -fuzzminimizetime 50x -parallel 1 -timeout 0 >"$logs/$name.log" 2>&1
	echo $? >"$logs/$name.rc"
}
chosen=()
for t in "${targets[@]}"; do
	if [[ $t =~ $only ]]; then chosen+=("$t"); fi
done
i=0
for t in "${chosen[@]}"; do
	set -- $t
	run "$1" "$2" &
	i=$((i + 1))
	if [ $((i % par)) -eq 0 ]; then wait; fi
done
wait
echo "| target | ran for | executions | panics or failures |"
echo "|---|---|---:|---|"
for t in "${chosen[@]}"; do
	set -- $t
	last=$(grep -E '^fuzz: elapsed: [^,]+, execs: [0-9]+' "$logs/$2.log" | tail -1)
	elapsed=$(sed -E 's/^fuzz: elapsed: ([^,]+),.*/\1/' <<<"$last")
	execs=$(sed -E 's/.*execs: ([0-9]+).*/\1/' <<<"$last")
	rc=$(cat "$logs/$2.rc")
	if [ -z "$last" ]; then
		res="DID NOT RUN (exit $rc): see $logs/$2.log"
		elapsed=-
		execs=0
		status=1
	elif [ "$rc" = 0 ]; then
		res=0
	else
		res="FAILED: see $logs/$2.log"
		status=1
	fi
	echo "| $1 $2 | $elapsed | $execs | $res |"
done
exit $status
