#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the tests and prints
# its URL: export MODELCENSUS_TEST_POSTGRES=$(scripts/pg-test-server.sh)
# Needs Debian's postgresql package (.ci/run installs it). Stop it with
#   scripts/pg-test-server.sh stop
set -euo pipefail
dir=${PGTEST_DIR:-/tmp/modelcensus-pgtest}
port=${PGTEST_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
	echo "pg-test-server: PostgreSQL is not installed (apt-get install postgresql)" >&2
	exit 1
fi
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "${1:-}" = stop ]; then
	as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
	exit 0
fi
if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
	rm -rf "$dir"
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	as_pg "$bin/initdb" -D "$dir/data" -U modelcensus --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >&2 ||
		{ cat "$dir/server.log" >&2; exit 1; }
	as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U modelcensus modelcensus_test >&2
fi
echo "postgres://modelcensus@127.0.0.1:$port/modelcensus_test?sslmode=disable"
