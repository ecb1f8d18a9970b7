#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the tests (Debian's postgresql package) and
# print the admin URL. Usage: eval "$(bash scripts/pg-test-server.sh)"; stop with
# "$PG_TEST_STOP".
set -euo pipefail
port=${SPACEDIPLO_TEST_PG_PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "echo 'PostgreSQL server binaries not found; PostgreSQL tests will be skipped' >&2"
  exit 0
fi
dir=$(mktemp -d /tmp/spacediplo-pg.XXXXXX)
chmod 755 "$dir"
run_as=""
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$dir"
  run_as="runuser -u postgres --"
fi
$run_as "$bindir/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
$run_as "$bindir/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" \
  -l "$dir/log" -w start >/dev/null
echo "export SPACEDIPLO_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
echo "export PG_TEST_STOP='$run_as $bindir/pg_ctl -D $dir/data -m fast stop'"
