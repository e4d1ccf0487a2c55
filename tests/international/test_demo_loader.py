"""The demo loader builds the whole site once; running it again changes nothing."""

from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, TranslationSource

import pytest

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
]


def snapshot():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    # The command commits in production; run what it defers to the commit here as well.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--no-users", stdout=StringIO())


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

    opportunity = OpportunityPage.objects.get(slug="ungdomsutbyte-italien")
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
