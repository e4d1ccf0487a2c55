#!/usr/bin/env bash
# Serve the portal for local development with its background worker beside it.
# Usage: scripts/serve.sh PYTHON PORT
set -euo pipefail
python=$1
port=$2

mkdir -p .run
"$python" manage.py db_worker --queue-name '*' > .run/db_worker.log 2>&1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
echo "Background worker running (pid $worker, log in .run/db_worker.log)."
echo "Serving http://127.0.0.1:$port/ (admin: http://127.0.0.1:$port/admin/)"
"$python" manage.py runserver "127.0.0.1:$port"
