"""One served portal and one browser per journey module, built once, cleaned away after.

Every journey module builds its site once (``journey_site``), committed so the server
thread sees it, and its tests click through it in turn; building the demo for each test
would cost the suite minutes. The tests themselves are plain ``django_db`` tests: their
own ORM reads see what the server committed, and anything they write directly is rolled
back. pytest-django's ``live_server`` is not used, because it makes every test
transactional, and a transactional test empties the database when it ends.

When the module ends, the browser is closed first, then the database is emptied and the
rows that migrations made are put back (as Django's serialized rollback does), so the
tests that run after a journey module find the database as migrations left it.
"""

import io
import shutil
import threading
import time

from django.core.cache import cache
from django.db import connection
from django.test.utils import override_settings

import pytest
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from devtools.azure_server import LocalAzureServer
from devtools.deepl_server import LocalDeepLServer
from tests import shared_demo
from tests.browser import rows
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

from .harness import Journey

# The demo with its accounts, serialized by the first journey module of the run: loading
# it again from the rows takes a fraction of the time that building it takes.
_DEMO: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """The module's site keeps its media for all its tests (see ``journey_server``)."""


def _wait_for_requests(server: LiveServer, seconds: float = 180) -> None:
    """Let the server answer what it is still answering (a publish making its drafts, when a
    journey failed while waiting for it) before the database is emptied under it.

    Only the portal's own request threads: the local DeepL and Azure servers run in this
    process too, and a client's kept-alive connection holds one of their threads open until
    the server stops, which made every journey module wait the full three minutes.
    """
    httpd = getattr(server.thread, "httpd", None)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        busy = [
            thread
            for thread in threading.enumerate()
            if getattr(getattr(thread, "_target", None), "__self__", None) is httpd
        ]
        if not busy:
            return
        busy[0].join(timeout=1)


def _snapshot() -> str:
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        # No test of this run asked for a serialized rollback: serialize the rows now,
        # before the journey adds its site.
        contents = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = contents
    return contents


@pytest.fixture(scope="module")
def journey_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """The portal served on a free port, with the local DeepL and Azure servers behind it.

    Settings hold for the module: media in a temporary folder, DeepL pointed at the local
    server. Drafts are made when a Swedish page is published only once the site is built
    (``TRANSLATION_AUTO_DRAFTS`` is switched on by ``journey_site``): the demo's own
    publishes would otherwise translate every page into eight languages.
    """
    with django_db_blocker.unblock():
        contents = _snapshot()
    deepl = LocalDeepLServer("127.0.0.1", 0).start()
    deepl.reset(character_limit=1_000_000_000)
    # Somali and Tigrinya drafts come from the Azure engine, as a container: no key.
    azure = LocalAzureServer("127.0.0.1", 0).start()
    overrides = override_settings(
        AZURE_TRANSLATOR_ENDPOINT=azure.url,
        AZURE_TRANSLATOR_KEY="",
        # One folder for the run: the demo's images come back with its rows in later modules.
        MEDIA_ROOT=_DEMO.setdefault("media", str(tmp_path_factory.mktemp("journey-media"))),
        DEEPL_AUTH_KEY="test-key",
        DEEPL_SERVER_URL=deepl.url,
        TRANSLATION_AUTO_DRAFTS=False,
    )
    overrides.enable()
    # pytest-django's database guard is one switch for the whole process: the server's
    # threads need the database between tests too (a publish may still run its drafts).
    django_db_blocker.unblock()
    server = LiveServer("localhost:0")
    try:
        yield server
    finally:
        _wait_for_requests(server)
        server.stop()
        overrides.disable()
        deepl.stop()
        azure.stop()
        rows.restore(contents)
        django_db_blocker.restore()


@pytest.fixture(scope="module")
def journey_site(request, journey_server, django_db_blocker):
    """The module's site: the demo with its accounts, then the module's own ``build_site``.

    A journey module defines ``build_site()`` (called with the database open, returning
    what its tests need) when the demo alone is not enough.
    """
    from devtools.demo import users

    with django_db_blocker.unblock():
        if "demo" in _DEMO:
            shared_demo.restore(_DEMO["demo"])
        else:
            # The run's one build of ``load_demo --no-users`` (tests/shared_demo.py), then
            # the accounts that ``load_demo`` without ``--no-users`` adds.
            shared_demo.load_demo()
            users.ensure_superuser(io.StringIO())
            users.ensure_role_users(io.StringIO())
            _DEMO["demo"] = shared_demo.snapshot()
        # What was cached describes the rows before (as after the build).
        cache.clear()
        build = getattr(request.module, "build_site", None)
        built = build() if build else None
    with override_settings(TRANSLATION_AUTO_DRAFTS=True):
        yield built


@pytest.fixture(scope="module")
def journey_browser(journey_site):
    """One Chromium for the module, closed before the module's database is emptied.

    Playwright's sync API runs an event loop in this thread; Django's ORM calls between
    browser steps are synchronous and safe, so its async guard is lifted for the module.
    """
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()


@pytest.fixture
def journey(journey_browser, journey_server):
    """Open a watched session: ``journey(role, lang, width)``; closed when the test ends."""
    opened = []

    def open_journey(role: str, lang: str, width: int) -> Journey:
        session = Journey(journey_browser, journey_server.url, role, lang, width)
        opened.append(session)
        return session

    yield open_journey
    for session in opened:
        if session.context.pages:
            # The journey stopped before finish(): what it had seen so far goes to the
            # report (captured output), beside the error that stopped it.
            if session.problems:
                print(f"{session.role} ({session.lang}, {session.width}px) had also seen:")
                print("\n".join(session.problems))
            session.context.close()
