"""The cost does not grow with the content: the same queries at 1× and at 10× the demo.

The demo's Swedish content (without its translation walk-through, the slow part of
``load_demo``) is built once for the module; the measured pages are published in Arabic and
Tigrinya. Every view of ``make bench-scale`` is counted (the second of two requests, the
shared cache warm), and the PO exchange page and the translators' daily digest job; then
``load_demo --scale``'s generator (``devtools/demo/scale.py``) adds nine times the demo's
pages, each in every translation state in eight languages, with reader reports, usage months
and indicator figures, and every view is counted again. "Does not grow" means the same
number, view by view. Everything is rolled back at the end.

A reader page read again costs no query (its route and its rendered parts are kept for the
content generation, core/fragments.py), so each reader page is also counted on its first
read after a change (a new generation: nothing kept), where every query is made.
"""

import datetime
import io

from django.core import mail
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from wagtail.models import Locale, Page

import pytest

from core import content_cache
from devtools.bench.pages import SECTION_PAGES, pick
from devtools.bench.site import translate_for_measurement
from devtools.demo import followup, home, international, organisation, scale
from operations import purge
from review.digests import send_review_digests
from review.models import DigestRecord, ReaderReport
from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name
from translation.models import UsageRecord

pytestmark = pytest.mark.django_db

SCALE = 10
LANGUAGES = ("sv", "ar", "ti")
READER = pick(*SECTION_PAGES, "follow-up", "news feed (RSS)", "calendar (iCal)")
PUBLISHED = "nyheter/ungdomsutbyte-i-morag/"
ROLES = ("translator", "coordinator", "communicator")
# The admin views each role opens (the others answer with a redirect or 403, also counted).
ALLOWED = {
    "review queue": {"translator", "coordinator"},
    "review queue, stale": {"translator", "coordinator"},
    "review queue, hardest first": {"translator", "coordinator"},
    "review queue, fact findings": {"translator", "coordinator"},
    "dashboard": {"translator", "coordinator", "communicator"},
    "drafts status": {"translator", "communicator"},
    "page explorer": {"translator", "coordinator", "communicator"},
    "coverage report": {"coordinator"},
    "usage report": {"coordinator"},
    "po exchange": {"translator", "coordinator"},
}


def swedish(path: str) -> Page:
    root = Page.objects.get(depth=2, locale__language_code="sv")
    return Page.objects.get(url_path=root.url_path + path).specific


def queries(client: Client, url: str) -> tuple[int, int]:
    """(status, queries) of the second of two requests."""
    client.get(url)
    connection.queries_log.clear()  # a full log (9,000 queries) would count nothing
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured)


def first_read(client: Client, url: str) -> tuple[int, int]:
    """(status, queries) of the first request after a change: nothing kept yet."""
    content_cache.bump()
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured)


def people() -> dict:
    from django.contrib.auth import get_user_model

    groups = setup_roles()
    users = {}
    for role, group in (
        ("translator", translator_group_name("ar")),
        ("coordinator", COORDINATOR),
        ("communicator", COMMUNICATOR),
    ):
        # An address: the translator gets the daily digest.
        user = get_user_model().objects.create(
            username=f"scale-{role}", email=f"scale-{role}@example.test"
        )
        user.groups.add(groups[group])
        users[role] = user
    return users


def publish_cost(user) -> tuple[int, int]:
    """(queries of one Swedish publish, URLs it purges)."""
    page = swedish(PUBLISHED)
    page.lead += " Ändrad."
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        page.save_revision(user=user).publish(user=user)
    return len(captured), len(purge.urls_showing(page))


def digest_cost() -> tuple[int, int]:
    """(queries of the daily digest job with no digest sent before, lines it mailed)."""
    DigestRecord.objects.all().delete()
    mail.outbox = []
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        send_review_digests(now=datetime.datetime(2030, 1, 1, 12, tzinfo=datetime.UTC))
    DigestRecord.objects.all().delete()
    return len(captured), sum(message.body.count("\n- ") for message in mail.outbox)


def measure(users) -> dict:
    cache.clear()
    counts = {}
    reader = Client()
    for name, path in READER.items():
        for code in LANGUAGES:
            counts[name, code] = queries(reader, f"/{code}/{path}")
            counts[name, f"{code}, first read"] = first_read(reader, f"/{code}/{path}")
    counts["sitemap", ""] = queries(reader, "/sitemap.xml")
    item = swedish(PUBLISHED)
    index = swedish("nyheter/")
    arabic = Locale.objects.get(language_code="ar")
    for role in ROLES:
        client = Client()
        client.force_login(users[role])
        # A translator works on their own language's pages.
        page, listing = (
            (item.get_translation(arabic), index.get_translation(arabic))
            if role == "translator"
            else (item, index)
        )
        for name, url in {
            "review queue": reverse("review:queue"),
            "review queue, stale": reverse("review:queue") + "?state=stale",
            "review queue, hardest first": reverse("review:queue") + "?sort=lix",
            "review queue, fact findings": reverse("review:queue") + "?facts=1",
            "dashboard": reverse("wagtailadmin_home"),
            "drafts status": reverse("translation_page_status", args=[page.pk]),
            "page explorer": reverse("wagtailadmin_explore", args=[listing.pk]),
            "coverage report": reverse("followup_coverage"),
            "usage report": reverse("translation_usage"),
            "po exchange": reverse("review:po_exchange"),
        }.items():
            counts[name, role] = queries(client, url)
    counts["publish", "queries"], counts["publish", "purged URLs"] = publish_cost(
        users["communicator"]
    )
    counts["digests", "queries"], counts["digests", "lines"] = digest_cost()
    return counts


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """{(view, language or role): (queries at 1×, queries at SCALE×)}, and the site's size."""
    out = io.StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(TRANSLATION_AUTO_DRAFTS=False):
            swedish_home = home.load(out)
            organisation.load(out)
            international.load(swedish_home, out)
            followup.load_under(swedish_home, out)
            translate_for_measurement(LANGUAGES[1:], READER.values())
            users = people()
            # Once before measuring: renditions, content types read into memory.
            measure(users)
            before = measure(users)
            pages_before = Page.objects.count()
            scale.load(swedish_home, SCALE, out)
            after = measure(users)
            grown = {
                "pages": (pages_before, Page.objects.count()),
                "reports": ReaderReport.objects.count(),
                "usage rows": UsageRecord.objects.count(),
            }
        transaction.set_rollback(True)
    cache.clear()
    return {key: (before[key], after[key]) for key in before}, grown


def test_the_content_grew(counts):
    _views, grown = counts
    before, after = grown["pages"]
    # Nine times the demo's news, opportunities and projects, in most languages.
    assert after - before > (SCALE - 1) * 22 * 5
    assert grown["reports"] >= 3 * SCALE
    assert grown["usage rows"] >= 8 * 2 * SCALE


def test_the_digest_lists_more_with_more_content(counts):
    views, _grown = counts
    lines_before, lines_after = views["digests", "lines"]
    assert 0 < lines_before < lines_after


VIEWS = [
    *((name, code) for name in READER for code in LANGUAGES),
    *((name, f"{code}, first read") for name in READER for code in LANGUAGES),
    ("sitemap", ""),
    *((name, role) for name in ALLOWED for role in ROLES),
    ("publish", "queries"),
    ("publish", "purged URLs"),
    ("digests", "queries"),
]


def test_each_role_opens_its_views(counts):
    views, _grown = counts
    for (name, who), (at_one, at_scale) in views.items():
        if name in READER or name == "sitemap":
            assert at_one[0] == at_scale[0] == 200, (name, who)
        elif name in ALLOWED:
            opens = who in ALLOWED[name]
            assert (at_one[0] == 200) == opens and (at_scale[0] == 200) == opens, (name, who)


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: " ".join(part for part in view if part))
def test_same_cost_with_more_content(counts, view):
    views, _grown = counts
    at_one, at_scale = views[view]
    assert at_one == at_scale, f"{view}: {at_one} at 1×, {at_scale} at {SCALE}×"
