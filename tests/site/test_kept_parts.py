"""Parts of a live page kept for the content generation (core/fragments.py): read again at no
cost, and never older than what they show, never a draft, never the wrong clock or language.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest
import time_machine

from core import content_cache
from core.date_status import DateStatus
from devtools import builders
from organisation.models import OrganisationSettings

pytestmark = pytest.mark.django_db


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def kept_listing_entries() -> int:
    return sum(":fragment:listing:" in key for key in content_cache._local.entries)


def test_a_page_read_again_costs_no_query(client, tree):
    news = builders.NewsPageFactory(parent=tree["news"], lead="En ingress om utbytet.")
    text(client, news.url)
    with CaptureQueriesContext(connection) as queries:
        body = text(client, news.url)
    assert "En ingress om utbytet." in body
    assert len(queries) == 0


def test_a_publish_shows_at_the_next_read(client, tree):
    news = builders.NewsPageFactory(parent=tree["news"], lead="Den första ingressen.")
    assert "Den första ingressen." in text(client, news.url)
    assert "Den första ingressen." in text(client, tree["news"].url)

    news.lead = "Den andra ingressen."
    news.save_revision().publish()

    for url in (news.url, tree["news"].url):
        body = text(client, url)
        assert "Den andra ingressen." in body
        assert "Den första ingressen." not in body


def test_a_preview_neither_reads_nor_leaves_a_kept_part(client, tree):
    # The reader on the host a preview is made for (the site's), so that only the guard
    # keeps the two apart.
    client.defaults["HTTP_HOST"] = Site.objects.get(is_default_site=True).hostname
    news = builders.NewsPageFactory(parent=tree["news"], lead="Den publicerade ingressen.")
    text(client, news.url)  # the reader's part is kept now

    news.lead = "Utkastets ingress."
    draft = news.save_revision().as_object()
    response = draft.make_preview_request()
    if hasattr(response, "render"):
        response.render()
    preview = response.content.decode()

    assert "Utkastets ingress." in preview
    assert "Den publicerade ingressen." not in preview
    body = text(client, news.url)
    assert "Den publicerade ingressen." in body
    assert "Utkastets ingress." not in body


def test_an_opportunity_closes_at_its_deadline_without_a_publish(client, tree):
    now = timezone.now()
    opportunity = builders.OpportunityPageFactory(
        parent=tree["opportunities"],
        opens_at=now - datetime.timedelta(days=10),
        deadline=now + datetime.timedelta(hours=1),
    )
    assert "opportunity status-open" in text(client, opportunity.url)
    assert "opportunity-item status-open" in text(client, tree["opportunities"].url)
    # Read twice: the open page and listing are kept.
    text(client, opportunity.url)
    text(client, tree["opportunities"].url)

    with time_machine.travel(now + datetime.timedelta(hours=2), tick=False):
        assert "opportunity status-closed" in text(client, opportunity.url)
        listing = text(client, tree["opportunities"].url)
        assert "opportunity-item status-closed" in listing
        assert "status-open" not in listing
        assert "status-open" not in text(client, f"{tree['opportunities'].url}?status=closed")


def test_a_project_ends_at_midnight_without_a_publish(client, tree):
    today = timezone.localdate()
    project = builders.ProjectPageFactory(
        parent=tree["projects"], starts_on=today - datetime.timedelta(days=30), ends_on=today
    )
    ongoing = f'<span class="badge">{project.status_label}</span>'
    assert ongoing in text(client, tree["projects"].url)
    assert ongoing in text(client, project.url)
    text(client, tree["projects"].url)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1), tick=False):
        finished = f'<span class="badge">{project.status_label}</span>'
        assert finished != ongoing
        for url in (tree["projects"].url, project.url):
            body = text(client, url)
            assert finished in body
            assert ongoing not in body


def test_the_clock_key_changes_at_every_date_and_only_there():
    # As ``DateStatus.dates`` gives them: days as their ordinals.
    dates = [
        float(datetime.date(2026, 1, 10).toordinal()),
        float(datetime.date(2026, 3, 1).toordinal()),
    ]
    clock = DateStatus.clock
    before, at, after = (datetime.date(2026, 1, day) for day in (9, 10, 11))
    assert len({clock(dates, before), clock(dates, at), clock(dates, after)}) == 3
    assert clock(dates, after) == clock(dates, datetime.date(2026, 2, 28))


def test_a_kept_clock_reads_only_the_dates_its_entry_can_meet(tree):
    """The dates within the entry's lifetime (an index range), not every opportunity's; the
    clock still changes exactly when now passes one of them."""
    from international.choices import OPPORTUNITY_STATUS
    from international.models import OpportunityPage

    now = timezone.now().replace(microsecond=0)
    hour = datetime.timedelta(hours=1)
    near = builders.OpportunityPageFactory(
        parent=tree["opportunities"], opens_at=now - 30 * 24 * hour, deadline=now + 2 * hour
    )
    builders.OpportunityPageFactory(
        parent=tree["opportunities"], opens_at=now + 10 * 24 * hour, deadline=now + 40 * 24 * hour
    )
    opportunities = OpportunityPage.objects.child_of(tree["opportunities"])
    assert OPPORTUNITY_STATUS.dates(opportunities, now - hour, now + 25 * hour) == [
        near.deadline.timestamp()
    ]

    def clock(moment):
        with time_machine.travel(moment, tick=False):
            return OPPORTUNITY_STATUS.kept_clock("test-dates", (1,), lambda: opportunities, moment)

    content_cache.bump()
    assert clock(now) == clock(now + hour)
    assert clock(now + 3 * hour) != clock(now + hour)
    # Past the kept window (a day later than the entry could live): a clock of its own.
    assert len({clock(now + 30 * 24 * hour), clock(now + 31 * 24 * hour)}) == 2


def test_an_opportunity_closes_on_its_listing_long_after_the_kept_dates(client, tree):
    """A deadline three weeks ahead is outside the kept dates; the listing read again then
    still shows the opportunity closed."""
    now = timezone.now()
    day = datetime.timedelta(days=1)
    opportunity = builders.OpportunityPageFactory(
        parent=tree["opportunities"], opens_at=now - day, deadline=now + 20 * day
    )
    open_badge = f'<span class="badge">{opportunity.status_label}</span>'
    text(client, tree["opportunities"].url)
    assert open_badge in text(client, tree["opportunities"].url)
    with time_machine.travel(now + 21 * day, tick=False):
        closed_badge = f'<span class="badge">{opportunity.status_label}</span>'
        assert closed_badge != open_badge
        for _read in range(2):
            body = text(client, tree["opportunities"].url)
            assert closed_badge in body
            assert open_badge not in body


def test_an_organisation_change_shows_in_the_kept_header_and_footer(client, tree):
    site = Site.objects.get(is_default_site=True)
    settings = OrganisationSettings.objects.create(site=site, name="Första kommun")
    assert "Första kommun" in text(client, tree["contact"].url)
    text(client, tree["contact"].url)

    settings.name = "Andra kommun"
    settings.save()

    body = text(client, tree["contact"].url)
    assert "Andra kommun" in body
    assert "Första kommun" not in body


def test_an_image_change_starts_a_new_generation(db):
    from wagtail.images import get_image_model

    from wagtail_factories import ImageFactory

    image = ImageFactory()
    before = content_cache.generation()
    image.title = "En annan bild"
    image.save()
    assert content_cache.generation() != before
    assert get_image_model().objects.filter(pk=image.pk).exists()


def test_each_language_keeps_its_own_parts(client, home_pages):
    swedish = text(client, "/sv/")
    arabic = text(client, "/ar/")
    text(client, "/sv/")
    arabic_again = text(client, "/ar/")
    footer_sv = "Webbplatsen sätter inga kakor"
    assert footer_sv in swedish
    assert footer_sv not in arabic_again
    assert arabic_again == arabic


def test_any_text_after_page_leaves_no_kept_listing(client, tree):
    for number in range(3):
        builders.NewsPageFactory(parent=tree["news"], title=f"Nyhet nummer {number}")
    text(client, tree["news"].url)
    kept = kept_listing_entries()
    assert kept == 1
    for hostile in ("abc", "-1", "9" * 40, "1.0", "1%00"):
        assert "Nyhet nummer 0" in text(client, f"{tree['news'].url}?page={hostile}")
    assert kept_listing_entries() == kept


def test_only_paths_that_name_a_page_or_its_fixed_route_are_kept(client, tree):
    def kept_routes() -> int:
        return sum(":route:" in key for key in content_cache._local.entries)

    text(client, tree["news"].url)
    text(client, tree["news"].url + "rss/")
    kept = kept_routes()
    assert kept >= 2
    for hostile in ("finns-inte/", "rss/extra/", "a" * 200 + "/", "%00/"):
        assert client.get(tree["news"].url + hostile).status_code == 404
    assert client.get("/sv/finns-inte/alls/").status_code == 404
    assert kept_routes() == kept
