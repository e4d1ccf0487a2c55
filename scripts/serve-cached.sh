#!/usr/bin/env bash
# gunicorn with production settings behind Varnish, on loopback: what readers get in
# production, for trying the HTTP cache and purges by hand.
#   http://127.0.0.1:${VARNISH_PORT:-8171}/  through Varnish (X-Cache: HIT/MISS)
#   http://127.0.0.1:${APP_PORT:-8170}/      gunicorn itself
# A background worker runs beside them (translation drafts, purge retries).
# Usage: scripts/serve-cached.sh PYTHON
set -euo pipefail
python=$1
app_port=${APP_PORT:-8170}
varnish_port=${VARNISH_PORT:-8171}
varnish_admin_port=${VARNISH_ADMIN_PORT:-8173}

export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=${SECRET_KEY:-serve-cached-local-only}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export TRUSTED_PROXY_COUNT=${TRUSTED_PROXY_COUNT:-1}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
# Production settings refuse to start without a shared cache (two workers share Redis).
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/6}

mkdir -p .run
"$python" manage.py migrate --no-input >/dev/null
DJANGO_SETTINGS_MODULE=devtools.production_settings "$python" manage.py load_demo --no-users >/dev/null
"$python" manage.py collectstatic --no-input >/dev/null

# Only the servers purge: Varnish is not running yet while the demo loads.
export VARNISH_URL=${VARNISH_URL:-http://127.0.0.1:$varnish_port}
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

"$python" -m gunicorn portal.wsgi --workers 2 --bind "127.0.0.1:$app_port" --no-control-socket \
  > .run/gunicorn.log 2>&1 &
pids+=($!)
"$python" manage.py db_worker --queue-name '*' > .run/db_worker.log 2>&1 &
pids+=($!)
"$python" -m operations.varnish --listen "$varnish_port" --backend "$app_port" \
  --admin "$varnish_admin_port" &
pids+=($!)
echo "Readers: http://127.0.0.1:$varnish_port/sv/ (Varnish) -> gunicorn on $app_port; logs in .run/"
wait
