#!/usr/bin/env bash
# Serve the portal for local development with its background worker beside it.
# Without DEEPL_AUTH_KEY, the local DeepL-compatible server (devtools/deepl_server)
# answers machine translation on 127.0.0.1:$DEEPL_LOCAL_PORT (8765) with pseudo-translations;
# with a key set, the real DeepL is used and the local server is never started.
# Likewise without AZURE_TRANSLATOR_KEY and AZURE_TRANSLATOR_ENDPOINT, the local Azure
# Translator-compatible server (devtools/azure_server) answers Somali and Tigrinya on
# 127.0.0.1:$AZURE_LOCAL_PORT (8766).
# Usage: scripts/serve.sh PYTHON PORT
set -euo pipefail
python=$1
port=$2
deepl_port=${DEEPL_LOCAL_PORT:-8765}
azure_port=${AZURE_LOCAL_PORT:-8766}

mkdir -p .run
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# Wait up to five seconds for a local server to listen on 127.0.0.1:$1.
wait_for_port() {
  for _ in $(seq 1 50); do
    if "$python" -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null; then
      return
    fi
    sleep 0.1
  done
}

if [ -z "${DEEPL_AUTH_KEY:-}" ]; then
  "$python" -m devtools.deepl_server --host 127.0.0.1 --port "$deepl_port" \
    > .run/deepl_server.log 2>&1 &
  pids+=($!)
  export DEEPL_SERVER_URL="http://127.0.0.1:$deepl_port"
  export DEEPL_AUTH_KEY="local-server"
  wait_for_port "$deepl_port"
  echo "No DEEPL_AUTH_KEY: local DeepL server on $DEEPL_SERVER_URL (pseudo-translations, log in .run/deepl_server.log)."
else
  echo "DEEPL_AUTH_KEY is set: machine translation uses ${DEEPL_SERVER_URL:-the DeepL API}."
fi

if [ -z "${AZURE_TRANSLATOR_KEY:-}" ] && [ -z "${AZURE_TRANSLATOR_ENDPOINT:-}" ]; then
  "$python" -m devtools.azure_server --host 127.0.0.1 --port "$azure_port" \
    > .run/azure_server.log 2>&1 &
  pids+=($!)
  export AZURE_TRANSLATOR_ENDPOINT="http://127.0.0.1:$azure_port"
  wait_for_port "$azure_port"
  echo "No Azure Translator configured: local Azure server on $AZURE_TRANSLATOR_ENDPOINT (pseudo-translations, log in .run/azure_server.log)."
else
  echo "Azure Translator: ${AZURE_TRANSLATOR_ENDPOINT:-the global endpoint}."
fi

"$python" manage.py erase_report_contacts --schedule > /dev/null
"$python" manage.py db_worker --queue-name '*' > .run/db_worker.log 2>&1 &
pids+=($!)
echo "Background worker running (pid ${pids[-1]}, log in .run/db_worker.log)."
echo "Serving http://127.0.0.1:$port/ (admin: http://127.0.0.1:$port/admin/)"
"$python" manage.py runserver "127.0.0.1:$port"
