#!/usr/bin/env bash
# What the test suite needs beyond the Python packages: Debian's chromium for the browser
# tests, Varnish for the HTTP cache tests. Installed with apt-get when missing and when we are allowed to.
set -uo pipefail
bin=$1

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "Could not install chromium: browser tests will be skipped."
  else
    echo "chromium is missing and apt-get is not available as root: browser tests will be skipped."
  fi
fi

# Varnish for the tests through the HTTP cache (they start their own varnishd on a free
# port), wrk for `make bench-site`, xmllint to check the XLIFF exports a second way.
for package in varnish wrk libxml2-utils; do
  case "$package" in varnish) binary=varnishd ;; libxml2-utils) binary=xmllint ;; *) binary=$package ;; esac
  if ! command -v "$binary" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$binary" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing Debian's $package..."
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null) \
        || echo "Could not install $package: the tests that need it will be skipped."
    else
      echo "$package is missing: the tests that need it will be skipped."
    fi
  fi
done

# axe-core (and Lighthouse) for the browser tests, pinned in package-lock.json.
if command -v npm >/dev/null 2>&1; then
  if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing the npm packages (axe-core) for the browser tests..."
    npm ci --no-audit --no-fund --loglevel=error || echo "npm ci failed: browser tests will be skipped."
  fi
else
  echo "npm is missing: the browser tests will be skipped (they need node_modules/axe-core)."
fi

"$bin/python" - <<'PY'
from portal.settings.environment import ENV
from portal.settings.test_database import choose_test_database
from portal.settings.environment import BASE_DIR
engine = choose_test_database(ENV.DATABASE_URL, BASE_DIR)["ENGINE"]
print("Test database:", "PostgreSQL" if "postgresql" in engine else "SQLite (PostgreSQL did not answer)")
PY
