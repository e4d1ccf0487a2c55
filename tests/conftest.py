"""Shared fixtures: catalogs, locales, the Swedish home page as the site root, the content tree."""

import io
import os

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Locale

import pytest

from devtools import builders
from devtools.demo import home as demo_home
from devtools.demo.home import ensure_swedish_home
from home.models import HomePage
from tests import shared_demo


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    name = "PostgreSQL" if "postgresql" in engine else "SQLite"
    header = f"database: {name} ({engine})"
    workers = getattr(config.option, "numprocesses", None)
    if workers:
        header += f", one test database for each of {workers} workers (pytest-xdist)"
    return header


def under_ci() -> bool:
    """`.ci/run` exports CI=1 (as hosted CI services do)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_as_failure(report) -> None:
    """Under CI a skipped test is a failed one: a missing service (PostgreSQL, Varnish,
    chromium, the S3 stand-in) must not let the suite pass by not running what needs it.
    Expected failures (xfail) are not skips and stay as they are."""
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"CI is set and this test would have been skipped: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if under_ci():
        skip_as_failure(report)
    return report


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile` (pyproject.toml) in pytest-django's order: tests/parallel_scheduling.py."""
    if config.getvalue("dist") != "loadfile":
        return None
    from tests.parallel_scheduling import OrderedFileScheduling

    return OrderedFileScheduling(config, log)


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs(django_db_blocker):
    """Django activates Somali and Tigrinya only when their compiled catalogs exist.

    Every xdist worker runs this: the command skips fresh catalogs and renames each new
    .mo file into place, so workers never read one half-written.
    """

    call_command("compile_catalogs", stdout=io.StringIO())


@pytest.fixture(scope="session", autouse=True)
def _demo_shared_between_workers(tmp_path_factory):
    """Under pytest-xdist, the first worker that needs the demo builds it for the others
    (tests/shared_demo.py), in the run's temporary folder: a worker's own folder is inside it.
    One process alone keeps the build in memory."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared_demo.share_between_workers(tmp_path_factory.getbasetemp().parent / "shared-demo")


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """pytest-django's ``django_db_setup`` (4.14), except that under pytest-xdist on PostgreSQL
    only the first worker migrates: the others copy its freshly migrated database
    (tests/database_template.py), which saves a worker three quarters of a minute of
    migrations on CI. Elsewhere, and whenever the copy is not possible, as before."""
    from django.test.utils import setup_databases, teardown_databases

    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    from tests import database_template

    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    folder = tmp_path_factory.getbasetemp().parent / "shared-database" if worker else None

    def create():
        return setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            keepdb=keepdb,
        )

    with django_db_blocker.unblock():
        if worker and database_template.usable(aliases, django_db_use_migrations, keepdb):
            db_cfg = database_template.setup(folder, worker, create)
        else:
            db_cfg = create()

    yield

    if not django_db_keepdb:
        with django_db_blocker.unblock():
            try:
                teardown_databases(db_cfg, verbosity=request.config.option.verbose)
            except Exception as exc:  # noqa: BLE001 - as pytest-django: a warning, not an error
                request.node.warn(
                    pytest.PytestWarning(f"Error when trying to teardown test databases: {exc!r}")
                )
            if folder is not None:
                database_template.drop_template(folder)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches the site root paths; page ids from an earlier test must not leak in."""
    cache.clear()
    yield
    cache.clear()


# The modules whose tests never ask when the home pages were made (no clock, no travel in
# time): there the first test of a process builds them and the others get the same rows put
# back (``tests/shared_demo.built_once``), a tenth of the build. Elsewhere each test builds.
HOME_PAGES_BUILT_ONCE = {
    "tests.core.test_explorer_buttons",
    "tests.home.test_languages",
    "tests.operations.test_http_cache",
    "tests.operations.test_purge_urls",
    "tests.operations.test_shared_facts",
    "tests.portal.test_admin",
    "tests.site.test_absolute_urls",
    "tests.site.test_protected_page_cookies",
    "tests.site.test_sitemap_index",
    "tests.site.test_sitemap_urls",
}


def build_home_pages() -> None:
    demo_home.load(io.StringIO())


@pytest.fixture
def home_pages(db, request):
    """The locales, the site and a published home page in every language."""
    if request.module.__name__ in HOME_PAGES_BUILT_ONCE:
        shared_demo.built_once("home pages", build_home_pages)
    else:
        build_home_pages()

    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture
def locales(db):
    """A Wagtail locale for every language of the site, by language code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


@pytest.fixture
def home(locales):
    return ensure_swedish_home(locales["sv"])


@pytest.fixture
def english_home(home, locales):
    page = home.copy_for_translation(locales["en"])
    page.title = "Nässjö in the world"
    page.save_revision().publish()
    return page


@pytest.fixture
def tree(home):
    """The section pages under the Swedish home, without items."""
    return {
        "home": home,
        "strategy": builders.StrategyPageFactory(parent=home),
        "news": builders.NewsIndexPageFactory(parent=home),
        "opportunities": builders.OpportunityIndexPageFactory(parent=home),
        "projects": builders.ProjectIndexPageFactory(parent=home),
        "partners": builders.PartnersPageFactory(parent=home),
        "contact": builders.ContactPageFactory(parent=home),
        "accessibility": builders.AccessibilityStatementPageFactory(parent=home),
    }
