#!/usr/bin/env bash
# Load benchmark of `modelcensus serve` on loopback with wrk (Debian's
# package): the census and models endpoints, throughput and p50/p99
# latency. Usage: bench/load.sh [SOURCE] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/epoch-snapshots/2026-08-19}
secs=${2:-15}
command -v wrk >/dev/null || { echo "bench/load.sh needs wrk: apt-get install wrk" >&2; exit 1; }
bin=$(mktemp -d)/modelcensus-full   # serve needs the full program
go build -o "$bin" ./cmd/modelcensus-full
port=18090
"$bin" serve --source "$src" --addr 127.0.0.1:$port 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for i in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/snapshots" && break; sleep 0.2; done
echo "| endpoint | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
for path in "/api/v1/census" "/api/v1/census?from=2020&to=2024&attribution=fractional" "/api/v1/models?page-size=50" "/api/v1/models?country=CN&sort=compute" "/" "/explorer?lang=ko"; do
	out=$(wrk -t2 -c32 -d"${secs}s" --latency -H "Accept-Encoding: gzip" "http://127.0.0.1:$port$path")
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(echo "$out" | awk '$1=="50%" {print $2}')
	p99=$(echo "$out" | awk '$1=="99%" {print $2}')
	errs=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
	echo "| \`$path\` | ${rps%.*} | $p50 | $p99 | ${errs:-0} |"
done
