#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the tests, in a new
# folder of its own and on a free port, so that concurrent runs never share
# one. It prints shell assignments to eval:
#   eval "$(scripts/pg-test-server.sh start)"   # sets MODELCENSUS_TEST_POSTGRES and PGTEST_DIR
#   scripts/pg-test-server.sh stop "$PGTEST_DIR" # stops it and removes its folder
# Needs Debian's postgresql package (.ci/run installs it).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
	echo "pg-test-server: PostgreSQL is not installed (apt-get install postgresql)" >&2
	exit 1
fi
# As root, the server's commands run as the postgres user from / (every
# path here is absolute): from a checkout the postgres user cannot enter,
# each would print "could not change directory".
as_pg() {
	if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
case "${1:-start}" in
stop)
	dir=${2:?usage: $0 stop DIR}
	[ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
	rm -rf "$dir"
	exit 0
	;;
start) ;;
*)
	echo "usage: $0 start | stop DIR" >&2
	exit 2
	;;
esac
dir=$(mktemp -d /tmp/modelcensus-pgtest.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_pg "$bin/initdb" -D "$dir/data" -U modelcensus --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
# A free port: one nothing answers on; a start that loses a race tries another.
for try in 1 2 3 4 5 6 7 8; do
	port=$((20000 + RANDOM % 30000))
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
	if as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null 2>&1; then
		as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U modelcensus modelcensus_test >&2
		echo "export PGTEST_DIR='$dir'"
		echo "export MODELCENSUS_TEST_POSTGRES='postgres://modelcensus@127.0.0.1:$port/modelcensus_test?sslmode=disable'"
		exit 0
	fi
done
cat "$dir/server.log" >&2
rm -rf "$dir"
exit 1
