"""``make bench-site``: what a page costs, uncached and through Varnish.

Builds the demo (with every measured page published in Arabic) in its own database, serves
it with gunicorn (2 sync workers, production settings, DEBUG off) and Varnish in front, and
measures per page type, in Swedish and Arabic:

- SQL queries per page (Django's test client in this process, shared cache warm);
- requests per second, p50 and p99 straight to gunicorn (every request renders the page);
- the same through Varnish (a cache hit).

The load generator is ``wrk`` (Debian), on loopback only, a few seconds per URL. The table
is printed and written between the markers in ``docs/hosting.md``.

With ``--bakerydemo DIR`` (``make bench-site BAKERYDEMO=DIR``) Wagtail's bakerydemo, prepared
in DIR, is measured the same way in the same run (``devtools/bench/bakerydemo.py``): its
queries fill the bakerydemo column, and a second table sets its uncached rate beside ours
for each paired page type. Without it, the column quotes issue 13.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .doc import write_between_markers
from .pages import READER_PAGES, SECTION_PAGES, pick

BASE_DIR = Path(__file__).resolve().parents[2]
DOC = BASE_DIR / "docs" / "hosting.md"
BEGIN, END = "<!-- bench-site:begin -->", "<!-- bench-site:end -->"
PAGES = pick(*SECTION_PAGES, "contact") | {
    "search": "sok/?q=utbyte",
    "news feed (RSS)": READER_PAGES["news feed (RSS)"],
    # Of no language: one file (or an index) for the whole site, measured once.
    "sitemap": "/sitemap.xml",
}
LANGUAGES = ("sv", "ar")
# bakerydemo's queries per page, as quoted in issue 13 (home 43, blog index 40, blog post
# 22, bread 19, search 39), beside the closest page type here (measured with --bakerydemo;
# the issue quotes none for the location page and the sitemap).
BAKERYDEMO = {
    "home": 43,
    "news index": 40,
    "news item": 22,
    "opportunity": 19,
    "project": None,
    "search": 39,
    "sitemap": None,
}


def measured(path: str):
    """(language, URL path) of each measurement of a page: every language, or the first only
    for a path of no language (``/sitemap.xml``)."""
    if path.startswith("/"):
        return [(LANGUAGES[0], path)]
    return [(code, f"/{code}/{path}") for code in LANGUAGES]


def translate_for_measurement(codes, paths=None) -> None:
    """Publish every measured page (``paths``, default ``PAGES``) and its parents in ``codes``
    with a bracketed copy of each Swedish text, through wagtail-localize as a translator
    would."""
    from wagtail.models import Locale, Page
    from wagtail_localize.models import StringSegment, TranslationSource

    from devtools.builders import publish_human_translation

    home = Page.objects.get(depth=2, locale__language_code="sv")
    for code in codes:
        locale = Locale.objects.get(language_code=code)
        for path in paths or PAGES.values():
            if path.startswith("/"):
                continue
            parts = [p for p in path.split("?")[0].split("/") if p]
            for depth in range(1, len(parts) + 1):
                prefix = "".join(f"{p}/" for p in parts[:depth])
                if prefix in ("sok/",) or prefix.endswith(("rss/", "atom/", "kalender/")):
                    continue
                page = Page.objects.get(url_path=home.url_path + prefix).specific
                if page.has_translation(locale):
                    continue
                source, _ = TranslationSource.get_or_create_from_instance(page)
                source.update_from_db()
                texts = {
                    s.string.data: f"[{code}] {s.string.data}"
                    for s in StringSegment.objects.filter(source=source).select_related("string")
                }
                publish_human_translation(page, locale, texts)


def query_counts() -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.content_cache import bump

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for name, path in PAGES.items():
        for code, url in measured(path):
            # The first read after a change (nothing kept, core/fragments.py), then again.
            bump()
            with CaptureQueriesContext(connection) as first:
                client.get(url, secure=True)
            with CaptureQueriesContext(connection) as again:
                response = client.get(url, secure=True)
            counts[code, name] = (
                f"{len(first)} / {len(again)}" if response.status_code == 200 else None
            )
    return counts


def wrk(url: str, seconds: int, connections: int) -> dict:
    output = subprocess.run(  # noqa: S603 - fixed command line, loopback URL
        [
            shutil.which("wrk"),
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "X-Forwarded-Proto: https",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(label):
        match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latency("50%"),
        "p99": latency("99%"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def warm_up(url: str) -> int:
    """One request first (the worker's caches, and a check that the page answers)."""
    import urllib.request
    from urllib.error import HTTPError

    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    for _attempt in range(3):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status
        except HTTPError as error:
            return error.code
        except OSError:
            time.sleep(1)
    return 0


def wait_for(port: int, timeout: float = 30) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {port}")


def table(counts, results, bakerydemo_queries=None) -> str:
    """The portal's pages; the bakerydemo column quotes issue 13 unless measured queries
    (by page type) are given."""
    if bakerydemo_queries is None:
        bakerydemo_queries = BAKERYDEMO

    def ms(value):
        return f"{value:.1f}" if value is not None else "–"

    lines = [
        "| page | lang | queries (first read / again) | bakerydemo | uncached req/s | p50 ms "
        "| p99 ms | Varnish req/s | p50 ms | p99 ms | non-2xx |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, path in PAGES.items():
        for code, _url in measured(path):
            direct, cached = results[code, name]
            theirs = _blank(bakerydemo_queries.get(name))
            lines.append(
                f"| {name} | {code} | {counts[code, name]} | {theirs} "
                f"| {direct['rps']:.0f} | {ms(direct['p50'])} | {ms(direct['p99'])} "
                f"| {cached['rps']:.0f} | {ms(cached['p50'])} | {ms(cached['p99'])} "
                f"| {direct['errors'] + cached['errors']} |"
            )
    return "\n".join(lines)


def _blank(value) -> str:
    return "" if value is None else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure the site uncached and through Varnish.")
    parser.add_argument("--port", type=int, default=8170, help="gunicorn")
    parser.add_argument("--varnish-port", type=int, default=8171)
    parser.add_argument("--varnish-admin-port", type=int, default=8173)
    parser.add_argument("--seconds", type=int, default=3, help="per URL and mode")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--bakerydemo",
        type=Path,
        metavar="DIR",
        help="a prepared bakerydemo to measure the same way (docs/hosting.md)",
    )
    parser.add_argument("--bakerydemo-port", type=int, default=8178, help="its gunicorn")
    parser.add_argument("--bakerydemo-settings", default="bakerydemo.settings")
    arguments = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")

    bakerydemo = None
    if arguments.bakerydemo:
        from devtools.bench.bakerydemo import Bakerydemo

        # Built before the portal's variables enter this process's environment.
        bakerydemo = Bakerydemo(
            arguments.bakerydemo, arguments.bakerydemo_port, arguments.bakerydemo_settings
        )
        print("Counting bakerydemo's queries...", flush=True)
        for name, page in bakerydemo.probe().items():
            if page["status"] != 200:
                print(f"  bakerydemo {name} {page['path']} answered {page['status']}", flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "devtools.production_settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        # Production refuses to start without a shared cache (operations/shared_cache.py).
        "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/5",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}",
    }
    os.environ.update(env)
    python = sys.executable
    manage = [python, str(BASE_DIR / "manage.py")]
    quiet = {"cwd": BASE_DIR, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    print("Preparing the demo database...", flush=True)
    subprocess.run([*manage, "compile_catalogs"], **quiet)  # noqa: S603
    subprocess.run([*manage, "migrate", "--no-input"], **quiet)  # noqa: S603
    subprocess.run([*manage, "load_demo", "--no-users"], **quiet)  # noqa: S603
    subprocess.run([*manage, "collectstatic", "--no-input"], **quiet)  # noqa: S603

    import django

    django.setup()
    from django.core.management import call_command

    translate_for_measurement(["ar"])
    call_command("update_index", verbosity=0)
    counts = query_counts()

    from operations.varnish import Varnish

    gunicorn = subprocess.Popen(  # noqa: S603
        [
            python,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers=2",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{arguments.port}",
            "--log-level=warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    varnish = None
    bakerydemo_results = {}
    try:
        if bakerydemo is not None:
            bakerydemo.start()
            wait_for(arguments.bakerydemo_port)
        wait_for(arguments.port)
        varnish = Varnish(arguments.varnish_port, [arguments.port], arguments.varnish_admin_port)
        results = {}
        for name, path in PAGES.items():
            for code, url in measured(path):
                for base in (f"http://127.0.0.1:{arguments.port}", varnish.url):
                    status = warm_up(f"{base}{url}")
                    if status != 200:
                        print(f"  {base}{url} answered {status}", flush=True)
                direct = wrk(f"http://127.0.0.1:{arguments.port}{url}", arguments.seconds, 2)
                cached = wrk(f"{varnish.url}{url}", arguments.seconds, arguments.connections)
                results[code, name] = (direct, cached)
                print(
                    f"  {code} {name}: {direct['rps']:.0f} / {cached['rps']:.0f} req/s", flush=True
                )
            # Right after the paired portal page, so that both see the same machine.
            url = bakerydemo.url(name) if bakerydemo is not None else None
            if url:
                status = warm_up(url)
                if status != 200:
                    print(f"  bakerydemo {url} answered {status}", flush=True)
                bakerydemo_results[name] = wrk(url, arguments.seconds, 2)
                print(
                    f"  bakerydemo {name}: {bakerydemo_results[name]['rps']:.0f} req/s", flush=True
                )
    finally:
        if bakerydemo is not None:
            bakerydemo.stop()
        if varnish is not None:
            varnish.stop()
        gunicorn.terminate()
        gunicorn.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)

    database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
    text = (
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores: gunicorn 2 sync "
        f"workers, production settings, {database}, "
        f"Redis as the shared cache (bakerydemo: its per-process cache); wrk "
        f"{arguments.seconds} s per URL (2 connections uncached, "
        f"{arguments.connections} through Varnish).\n\n"
    )
    if bakerydemo is None:
        text += table(counts, results)
    else:
        from devtools.bench.bakerydemo import comparison_table

        measured_queries = {name: page["queries"] for name, page in bakerydemo.pages.items()}
        direct = {key: pair[0] for key, pair in results.items()}
        text += (
            table(counts, results, measured_queries)
            + "\n\nbakerydemo (its own gunicorn, 2 sync workers, same settings and wrk, measured "
            "right after the paired page; its queries as counted above):\n\n"
            + comparison_table(bakerydemo.pages, bakerydemo_results, direct, LANGUAGES)
        )
    print(text)
    write_between_markers(DOC, BEGIN, END, text)


if __name__ == "__main__":
    main()
