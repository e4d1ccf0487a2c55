"""The demo site, put in once per test module and rolled back after it.

Besides the demo (home page in nine languages) it adds one Swedish subpage, "Om oss", that is
translated into English only and exists in Somali merely as an alias of the Swedish page: the
case where a language switcher must not pretend that a translation exists.
"""

from django.db import transaction
from django.test import TestCase

from wagtail.models import Locale

import pytest

from devtools.builders import add_child_page, publish_human_translation
from home.models import HomePage
from tests import shared_demo

ABOUT_SV = {"title": "Om oss", "intro": "Nässjö kommun arbetar med partner i Europa."}
ABOUT_EN = {
    "Om oss": "About us",
    "Nässjö kommun arbetar med partner i Europa.": "Nässjö works with partners in Europe.",
}


def build_site() -> dict:
    """Build the pages; call inside a transaction that the caller commits or rolls back."""
    # Built by the first module of the process that needs it, put back from its rows after.
    shared_demo.load_demo()
    sv_home = HomePage.objects.get(locale__language_code="sv")
    # HomePage allows no children in the admin; a test may still place one under it to get a
    # second routable page without depending on the content page types.
    about = add_child_page(sv_home, slug="om-oss", **ABOUT_SV)
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish_human_translation(about, Locale.objects.get(language_code="en"), ABOUT_EN)
    somali_alias = about.copy_for_translation(
        Locale.objects.get(language_code="so"), copy_parents=False, alias=True
    )
    return {"sv_home": sv_home, "about": about, "somali_alias": somali_alias}


@pytest.fixture(scope="module")
def site_pages(django_db_setup, django_db_blocker):
    """Module, not class, scope: pytest gives a class-scoped fixture a fresh instance for
    every test outside a class (each parameter too), which built the demo ten times in
    the two modules that use it, about four minutes of the suite."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_site()
        transaction.set_rollback(True)
