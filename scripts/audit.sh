#!/usr/bin/env bash
# Lighthouse (pinned in package.json) with Debian's chromium against a running dev server:
# one URL per page type in sv, ar and ti, and the four category scores of each (error pages
# are left out: Lighthouse refuses to audit a 404 response).
# Usage: scripts/audit.sh PORT   (start the server first: `make run`, or PORT=8103 make run)
set -euo pipefail
port=${1:-8000}
base="http://127.0.0.1:$port"
lighthouse=node_modules/.bin/lighthouse
[ -x "$lighthouse" ] || { echo "Lighthouse is missing: run 'npm ci' first." >&2; exit 1; }
curl -fsS -o /dev/null "$base/sv/" || { echo "No server answers at $base: run 'make run' first." >&2; exit 1; }
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
out=test-artifacts/lighthouse
mkdir -p "$out"

# One live page of each page type in sv, ar and ti, from the server's own database.
python=${PYTHON:-.venv/bin/python}
mapfile -t urls < <(
  "$python" manage.py shell -v 0 -c '
from wagtail.models import Page
seen = set()
for page in Page.objects.live().filter(depth__gt=1, locale__language_code__in=["sv", "ar", "ti"]).select_related("locale", "content_type").order_by("path"):
    key = (page.locale.language_code, page.content_type_id, page.alias_of_id is None)
    url = page.get_url()
    if key not in seen and url:
        seen.add(key)
        print(url)
' | sed "s#^/#$base/#"
)

status=0
printf '%-72s %5s %5s %5s %5s\n' URL perf a11y best seo
for url in "${urls[@]}"; do
  name=$(echo "$url" | sed 's#https\?://##; s#[/:]#_#g')
  "$lighthouse" "$url" --quiet --output=json --output-path="$out/$name.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run" \
    >/dev/null 2>"$out/$name.log" || { echo "$url: lighthouse failed, see $out/$name.log"; status=1; continue; }
  node -e '
    const r = require(process.argv[1]); const c = r.categories;
    const s = ["performance","accessibility","best-practices","seo"].map(k => Math.round(c[k].score * 100));
    console.log(process.argv[2].padEnd(72), ...s.map(x => String(x).padStart(5)));
    process.exit(s.every(x => x >= 95) ? 0 : 3);
  ' "$PWD/$out/$name.json" "$url" || status=1
done
[ "$status" = 0 ] && echo "All scores are at least 95." || echo "Some scores are below 95 (reports in $out/)."
exit $status
