#!/usr/bin/env bash
# The production topology on loopback (docs/hosting.md): Varnish -> two gunicorn hosts ->
# one PostgreSQL and one Redis; two db_workers; media on an S3 stand-in; the local DeepL
# server unless DEEPL_AUTH_KEY is set. Nothing is shared through the disk: the two hosts
# share the database (content, sessions, tasks), Redis (cache, rate limits) and the bucket.
#   TOPOLOGY_DATABASE_URL  PostgreSQL database to use (default postgres@127.0.0.1/portal_topology)
#   TOPOLOGY_REDIS_URL     Redis (default redis://127.0.0.1:6379/7)
#   ports: APP_PORTS (8174 8175), VARNISH_PORT (8172), VARNISH_ADMIN_PORT (8173),
#          S3_PORT (8177), DEEPL_PORT (8176)
# When everything answers it prints "Topology ready" and writes its environment to
# .run/topology.env (scripts/load-test.sh TARGET=topology reads it).
# Usage: scripts/topology.sh PYTHON
set -euo pipefail
python=$1
read -r -a app_ports <<< "${APP_PORTS:-8174 8175}"
varnish_port=${VARNISH_PORT:-8172}
varnish_admin_port=${VARNISH_ADMIN_PORT:-8173}
s3_port=${S3_PORT:-8177}
deepl_port=${DEEPL_PORT:-8176}

export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=${SECRET_KEY:-topology-local-only}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export TRUSTED_PROXY_COUNT=${TRUSTED_PROXY_COUNT:-1}
export SECURE_SSL_REDIRECT=false
export DATABASE_URL=${TOPOLOGY_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_topology}
export REDIS_URL=${TOPOLOGY_REDIS_URL:-redis://127.0.0.1:6379/7}

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 143' INT TERM

wait_for_port() {
  for _ in $(seq 1 300); do
    if "$python" -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "Nothing answers on port $1 (see .run/)" >&2
  return 1
}

"$python" - <<'PY'
import os, environ, psycopg2
config = environ.Env.db_url_config(os.environ["DATABASE_URL"])
connection = psycopg2.connect(dbname="postgres", user=config["USER"], host=config["HOST"], port=config["PORT"] or 5432, password=config["PASSWORD"] or None)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
    if not cursor.fetchone():
        cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
PY
redis-cli -u "$REDIS_URL" ping >/dev/null
mkdir -p .run

# Media on an S3 stand-in (in memory: the demo's images are uploaded again at each start).
if [ -z "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
  export AWS_STORAGE_BUCKET_NAME=portal-topology AWS_S3_ENDPOINT_URL="http://127.0.0.1:$s3_port"
  export AWS_S3_REGION_NAME=eu-north-1 AWS_ACCESS_KEY_ID=topology AWS_SECRET_ACCESS_KEY=topology
  export AWS_S3_ADDRESSING_STYLE=path
  s3_standin=1
  "$python" -m devtools.s3_standin --port "$s3_port" --bucket "$AWS_STORAGE_BUCKET_NAME" \
    > .run/s3.log 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do grep -q "S3 stand-in on" .run/s3.log && break; sleep 0.2; done
  grep -q "S3 stand-in on" .run/s3.log || { echo "The S3 stand-in did not start (.run/s3.log)" >&2; exit 1; }
fi
# Machine translation from the local DeepL-compatible server unless a key is given.
if [ -z "${DEEPL_AUTH_KEY:-}" ]; then
  export DEEPL_AUTH_KEY=topology-local DEEPL_SERVER_URL="http://127.0.0.1:$deepl_port"
  "$python" -m devtools.deepl_server --port "$deepl_port" > .run/deepl.log 2>&1 &
  pids+=($!)
fi

"$python" manage.py migrate --no-input >/dev/null
DJANGO_SETTINGS_MODULE=devtools.production_settings "$python" manage.py load_demo --no-users >/dev/null
if [ -n "${s3_standin:-}" ]; then "$python" -m devtools.topology_media; fi
"$python" manage.py collectstatic --no-input >/dev/null

# Only the servers purge: Varnish is not running yet while the demo loads.
export VARNISH_URL=${VARNISH_URL:-http://127.0.0.1:$varnish_port}

backends=()
for port in "${app_ports[@]}"; do
  # No control socket: both hosts (and any other gunicorn) would share ~/.gunicorn/gunicorn.ctl.
  "$python" -m gunicorn portal.wsgi --workers 2 --bind "127.0.0.1:$port" --no-control-socket \
    > ".run/gunicorn-$port.log" 2>&1 &
  pids+=($!)
  backends+=(--backend "$port")
done
for n in 1 2; do
  "$python" manage.py db_worker --no-reload --queue-name '*' > ".run/db_worker-$n.log" 2>&1 &
  pids+=($!)
done
"$python" -m operations.varnish --listen "$varnish_port" "${backends[@]}" --admin "$varnish_admin_port" \
  > .run/varnish.log 2>&1 &
pids+=($!)
for port in "${app_ports[@]}" "$varnish_port"; do wait_for_port "$port"; done

env | grep -E '^(DJANGO_SETTINGS_MODULE|SECRET_KEY|ALLOWED_HOSTS|TRUSTED_PROXY_COUNT|SECURE_SSL_REDIRECT|DATABASE_URL|REDIS_URL|VARNISH_URL|AWS_[A-Z0-9_]+|DEEPL_AUTH_KEY|DEEPL_SERVER_URL)=' \
  | sed -e "s/'/'\\\\''/g" -e "s/=/='/" -e "s/\$/'/" -e 's/^/export /' > .run/topology.env
echo "Topology ready: Varnish http://127.0.0.1:$varnish_port/ -> gunicorn ${app_ports[*]}; workers x2;"
echo "PostgreSQL $DATABASE_URL; Redis $REDIS_URL; media $AWS_S3_ENDPOINT_URL/$AWS_STORAGE_BUCKET_NAME;"
echo "DeepL ${DEEPL_SERVER_URL:-api.deepl.com}; logs in .run/"
wait
