import os
import subprocess
import sys
from pathlib import Path

from portal.settings import base

PROJECT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 20 + "-a-long-random-production-secret-value-for-the-check",
        ALLOWED_HOSTS="international.nassjo.se",
        REDIS_URL="redis://127.0.0.1:6379/13",
        BASE_URL="https://international.nassjo.se",
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        ALLOWED_HOSTS="international.nassjo.se",
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_deploy_check_wants_the_public_https_address_as_base_url():
    result = run_manage(
        "check",
        "--deploy",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 20 + "-a-long-random-production-secret-value-for-the-check",
        ALLOWED_HOSTS="international.nassjo.se",
        REDIS_URL="redis://127.0.0.1:6379/13",
        BASE_URL="http://127.0.0.1:8000",
    )

    assert result.returncode != 0
    assert "portal.E002" in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_shared_cache():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="y" * 60,
        ALLOWED_HOSTS="international.nassjo.se",
        REDIS_URL="",
    )

    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="y" * 60,
    )

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_base_settings_are_production_safe():
    assert base.DEBUG is False
    assert base.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
    assert base.WAGTAIL_GRAVATAR_PROVIDER_URL is None
