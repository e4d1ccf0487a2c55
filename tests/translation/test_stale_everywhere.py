"""One staleness truth: after the communicator changes a word in a paragraph the Arabic
translator had corrected, every view counts the Arabic page stale until the carried
paragraph is checked (``review.states.is_stale``).

Through the admin: the edit form POST as the communicator (pipeline against the local DeepL
server), then the queue, the coverage report (CSV), the draft status page, the digest and
the footer of the string in wagtail-localize's editor.
"""

import csv
import datetime
import io
import re

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail_localize.models import Translation

import pytest

from devtools.builders import make_user
from review.models import DigestRecord
from review.roles import COORDINATOR
from review.states import State, review_state
from tests.translation.test_carry_forward import (  # noqa: F401 - scene is a fixture
    HAND,
    NEW_PARAGRAPH,
    OLD_PARAGRAPH,
    editor_props,
    publish_in_admin,
    scene,
)
from translation.carry_forward import TOOL_NAME as CARRIED
from translation.models import CarriedForward

STALE_LABEL = str(State.STALE.label)
STALE_FOOTER = "Svenska texten har ändrats sedan översättningen – kontrollera"


def queue_stale_count(client) -> int:
    html = client.get(reverse("review:queue")).content.decode()
    match = re.search(r'data-state="stale">[^<]*: <strong>(\d+)</strong>', html)
    return int(match.group(1)) if match else 0


def coverage_stale(client, language="Arabiska") -> str:
    response = client.get(reverse("followup_coverage"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["Språk"]: row for row in csv.DictReader(io.StringIO(text))}
    return rows[language][STALE_LABEL]


def status_states(client, page) -> list[str]:
    html = client.get(reverse("translation_page_status", args=[page.pk])).content.decode()
    return re.findall(r'data-review-state="([^"]*)"', html)


def carried_footer(client, target):
    props = editor_props(client, target)
    [entry] = [t for t in props["initialStringTranslations"] if t["data"] == HAND]
    return entry


@pytest.mark.django_db
def test_a_changed_word_makes_the_page_stale_in_every_view(
    scene,  # noqa: F811 - the fixture imported above
    client,
    deepl,
    django_capture_on_commit_callbacks,
):
    page, target, ar = scene["page"], scene["target"], scene["ar"]
    arabic, communicator = scene["arabic"], scene["communicator"]
    arabic.email = "oversattare-ar@example.org"
    arabic.save()
    coordinator = make_user("samordnare", COORDINATOR)
    call_command("send_review_digests")  # today's digest of the machine drafts
    mail.outbox.clear()
    client.force_login(arabic)
    assert queue_stale_count(client) == 0
    client.force_login(coordinator)
    assert coverage_stale(client) == "0"

    client.force_login(communicator)
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_admin(client, page, old=OLD_PARAGRAPH, new=NEW_PARAGRAPH)
    carried = CarriedForward.objects.get().string_translation
    assert carried.data == HAND and carried.tool_name == CARRIED

    # The one rule says stale; every view reads it.
    assert review_state(page, ar).state == State.STALE
    client.force_login(arabic)
    assert queue_stale_count(client) == 1
    client.force_login(coordinator)
    assert coverage_stale(client) == "1"
    client.force_login(communicator)
    states = status_states(client, page)
    assert states.count("stale") == 1 and len(states) >= 2
    # The next day: yesterday's digest was sent before the change.
    DigestRecord.objects.update(last_sent_at=page.last_published_at - datetime.timedelta(days=1))
    call_command("send_review_digests")
    [message] = mail.outbox
    assert "1 översättning är inaktuell, den svenska texten har ändrats:" in message.body
    assert f"- {page.title} (ar)" in message.body

    # The editor's footer says it in Swedish, without the tick (the editor's error slot).
    client.force_login(arabic)
    footer = carried_footer(client, target)
    assert footer["error"] == STALE_FOOTER
    assert "Översatt med" not in (footer["comment"] or "")

    # Checked ("Texten stämmer"): up to date everywhere, the footer says so.
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=ar)
    client.post(reverse("review:keep_carried", args=[translation.pk, carried.pk]))
    assert review_state(page, ar).state != State.STALE
    assert queue_stale_count(client) == 0
    footer = carried_footer(client, target)
    assert not footer["error"]
    assert footer["comment"].startswith("Kontrollerad mot den ändrade svenska texten")
    client.force_login(coordinator)
    assert coverage_stale(client) == "0"
    client.force_login(communicator)
    assert "stale" not in status_states(client, page)
