#!/usr/bin/env bash
# The tests: go test ./... with a throw-away PostgreSQL server on loopback
# when PostgreSQL is installed (the store tests then run against SQLite and
# PostgreSQL), else against SQLite alone. Each run starts its own server,
# in a folder of its own on a free port, and stops it when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${MODELCENSUS_TEST_POSTGRES:-}" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
	eval "$(scripts/pg-test-server.sh start)"
	trap 'scripts/pg-test-server.sh stop "$PGTEST_DIR"' EXIT
fi
if [ -z "${MODELCENSUS_TEST_POSTGRES:-}" ]; then
	echo "note: PostgreSQL is not installed; the store tests run on SQLite only (apt-get install postgresql)" >&2
fi
go test "$@" ./...
