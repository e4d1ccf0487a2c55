#!/usr/bin/env bash
# The production topology on loopback (docs/hosting.md): Varnish -> two gunicorn hosts ->
# one PostgreSQL and one Redis; two db_workers. Nothing is shared through the disk: the
# two hosts share the database (content, sessions, tasks) and Redis (cache, rate limits).
#   TOPOLOGY_DATABASE_URL  PostgreSQL database to use (default postgres@127.0.0.1/portal_topology)
#   TOPOLOGY_REDIS_URL     Redis (default redis://127.0.0.1:6379/7)
#   ports: APP_PORTS (8174 8175), VARNISH_PORT (8172), VARNISH_ADMIN_PORT (8173)
# The S3 stand-in for media comes with the shared-media work (issue 13, hosting).
# Usage: scripts/topology.sh PYTHON
set -euo pipefail
python=$1
read -r -a app_ports <<< "${APP_PORTS:-8174 8175}"
varnish_port=${VARNISH_PORT:-8172}
varnish_admin_port=${VARNISH_ADMIN_PORT:-8173}

export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=${SECRET_KEY:-topology-local-only}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export TRUSTED_PROXY_COUNT=${TRUSTED_PROXY_COUNT:-1}
export SECURE_SSL_REDIRECT=false
export DATABASE_URL=${TOPOLOGY_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_topology}
export REDIS_URL=${TOPOLOGY_REDIS_URL:-redis://127.0.0.1:6379/7}

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
"$python" manage.py migrate --no-input >/dev/null
"$python" manage.py load_demo --no-users >/dev/null
"$python" manage.py collectstatic --no-input >/dev/null

# Only the servers purge: Varnish is not running yet while the demo loads.
export VARNISH_URL=${VARNISH_URL:-http://127.0.0.1:$varnish_port}
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

backends=()
for port in "${app_ports[@]}"; do
  "$python" -m gunicorn portal.wsgi --workers 2 --bind "127.0.0.1:$port" \
    > ".run/gunicorn-$port.log" 2>&1 &
  pids+=($!)
  backends+=(--backend "$port")
done
for n in 1 2; do
  "$python" manage.py db_worker --queue-name '*' > ".run/db_worker-$n.log" 2>&1 &
  pids+=($!)
done
"$python" -m portal.varnish --listen "$varnish_port" "${backends[@]}" --admin "$varnish_admin_port" &
pids+=($!)
echo "Topology: Varnish http://127.0.0.1:$varnish_port/ -> gunicorn ${app_ports[*]}; workers x2;"
echo "PostgreSQL $DATABASE_URL; Redis $REDIS_URL; logs in .run/"
wait
