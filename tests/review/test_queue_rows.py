"""The review queue's rows kept as HTML (review/queue_rows.py): a kept row changes with its
pair, a person's CSRF token and a reader's contact are never kept."""

import datetime
import re

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest
import time_machine

from core import content_cache
from devtools.builders import make_user, translate
from review import queue_rows
from review.models import ReaderReport, ReviewApproval
from review.roles import translator_group_name
from tests.review.test_review_queue import rows


@pytest.fixture
def later(tree):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=True):
        yield


def row_html(response, page, code) -> str:
    html = response.content.decode()
    start = html.index(f'<tr data-page="{page.pk}" data-locale="{code}">')
    return html[start : html.index("</tr>", start)]


def machine_strings(response, page, code) -> int:
    cell = row_html(response, page, code).split('data-label="Maskinöversatta texter">', 1)[1]
    return int(cell.split("<", 1)[0])


def test_a_kept_row_changes_with_its_pair(client, users, tree, later):
    """A string edited in the editor changes no content generation: the row is read again
    because its stored state was written again."""
    page = tree["page"]
    translate(page, "ar")
    client.force_login(users["ar"])
    before = machine_strings(client.get(reverse("review:queue")), page, "ar")
    assert before >= 2
    edited = StringTranslation.objects.filter(
        locale__language_code="ar", context__object_id=page.translation_key
    ).first()
    edited.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    edited.data = "نص راجعه المترجم"
    edited.save()
    assert machine_strings(client.get(reverse("review:queue")), page, "ar") == before - 1


def test_a_row_is_computed_once_until_its_pair_changes(client, users, tree, later, monkeypatch):
    page = tree["page"]
    translate(page, "ar")
    computed = []
    render = queue_rows.render
    monkeypatch.setattr(
        queue_rows, "render", lambda rows, *args: computed.extend(rows) or render(rows, *args)
    )
    client.force_login(users["ar"])
    client.get(reverse("review:queue"))
    assert (page.pk, "ar") in {(row.source_page_id, row.locale.language_code) for row in computed}
    computed.clear()
    response = client.get(reverse("review:queue"))
    assert computed == []
    assert rows(response, "machine_draft") == [(page.pk, "ar")]


def csrf_input(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_each_person_gets_their_own_csrf_token_in_a_kept_row(users, tree, later):
    """Two Arabic translators see the same kept row; each approves with the token of their
    own page (a kept token would be refused as the other person's)."""
    page = tree["page"]
    target = translate(page, "ar")
    colleague = make_user("oversattare-ar-2", translator_group_name("ar"))
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(users["ar"])
    second.force_login(colleague)
    first_row = row_html(first.get(reverse("review:queue")), page, "ar")
    second_row = row_html(second.get(reverse("review:queue")), page, "ar")
    assert queue_rows.PLACEHOLDER not in first_row + second_row
    assert csrf_input(first_row) != csrf_input(second_row)
    response = second.post(
        reverse("review:approve", args=[target.pk]),
        {"csrfmiddlewaretoken": csrf_input(second_row)},
    )
    assert response.status_code == 302
    assert ReviewApproval.objects.get().approved_by == colleague


def test_a_reader_contact_is_not_kept(client, users, tree, later):
    target = translate(tree["page"], "ar", publish=True)
    report = ReaderReport.objects.create(
        page=target,
        locale=Locale.objects.get(language_code="ar"),
        part=ReaderReport.Part.BODY,
        problem="Fel ord <!--portal:report-contact--> i andra stycket",
        contact="anna.larsson@example.se",
    )
    client.force_login(users["ar"])
    html = client.get(reverse("review:queue")).content.decode()
    # Once, in its own cell: the placeholder in the reader's text stays text.
    assert html.count("anna.larsson@example.se") == 1
    assert "Fel ord &lt;!--portal:report-contact--&gt; i andra stycket" in html
    kept = b"".join(
        value
        for value in [*cache._cache.values(), *content_cache._local.entries.values()]
        if isinstance(value, bytes)
    )
    assert b"Fel ord" in kept and b"anna.larsson" not in kept
    # Erased after the retention period (review.retention): gone from the next view too.
    ReaderReport.objects.filter(pk=report.pk).update(contact="")
    html = client.get(reverse("review:queue")).content.decode()
    assert "anna.larsson@example.se" not in html and "Fel ord" in html


@pytest.mark.parametrize(
    "query",
    [
        "?state=missing&page=abc",
        "?state=missing&page=-5",
        "?state=missing&page=999999999999",
        "?state=%3Cscript%3E&page=2",
        "?sort=lix&state=missing&page=2",
        "?facts=1&state=stale&page=0",
        "?page=3",
    ],
)
def test_hostile_queries_get_a_page_of_rows(client, users, tree, later, query):
    translate(tree["page"], "ar")
    client.force_login(users["samordnare"])
    response = client.get(reverse("review:queue") + query)
    assert response.status_code == 200
    # An unknown state is dropped, never written back into the page.
    assert "state=<script>" not in response.content.decode()
