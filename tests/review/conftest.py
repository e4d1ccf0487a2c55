import datetime

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
from tests.review.review_helpers import AGENCY_BODY, run_on_commit


@pytest.fixture
def tree(db):
    """Locales, a Swedish home with one child page, human homes in ar, so and uk, roles."""
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
    return {"home": home, "page": page}


@pytest.fixture
def users(tree):
    return {
        "kommunikator": make_user("kommunikator", COMMUNICATOR),
        "samordnare": make_user("samordnare", COORDINATOR),
        "ar": make_user("oversattare-ar", translator_group_name("ar")),
        "so": make_user("oversattare-so", translator_group_name("so")),
        "uk": make_user("oversattare-uk", translator_group_name("uk")),
        "admin": make_user("admin", superuser=True),
    }


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
