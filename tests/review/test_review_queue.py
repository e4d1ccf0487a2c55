"""The review queue, the approve action and the admin home panel."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from devtools.builders import translate
from review.models import ReviewApproval
from review.states import State, review_state


@pytest.fixture
def later(tree):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=True):
        yield


def rows(response, state):
    """(page id, locale) rows listed under one state's section."""
    html = response.content.decode()
    if f'id="state-{state}"' not in html:
        return []
    section = html.split(f'id="state-{state}"', 1)[1].split("</section>", 1)[0]
    found = []
    for chunk in section.split("<tr data-page=")[1:]:
        page_id = chunk.split('"')[1]
        locale = chunk.split('data-locale="', 1)[1].split('"', 1)[0]
        found.append((int(page_id), locale))
    return found


def test_translator_sees_only_own_locale(client, users, tree, later):
    page = tree["page"]
    translate(page, "ar")
    translate(page, "uk")
    client.force_login(users["ar"])
    response = client.get(reverse("review:queue"))
    assert response.status_code == 200
    assert rows(response, "machine_draft") == [(page.pk, "ar")]
    assert all(locale == "ar" for _pk, locale in rows(response, "missing"))
    assert "submit/page/" not in response.content.decode()


def test_coordinator_sees_every_locale(client, users, tree, later):
    page = tree["page"]
    translate(page, "ar")
    translate(page, "uk")
    client.force_login(users["samordnare"])
    response = client.get(reverse("review:queue"))
    assert set(rows(response, "machine_draft")) == {(page.pk, "ar"), (page.pk, "uk")}
    missing_locales = {locale for _pk, locale in rows(response, "missing")}
    assert {"so", "fa", "ti"} <= missing_locales
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert submit_url in response.content.decode()


def test_queue_lists_oldest_first(client, users, tree):
    home, page = tree["home"], tree["page"]
    start = timezone.now() + datetime.timedelta(hours=1)
    with time_machine.travel(start, tick=False) as clock:
        translate(page, "ar")
        clock.shift(datetime.timedelta(hours=2))
        translate(home, "ar")  # already human; now machine text, a newer draft
        client.force_login(users["ar"])
        response = client.get(reverse("review:queue") + "?state=machine_draft")
    assert rows(response, "machine_draft") == [(page.pk, "ar"), (home.pk, "ar")]


def test_communicator_has_no_queue(client, users):
    client.force_login(users["kommunikator"])
    response = client.get(reverse("review:queue"))
    assert response.status_code in (302, 403)


def test_approve_records_current_revision(client, users, tree, later):
    target = translate(tree["page"], "ar")
    client.force_login(users["ar"])
    response = client.post(reverse("review:approve", args=[target.pk]))
    assert response.status_code == 302
    approval = ReviewApproval.objects.get()
    assert approval.page_id == target.pk
    assert approval.revision == target.latest_revision
    assert approval.approved_by == users["ar"]
    assert ["intro", "Kommunen samarbetar i Europa."] in approval.source_segments
    response = client.get(reverse("review:queue"))
    assert rows(response, "in_review") == [(tree["page"].pk, "ar")]


def test_approve_refused_in_other_locale_and_by_get(client, users, tree, later):
    target = translate(tree["page"], "uk")
    client.force_login(users["ar"])
    response = client.post(reverse("review:approve", args=[target.pk]))
    assert response.status_code in (302, 403)
    assert not ReviewApproval.objects.exists()
    client.force_login(users["uk"])
    assert client.get(reverse("review:approve", args=[target.pk])).status_code == 405


def test_approve_needs_csrf_token(users, tree, later):
    target = translate(tree["page"], "ar")
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["ar"])
    response = client.post(reverse("review:approve", args=[target.pk]))
    assert response.status_code == 403
    assert not ReviewApproval.objects.exists()


def test_stale_translation_shows_source_diff(client, users, tree, later):
    page = tree["page"]
    translate(page, "ar", kind="manual", publish=True)
    page = page.specific
    page.intro = "Kommunen samarbetar med hela världen."
    page.save_revision().publish()
    client.force_login(users["ar"])
    response = client.get(reverse("review:queue"))
    assert rows(response, "stale") == [(page.pk, "ar")]
    html = response.content.decode()
    # Word by word: what was removed and what was added, the rest as it was.
    assert (
        "Kommunen samarbetar <del>i</del><ins>med</ins> <del>Europa.</del><ins>hela världen.</ins>"
    ) in html


def test_home_panel_summarises_queue(client, users, tree, later):
    translate(tree["page"], "ar")
    client.force_login(users["ar"])
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert 'id="review-queue-section"' in html
    assert "Maskinutkast väntar på granskning: 1" in html
    client.force_login(users["kommunikator"])
    assert (
        'id="review-queue-section"' not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_translator_refreshes_stale_translation(client, users, tree, later):
    page = tree["page"]
    target = translate(page, "ar", kind="manual", publish=True)
    page = page.specific
    page.intro = "Kommunen samarbetar med hela världen."
    page.save_revision().publish()
    page.refresh_from_db()
    assert review_state(page, target.locale).state == State.STALE
    client.force_login(users["ar"])
    response = client.post(reverse("review:refresh", args=[target.pk]))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[target.pk])
    item = review_state(page, target.locale)
    # Up to date with the Swedish page, stale until the carried sentence is checked.
    assert item.state == State.STALE and not item.source_behind
    # The translator's intro is carried over to the new sentence, marked for checking.
    assert item.strings_to_check == 1
    editor = client.get(response.url).content.decode()
    assert "Kommunen samarbetar med hela v" in editor  # props are ASCII-escaped JSON
    target.refresh_from_db()
    assert target.live and target.has_unpublished_changes

    client.force_login(users["uk"])
    assert client.post(reverse("review:refresh", args=[target.pk])).status_code in (302, 403)


def test_queue_shows_one_page_of_each_state(client, users, tree, monkeypatch):
    """The overview lists the OVERVIEW_PER_STATE longest waiting of each state; the state's
    link lists all of them, PER_PAGE a page."""
    from review import views

    monkeypatch.setattr(views, "OVERVIEW_PER_STATE", 2)
    monkeypatch.setattr(views, "PER_PAGE", 3)
    client.force_login(users["samordnare"])
    response = client.get(reverse("review:queue"))
    missing = rows(response, "missing")
    assert len(missing) == 2
    html = response.content.decode()
    total = int(html.split('id="state-missing"', 1)[1].split("(", 1)[1].split(")", 1)[0])
    assert total > 6
    assert f'href="?state=missing">Visa alla ({total})' in html

    seen = []
    for number in range(1, -(-total // 3) + 1):
        page = client.get(reverse("review:queue") + f"?state=missing&page={number}")
        assert len(rows(page, "missing")) == min(3, total - len(seen))
        seen += rows(page, "missing")
    assert len(seen) == total
    assert len(set(seen)) == total
    # The overview's rows are the state's first: the longest waiting.
    assert seen[:2] == missing
    last = client.get(reverse("review:queue") + "?state=missing&page=2")
    assert 'rel="prev"' in last.content.decode()


def test_queue_shows_the_oldest_reader_reports_and_links_to_more(client, users, tree, monkeypatch):
    """The overview lists the OVERVIEW_PER_STATE oldest open reports; ``?reports=1`` lists
    them alone, PER_PAGE a page, every report once."""
    from wagtail.models import Locale

    from review import views
    from review.models import ReaderReport

    monkeypatch.setattr(views, "OVERVIEW_PER_STATE", 2)
    monkeypatch.setattr(views, "PER_PAGE", 3)
    target = translate(tree["page"], "ar", publish=True)
    arabic = Locale.objects.get(language_code="ar")
    for number in range(5):
        ReaderReport.objects.create(
            page=target, locale=arabic, part=ReaderReport.Part.BODY, problem=f"Fel nummer {number}"
        )
    client.force_login(users["ar"])

    def problems(response):
        html = response.content.decode()
        section = html.split('id="reader-reports"', 1)[1].split("</section>", 1)[0]
        return [n for n in range(5) if f"Fel nummer {n}<" in section], html

    shown, html = problems(client.get(reverse("review:queue")))
    assert shown == [0, 1]
    assert 'href="?reports=1" data-reports="all">Visa alla (5)' in html
    assert 'id="state-' in html

    shown, html = problems(client.get(reverse("review:queue") + "?reports=1"))
    assert shown == [0, 1, 2]
    assert "Sida 1 av 2" in " ".join(html.split())
    assert 'rel="next" href="?reports=1&amp;page=2"' in html
    assert 'id="state-' not in html and 'data-reports="all"' not in html

    shown, html = problems(client.get(reverse("review:queue") + "?reports=1&page=2"))
    assert shown == [3, 4]
    assert 'rel="prev" href="?reports=1&amp;page=1"' in html and 'rel="next"' not in html
    # Past the last page, or not a number: the nearest page, never an error.
    assert problems(client.get(reverse("review:queue") + "?reports=1&page=9"))[0] == [3, 4]
    assert problems(client.get(reverse("review:queue") + "?reports=1&page=x"))[0] == [0, 1, 2]


def test_queue_says_when_no_reader_report_is_open(client, users, tree):
    client.force_login(users["ar"])
    html = client.get(reverse("review:queue") + "?reports=1").content.decode()
    assert "Inga öppna rapporter från läsare." in html
    assert 'id="reader-reports"' not in html
