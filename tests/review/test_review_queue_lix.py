"""The review queue by LIX: hardest first, pages per band, from the stored scores, in the
same number of queries for 3 and for 30 waiting pages."""

import datetime
import re
from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest
import time_machine

from devtools.builders import add_child_page, translate
from readability.models import PublishedLix
from readability.page_text import page_readability
from review.states import WAITING_STATES, review_items

TEXTS = [
    "Vi bor här. Det är bra.",
    "Vi vill göra mer med våra vänner i andra länder. Vi tar fram en plan i år.",
    "Kommunen samarbetar med andra kommuner i Europa. Vi deltar i projekt om miljö.",
    "Kommunstyrelsen beslutade att uppdra åt förvaltningen att utreda förutsättningarna "
    "för ett fördjupat internationellt utvecklingssamarbete inom befintliga verksamhetsplaner.",
]


@pytest.fixture
def later(tree):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=True):
        yield


def add_pages(home, start, count):
    return [
        add_child_page(home, f"Sida {n}", f"sida-{n}", intro=TEXTS[n % len(TEXTS)])
        for n in range(start, start + count)
    ]


def queue(client, query=""):
    response = client.get(reverse("review:queue") + query)
    assert response.status_code == 200
    return response.content.decode()


def queries(client, query="") -> int:
    queue(client, query)  # what only a first view does (recording older data) is not counted
    with CaptureQueriesContext(connection) as captured:
        queue(client, query)
    return len(captured)


def section(html, state):
    return html.split(f'id="state-{state}"', 1)[1].split("</section>", 1)[0]


def listed_scores(html, state) -> list[tuple[int, str]]:
    """(page id, data-lix) of each row of a state's section, in order."""
    return [
        (int(page_id), score)
        for page_id, score in re.findall(
            r'<tr data-page="(\d+)".*?<td data-lix="([^"]*)"', section(html, state), re.S
        )
    ]


def band_counts(html) -> dict[str, int]:
    return {
        key: int(count)
        for key, count in re.findall(
            r'data-lix-band="([\w-]+)">LIX [^:]+: <strong>(\d+)</strong>', html
        )
    }


def expected_bands(language_code) -> Counter:
    pages = {
        item.source_page.pk: item.source_page
        for item in review_items({language_code})
        if item.state in WAITING_STATES
    }
    return Counter(page_readability(page.specific).lix.band[0] for page in pages.values())


def test_same_queries_for_3_and_30_waiting_pages(client, users, tree, later):
    translate(tree["page"], "ar")  # one machine draft besides the missing translations
    add_pages(tree["home"], 0, 3)
    client.force_login(users["ar"])
    few = (queries(client), queries(client, "?sort=lix"))
    add_pages(tree["home"], 3, 27)
    many = (queries(client), queries(client, "?sort=lix"))
    assert many == few
    html = queue(client, "?sort=lix&state=missing")
    assert len(listed_scores(html, "missing")) >= 30


def test_hardest_first_and_pages_per_band(client, users, tree, later):
    pages = add_pages(tree["home"], 0, 8)
    translate(pages[0], "ar")
    client.force_login(users["ar"])
    html = queue(client, "?sort=lix")

    missing = listed_scores(html, "missing")
    scores = [float(score) for _pk, score in missing]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > 60 > scores[-1]
    for pk, score in missing:
        page = next((p for p in [*pages, tree["page"], tree["home"]] if p.pk == pk), None)
        if page is not None:
            assert float(score) == page_readability(page.specific).lix.score

    counts = band_counts(html)
    assert counts == dict(expected_bands("ar"))
    assert sum(counts.values()) >= len(missing)
    # Without ?sort=lix the oldest comes first, as before.
    plain = [pk for pk, _score in listed_scores(queue(client), "missing")]
    assert plain != [pk for pk, _score in missing]


def test_a_page_published_before_the_store_is_scored_once(client, users, tree, later):
    page = Page.objects.get(pk=tree["page"].pk)
    PublishedLix.objects.filter(page=page).delete()
    client.force_login(users["ar"])
    html = queue(client)
    expected = page_readability(page.specific).lix.score
    assert (page.pk, str(expected)) in listed_scores(html, "missing")
    row = PublishedLix.objects.get(page=page)
    assert (row.score, row.revision_id) == (expected, page.live_revision_id)


def test_the_queue_shows_the_published_score_not_the_draft(client, users, tree, later):
    page = tree["page"].specific
    published = PublishedLix.objects.get(page=page).score
    page.intro = TEXTS[-1]
    page.save_revision()  # a harder draft, not published: translators translate what is live
    client.force_login(users["ar"])
    assert (page.pk, str(published)) in listed_scores(queue(client), "missing")
