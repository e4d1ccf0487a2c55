"""The demo loader builds the whole site once; running it again changes nothing."""

from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

import pytest

from followup import coverage
from home.models import FooterContent, NavigationLink
from international.models import (
    Goal,
    NewsPage,
    OpportunityPage,
    Partner,
    Programme,
    ProjectPage,
    Topic,
)
from review.models import ReaderReport, ReviewApproval, StringApproval
from review.states import State, review_items
from tests import shared_demo

MODELS = [
    Page,
    Revision,
    Partner,
    Programme,
    Topic,
    Goal,
    NavigationLink,
    FooterContent,
    get_image_model(),
    StringTranslation,
    StringApproval,
    ReviewApproval,
    ReaderReport,
]


def snapshot():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo(db):
    """What ``load_demo --no-users`` leaves, built once per test process and put back from
    its rows after (tests/shared_demo.py; what the command defers to the commit has run)."""
    shared_demo.load_demo()


def test_loader_is_idempotent(demo, django_capture_on_commit_callbacks):
    before = snapshot()
    latest = dict(Page.objects.values_list("pk", "latest_revision_id"))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--no-users", stdout=out)
    assert snapshot() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == latest
    assert "international content: 0 objects created" in out.getvalue()


def test_demo_content_is_rich_enough(demo):
    assert NewsPage.objects.live().count() >= 8
    assert OpportunityPage.objects.live().count() >= 10
    statuses = {page.status for page in OpportunityPage.objects.live()}
    assert statuses == {"open", "upcoming", "closed"}
    assert len({page.kind for page in OpportunityPage.objects.all()}) == 5
    assert ProjectPage.objects.live().count() >= 3
    assert len({page.status for page in ProjectPage.objects.all()}) == 3
    partners = list(Partner.objects.all())
    assert sum(partner.is_current for partner in partners) >= 5
    twin_towns = [partner for partner in partners if partner.is_twin_town]
    assert {partner.ended_on.isoformat() for partner in twin_towns} == {"2022-08-17"}
    assert {"erasmus-plus", "esf-plus", "interreg", "nordplus"} <= set(
        Programme.objects.values_list("slug", flat=True)
    )
    # Invented content is marked as an example; the seed's facts are not.
    assert all(page.is_example for page in OpportunityPage.objects.all())
    assert all(page.is_example for page in ProjectPage.objects.all())
    assert not any(partner.is_example for partner in twin_towns)
    assert all(page.image and page.image_alt for page in NewsPage.objects.all())


def test_every_demo_page_renders(demo, client):
    pages = Page.objects.live().filter(locale__language_code="sv", depth__gt=1).specific()
    assert pages.count() > 30
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    for url in ("/sv/nyheter/rss/", "/sv/nyheter/atom/", "/sv/mojligheter/kalender/"):
        assert client.get(url).status_code == 200, url


def test_every_language_home_still_renders(demo, client):
    for code in ("sv", "en", "ar", "fa", "so", "ti", "uk", "pl", "fi"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert f'lang="{code}"' in response.content.decode()


def test_translatable_and_synchronised_fields(demo):
    """What goes to translators is text; dates, links and flags are copied as they are."""

    opportunity = OpportunityPage.objects.get(
        slug="ungdomsutbyte-italien", locale__language_code="sv"
    )
    source, _created = TranslationSource.get_or_create_from_instance(opportunity)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert opportunity.title in texts
    assert opportunity.summary in texts
    assert not any(opportunity.contact_email in text for text in texts)
    partner = Partner.objects.get(slug="bronderslev")
    source, _created = TranslationSource.get_or_create_from_instance(partner)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert partner.name in texts
    assert "bronderslev" not in texts
    for page in Page.objects.filter(locale__language_code="sv", depth__gt=2).specific():
        TranslationSource.get_or_create_from_instance(page)


def _states(items, code, slugs=None):
    return [
        item.state
        for item in items
        if item.locale.language_code == code and (slugs is None or item.source_page.slug in slugs)
    ]


def test_demo_is_half_way_through_translation(demo, client):
    """Issue 18, part 9: the demo shows the states the portal computes, per language."""
    items = review_items()
    shares = {row.code: row.share for row in coverage.coverage_now()}
    # Coverage differs per language: English is furthest, Finnish and Polish have begun.
    assert shares["en"] > shares["ar"] > shares["uk"] > shares["so"] > shares["ti"] > shares["fi"]
    assert len(set(shares.values())) >= 6

    strategy = {page.slug for page in Page.objects.filter(locale__language_code="sv", depth=3)}
    strategy = {"strategi"} | set(
        Page.objects.get(slug="strategi", locale__language_code="sv")
        .get_children()
        .filter(content_type__model="strategyareapage")
        .values_list("slug", flat=True)
    )
    news = set(NewsPage.objects.filter(locale__language_code="sv").values_list("slug", flat=True))
    opportunities = set(
        OpportunityPage.objects.filter(locale__language_code="sv").values_list("slug", flat=True)
    )
    for code in ("en", "ar", "uk"):
        reviewed = State.PUBLISHED_REVIEWED
        assert _states(items, code, strategy).count(reviewed) > len(strategy) / 2, code
        assert _states(items, code, news).count(reviewed) >= 1, code
        assert _states(items, code, opportunities).count(reviewed) >= 2, code
    assert _states(items, "en", news).count(State.PUBLISHED_REVIEWED) >= 3

    # Machine drafts wait for their translators.
    assert State.MACHINE_DRAFT in _states(items, "fa")
    assert State.MACHINE_DRAFT in _states(items, "fi")

    # Polish allows unreviewed machine text: published, and its readers see the notice.
    machine = [item for item in items if item.state == State.PUBLISHED_MACHINE]
    assert {item.locale.language_code for item in machine} == {"pl"}
    page = machine[-1].target_page
    html = client.get(page.url).content.decode()
    assert 'class="translation-notice"' in html
    reviewed_page = next(
        item.target_page
        for item in items
        if item.state == State.PUBLISHED_REVIEWED
        and item.locale.language_code == "ar"
        and item.source_page.depth > 2
    )
    assert 'class="translation-notice"' not in client.get(reviewed_page.url).content.decode()

    # One page changed in Swedish after its Arabic translation was reviewed: the Arabic
    # translator's text was carried forward unchecked, which counts as stale everywhere.
    outdated = [
        (item.source_page.slug, item.locale.language_code)
        for item in items
        if item.state == State.STALE
    ]
    assert outdated == [("europa-direkt-utbildning", "ar")]

    # One open reader report.
    open_reports = ReaderReport.objects.filter(resolved_at__isnull=True)
    assert open_reports.count() == 1
    assert open_reports.get().locale.language_code == "pl"

    # Somali and Tigrinya pages came back from the agency: live, every string by a person.
    for code, texts in (("so", "Warar ku saabsan iskaashiga"), ("ti", "ዜናታት ብዛዕባ ምትሕብባር")):
        live = Page.objects.live().filter(locale__language_code=code, depth__gt=2)
        assert live.count() >= 2, code
        agency = [
            item for item in items if item.locale.language_code == code and item.target_page in live
        ]
        assert len(agency) == live.count()
        for item in agency:
            assert item.state == State.PUBLISHED_REVIEWED
            assert item.strings
            for string in item.strings:
                assert string.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
                assert string.tool_name == "PO"  # what the PO import writes
        index = live.get(content_type__model="newsindexpage")
        assert texts in client.get(index.url).content.decode()
