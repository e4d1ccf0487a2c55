#!/usr/bin/env bash
# Load test with publishing (docs/operations.md): gunicorn + db_worker on PostgreSQL and Redis,
# the local DeepL server, loopback only. Usage: scripts/load-test.sh PYTHON
# Environment: DURATION (s, 120), READERS (50), PUBLISH_EVERY (s, 10), LOAD_PORT (8180),
# LOAD_DEEPL_PORT (8181), LOAD_DATABASE_URL, LOAD_REDIS_URL, WORKERS (gunicorn, 3).
# TARGET=topology: the same readers and communicator against `make topology` (Varnish, two
# gunicorn hosts, two workers, S3 stand-in), started here on LOAD_DATABASE_URL (default
# portal_load_topology) and LOAD_REDIS_URL; its ports as scripts/topology.sh reads them.
set -euo pipefail
python=$1
bin=$(dirname "$python")

if [ "${TARGET:-}" = topology ]; then
  export TOPOLOGY_DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_load_topology}
  export TOPOLOGY_REDIS_URL=${LOAD_REDIS_URL:-redis://127.0.0.1:6379/0}
  mkdir -p .run
  rm -f .run/topology.env
  topology_pid=
  stop_topology() { if [ -n "$topology_pid" ]; then kill "$topology_pid" 2>/dev/null || true; wait "$topology_pid" 2>/dev/null || true; fi; }
  trap stop_topology EXIT
  trap 'exit 143' INT TERM
  bash scripts/topology.sh "$python" > .run/load-topology.log 2>&1 &
  topology_pid=$!
  for _ in $(seq 1 900); do
    [ -s .run/topology.env ] && break
    kill -0 "$topology_pid" 2>/dev/null || { echo "The topology did not start:" >&2; tail -20 .run/load-topology.log >&2; exit 1; }
    sleep 0.2
  done
  [ -s .run/topology.env ] || { echo "The topology did not start within 3 minutes" >&2; exit 1; }
  # shellcheck disable=SC1091
  source .run/topology.env
  export LOG_LEVEL=WARNING
  # The demo accounts (the communicator who publishes); the content is there already.
  DJANGO_SETTINGS_MODULE=portal.settings.dev "$python" manage.py load_demo > /dev/null
  echo "Against the topology: Varnish $VARNISH_URL (logs in .run/, .run/load-topology.log)"
  LOAD_BASE_URL="$VARNISH_URL" "$python" -m devtools.load_test
  exit $?
fi
port=${LOAD_PORT:-8180}
deepl_port=${LOAD_DEEPL_PORT:-8181}
export DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_load}
export REDIS_URL=${LOAD_REDIS_URL:-redis://127.0.0.1:6379/0}
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=load-test-only-not-a-secret-$(date +%s)-0123456789abcdef
export ALLOWED_HOSTS=127.0.0.1,localhost
export DEEPL_SERVER_URL="http://127.0.0.1:$deepl_port" DEEPL_AUTH_KEY=load-test
export LOG_LEVEL=WARNING
mkdir -p .run

db=${DATABASE_URL##*/}
"$python" - "$DATABASE_URL" "$db" <<'PY'
import sys, psycopg2
url, name = sys.argv[1], sys.argv[2]
connection = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
connection.autocommit = True
cursor = connection.cursor()
cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
if not cursor.fetchone():
    cursor.execute(f'CREATE DATABASE "{name}"')
PY
"$python" manage.py migrate --no-input -v0
DJANGO_SETTINGS_MODULE=portal.settings.dev "$python" manage.py load_demo > /dev/null
"$python" manage.py compile_catalogs > /dev/null
"$python" manage.py collectstatic --no-input -v0

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

"$python" -m devtools.deepl_server --host 127.0.0.1 --port "$deepl_port" > .run/load-deepl.log 2>&1 &
pids+=($!)
"$python" manage.py db_worker --no-reload --queue-name '*' > .run/load-worker.log 2>&1 &
pids+=($!)
"$bin/gunicorn" portal.wsgi --bind "127.0.0.1:$port" --workers "${WORKERS:-3}" --no-control-socket \
  --access-logfile /dev/null --error-logfile .run/load-gunicorn.log &
pids+=($!)
for _ in $(seq 1 100); do
  if "$python" -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then break; fi
  sleep 0.2
done
LOAD_BASE_URL="http://127.0.0.1:$port" "$python" -m devtools.load_test
