import io

import pytest

from portal.demo import home as demo_home


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    name = "PostgreSQL" if "postgresql" in engine else "SQLite"
    return f"database: {name} ({engine})"


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs(django_db_blocker):
    """Django activates Somali and Tigrinya only when their compiled catalogs exist."""
    from django.core.management import call_command

    call_command("compile_catalogs", stdout=io.StringIO())


@pytest.fixture
def home_pages(db):
    """The locales, the site and a published home page in every language."""
    demo_home.load(io.StringIO())
    from home.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
