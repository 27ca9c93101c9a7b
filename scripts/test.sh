#!/usr/bin/env bash
# The tests: go test ./... with a throw-away PostgreSQL server on loopback
# when PostgreSQL is installed (the store tests then run against SQLite and
# PostgreSQL), else against SQLite alone.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${MODELCENSUS_TEST_POSTGRES:-}" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
	MODELCENSUS_TEST_POSTGRES=$(scripts/pg-test-server.sh)
	export MODELCENSUS_TEST_POSTGRES
fi
if [ -z "${MODELCENSUS_TEST_POSTGRES:-}" ]; then
	echo "note: PostgreSQL is not installed; the store tests run on SQLite only (apt-get install postgresql)" >&2
fi
exec go test "$@" ./...
