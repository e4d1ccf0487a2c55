import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale, Page, Site

import pytest
import time_machine

from devtools.builders import (
    add_child_page,
    make_user,
    publish_human_translation,
    start_translation,
)
from devtools.demo.home import ensure_locales
from home.models import HomePage
from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name
from tests import shared_demo
from tests.review.review_helpers import AGENCY_BODY, run_on_commit

# The modules whose tests never ask when the tree or the users were made (no clock, no
# travel in time): there the first test of a process builds them and the others get the same
# rows put back (``tests/shared_demo.built_once``), a fraction of the build. The other
# modules compare times with "now" and build their own, as every test did before.
BUILT_ONCE = {
    "tests.review.test_admin_url_guard",
    "tests.review.test_facts_publish",
    "tests.review.test_fuzzy_editor",
    "tests.review.test_locale_sync",
    "tests.review.test_move_confirm",
    "tests.review.test_override_errors",
    "tests.review.test_publish_paths",
    "tests.review.test_restrictions",
    "tests.review.test_review_editor_direction",
    "tests.review.test_review_permissions",
    "tests.review.test_review_po",
    "tests.review.test_review_roles",
    "tests.review.test_review_snippet_locale",
    "tests.review.test_review_xliff",
    "tests.review.test_source_delete",
    "tests.review.test_tmx_import",
    "tests.review.test_upstream_500s",
    "tests.review.test_xliff_schemas",
}


def built_for(request, name: str, build):
    if request.module.__name__ in BUILT_ONCE:
        return shared_demo.built_once(name, build)
    return build()


def build_tree() -> dict:
    ensure_locales()
    sv = Locale.objects.get(language_code="sv")
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = root.add_child(
        instance=HomePage(title="Nässjö i världen", slug="start", intro="Välkommen", locale=sv)
    )
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "N"},
    )
    for code in ("ar", "so", "uk"):
        with run_on_commit():
            publish_human_translation(
                home, Locale.objects.get(language_code=code), {"Nässjö i världen": f"Hem {code}"}
            )
    page = add_child_page(home, "Strategin", "strategin", intro="Kommunen samarbetar i Europa.")
    setup_roles()
    return {"home": home.pk, "page": page.pk}


@pytest.fixture
def tree(db, request):
    """Locales, a Swedish home with one child page, human homes in ar, so and uk, roles."""
    ids = built_for(request, "review tree", build_tree)
    return {name: HomePage.objects.get(pk=pk) for name, pk in ids.items()}


def build_users() -> dict:
    return {
        name: user.pk
        for name, user in {
            "kommunikator": make_user("kommunikator", COMMUNICATOR),
            "samordnare": make_user("samordnare", COORDINATOR),
            "ar": make_user("oversattare-ar", translator_group_name("ar")),
            "so": make_user("oversattare-so", translator_group_name("so")),
            "uk": make_user("oversattare-uk", translator_group_name("uk")),
            "admin": make_user("admin", superuser=True),
        }.items()
    }


@pytest.fixture
def users(tree, request):
    ids = built_for(request, "review users", build_users)
    return {name: get_user_model().objects.get(pk=pk) for name, pk in ids.items()}


@pytest.fixture
def so_work(tree):
    """A Swedish page waiting for an agency in Somali (and Arabic): the PO and XLIFF
    exchanges work on the same page, its body with markup and a placeholder."""
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=True):
        page = tree["page"].specific
        page.body = AGENCY_BODY
        page.save_revision().publish()
        target = start_translation(page, "so")
        start_translation(page, "ar")
        yield {"page": page, "target": target}
