"""A 500 under the production settings writes one line with path and request id to stderr.

Runs a separate Python process with ``portal.settings.production`` (only the URLconf swapped
for one with a failing view, and static files unhashed, as collectstatic has not run), so
that the logging configuration is the one production loads. With ``SENTRY_DSN`` pointing at
a local stand-in, the same error arrives there, tagged with the request id.
"""

import json
import os
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import django, sys
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings

static = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(ROOT_URLCONF="tests.operations.failing_urls", STORAGES=static):
    client = Client(raise_request_exception=False)
    for request_id in sys.argv[1:]:
        response = client.get("/boom/?q=1", secure=True, headers={"X-Request-ID": request_id})
        print(response.status_code, response["X-Request-ID"])
import sentry_sdk
sentry_sdk.flush(5)
"""


def run_production(tmp_path, *request_ids, sentry_dsn=""):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "production-like-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        # Production refuses to start without a shared cache; a Redis database of its own.
        "REDIS_URL": "redis://127.0.0.1:6379/13",
        "SENTRY_DSN": sentry_dsn,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT, *request_ids],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_a_500_writes_one_line_with_path_request_id_and_traceback(tmp_path):
    result = run_production(tmp_path, "lb-1234abcd", "bad id\nFORGED LINE")
    statuses = result.stdout.split("\n")
    assert statuses[0] == "500 lb-1234abcd"
    generated = statuses[1].split()[1]
    assert statuses[1].startswith("500 ") and len(generated) == 32
    lines = [line for line in result.stderr.splitlines() if "Internal Server Error" in line]
    assert len(lines) == 2, result.stderr
    first, second = lines
    assert " ERROR django.request " in first
    assert "request_id=lb-1234abcd" in first
    assert "path=/boom/?q=1" in first
    assert "user=anonymous" in first
    # The traceback is on the same line, not on lines of its own.
    assert "RuntimeError: Avsiktligt fel för loggtestet" in first
    assert f"request_id={generated}" in second
    assert "FORGED LINE" not in result.stderr


class _Collector(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
        elif encoding == "br":
            # sentry-sdk prefers brotli once the module is installed (the font build needs it).
            body = brotli.decompress(body)
        self.bodies.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_stand_in():
    # Port 0: the system picks a free one, so parallel workers never collide.
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Collector.bodies = []
    yield server.server_address[1], _Collector.bodies
    server.shutdown()
    server.server_close()


def test_sentry_gets_the_error_when_a_dsn_is_set(tmp_path, sentry_stand_in):
    port, bodies = sentry_stand_in
    dsn = f"http://publickey@127.0.0.1:{port}/1"
    run_production(tmp_path, "sentry-req-0001", sentry_dsn=dsn)
    events = []
    for body in bodies:
        for line in body.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if item.get("exception"):
                events.append(item)
    assert len(events) == 1
    event = events[0]
    assert event["exception"]["values"][-1]["value"] == "Avsiktligt fel för loggtestet"
    assert event["tags"]["request_id"] == "sentry-req-0001"
    assert "cookies" not in event.get("request", {})
