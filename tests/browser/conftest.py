"""Chromium (Debian's, through Playwright) against pytest-django's live server.

The browser tests are skipped, with the reason, when /usr/bin/chromium or
node_modules/axe-core is missing (`npm ci` installs axe-core; `make test` runs it); under
CI (the environment variable ``CI`` set, as `.ci/run` does) they fail instead, with the
same reason: the journeys are the acceptance suite and must never pass by not running.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from wagtail.models import Locale

import pytest
from playwright.sync_api import sync_playwright

from devtools.builders import add_child_page, publish_human_translation
from followup.models import FollowUpPage
from home.models import HomePage
from tests import shared_demo
from tests.browser import rows
from tests.conftest import under_ci

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}


MISSING = pytest.StashKey[str]()


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        return "Debian's chromium is not installed (apt-get install chromium)"
    if not AXE.exists():
        return "node_modules/axe-core is missing (run `npm ci` at the repository root)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = missing_browser()
    if reason is None:
        return
    for item in items:
        if "browser" not in item.keywords:
            continue
        if under_ci():
            item.stash[MISSING] = reason
        else:
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_runtest_setup(item):
    if MISSING in item.stash:
        pytest.fail(f"CI is set and the browser tests cannot run: {item.stash[MISSING]}")


@pytest.fixture
def browser(monkeypatch):
    """A fresh Chromium per test, closed before the test's database teardown.

    Playwright's sync API runs an event loop (in a greenlet) in this thread. While it runs,
    Django sees another context and its database connections; a session-wide browser made
    the serialized rollback of the next test restore nothing. The ORM calls that the tests
    make between browser steps are still synchronous.
    """
    # Only for this test: a leaked variable would fail `check --deploy` in later tests.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source():
    return AXE.read_text(encoding="utf-8")


# The demo site's rows and files, kept by the first test of a worker that asks for it.
_DEMO_SITE: dict = {}


@pytest.fixture
def demo_site(transactional_db, django_db_serialized_rollback, settings, tmp_path_factory):
    """The demo, plus "Om oss": translated into English, only a Swedish alias in
    Somali and Tigrinya; and the follow-up page translated into Arabic and Tigrinya.

    Committed for the live server to see; the database is flushed after the test and the
    rows that migrations created (root page, default locale) come back for the next one.
    Built by the first test of a worker, from the run's one build of the demo
    (``tests/shared_demo.py``); later tests put its rows and images back with ``COPY``,
    which takes a fraction of the build.
    """
    if _DEMO_SITE:
        rows.copy_media(_DEMO_SITE["media"], settings.MEDIA_ROOT)
        shared_demo.restore(_DEMO_SITE["rows"])
        cache.clear()
        return
    build_demo_site()
    _DEMO_SITE["media"] = tmp_path_factory.mktemp("demo-site-media")
    rows.copy_media(settings.MEDIA_ROOT, _DEMO_SITE["media"])
    _DEMO_SITE["rows"] = shared_demo.snapshot()


def build_demo_site():
    shared_demo.load_demo()
    sv_home = HomePage.objects.get(locale__language_code="sv")
    about = add_child_page(
        sv_home, "Om oss", "om-oss", intro="Nässjö kommun arbetar med partner i Europa."
    )
    publish_human_translation(
        about,
        Locale.objects.get(language_code="en"),
        {
            "Om oss": "About us",
            "Nässjö kommun arbetar med partner i Europa.": "Nässjö works with partners in Europe.",
        },
    )
    for code in ["so", "ti"]:
        about.copy_for_translation(Locale.objects.get(language_code=code), alias=True)
    # The strategy's follow-up (charts, tables) in a right-to-left and an Ethiopic language,
    # and in Polish: without it the switcher's Polish fallback label ("strona główna") loads
    # the Latin Extended font (55 KB) on these pages, as on every page Polish lacks.
    follow_up = FollowUpPage.objects.get(locale__language_code="sv")
    strategy = follow_up.get_parent()
    polish = Locale.objects.get(language_code="pl")
    publish_human_translation(strategy, polish, {strategy.title: "Strategia"})
    for code, title in [("ar", "متابعة الاستراتيجية"), ("ti", "ክትትል ስትራተጂ"), ("pl", "Wyniki")]:
        publish_human_translation(
            follow_up, Locale.objects.get(language_code=code), {follow_up.title: title}
        )


@pytest.fixture
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
