"""Facts that decide access are shared by every worker (issue 19, item 6).

The routing middleware serves a page without looking up view restrictions while the cached
fact "no page has view restrictions" holds. In a per-process memory cache only the process
that set a restriction forgot the fact: with two gunicorn workers, half the anonymous
requests got the protected page. So production refuses to start without a shared cache
(``REDIS_URL``), ``check --deploy`` says so for any settings, and, with Redis, a restriction
set by another process holds in every worker at once.

These tests start real gunicorn processes with the production settings (static files from
the finders, as collectstatic has not run: ``tests/operations/production_settings.py``).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings as django_settings

import pytest
import redis

from tests.translation.test_crash_recovery import database_url

ROOT = Path(__file__).resolve().parents[2]
# A Redis database of its own, emptied before and after (the suite's other users of Redis,
# scripts/topology.sh and the load test, use 7 and 0).
REDIS_URL = "redis://127.0.0.1:6379/13"
SECRET = "kommunikatorns-losenord"


def production_env(**extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.operations.production_settings",
            "SECRET_KEY": "production-like-test-key-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
        }
    )
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn(port: int, env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and application
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            "--no-control-socket",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def get(url: str) -> tuple[int, dict, str]:
    request = urllib.request.Request(url)  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def wait_until_serving(url: str, server: subprocess.Popen, log: Path) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise AssertionError(f"gunicorn stopped: {log.read_text()}")
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"gunicorn did not answer: {log.read_text()}")


def test_production_refuses_to_start_two_workers_without_a_shared_cache(tmp_path):
    log = tmp_path / "gunicorn.log"
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", REDIS_URL="")
    server = gunicorn(free_port(), env, log)
    try:
        returncode = server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    output = log.read_text()
    assert returncode != 0, output
    assert "ImproperlyConfigured" in output and "REDIS_URL" in output, output


def test_the_deploy_check_names_redis_url_for_a_cache_of_one_process():
    env = production_env(DJANGO_SETTINGS_MODULE="portal.settings.dev")
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "portal.E001" in output and "REDIS_URL" in output, output


@pytest.fixture
def shared_redis():
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    yield client
    client.flushdb()


@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="workers in other processes need a database server (PostgreSQL)",
)
def test_a_restriction_set_by_another_process_holds_in_every_worker(
    transactional_db, django_db_serialized_rollback, home_pages, shared_redis, tmp_path
):
    page = home_pages["sv"]
    text = "Här berättar Nässjö kommun"
    assert text in page.intro
    env = production_env(
        DATABASE_URL=database_url(django_settings.DATABASES["default"]), REDIS_URL=REDIS_URL
    )
    port = free_port()
    log = tmp_path / "gunicorn.log"
    server = gunicorn(port, env, log)
    url = f"http://127.0.0.1:{port}/sv/"
    try:
        wait_until_serving(url, server, log)
        # Every worker learns "no page has view restrictions" and serves the page.
        for _ in range(20):
            status, headers, body = get(url)
            assert status == 200 and text in body, log.read_text()
            assert "public" in headers.get("Cache-Control", "")

        # Another process (an editor's request on another host) sets a password.
        script = (
            "from wagtail.models import Page, PageViewRestriction\n"
            f"PageViewRestriction.objects.create(page=Page.objects.get(pk={page.pk}), "
            f"restriction_type='password', password='{SECRET}')\n"
        )
        subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )

        for _ in range(20):
            status, headers, body = get(url)
            assert "public" not in headers.get("Cache-Control", ""), headers
            assert 'name="password"' in body, f"{status}: the page itself was served"
            assert SECRET not in body and text not in body
    finally:
        server.terminate()
        server.wait(timeout=30)
