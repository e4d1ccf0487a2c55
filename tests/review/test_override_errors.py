"""A link override with an error is dropped when the translation goes live (wagtail-localize
builds the page without it, so the Swedish link is used): the translator is told, in the
editor and when publishing, naming the field and the error (issue 19, item 7)."""

from django.contrib.messages import get_messages

from wagtail.rich_text import RichText
from wagtail_localize.models import OverridableSegment, SegmentOverride

import pytest

from devtools import builders
from devtools.builders import translate
from tests.review.review_helpers import run_on_commit


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def flagged(tree, users):
    index = builders.NewsIndexPageFactory(parent=tree["home"], slug="nyheter")
    news = builders.NewsPageFactory(
        parent=index,
        body=[("paragraph", RichText('<p>Läs <a href="https://www.nassjo.se/">mer</a>.</p>'))],
    )
    news.save_revision().publish()
    target = translate(news, "ar", kind="manual", publish=True, user=users["ar"])
    segment = OverridableSegment.objects.filter(
        source__object_id=news.translation_key, context__path__startswith="body."
    ).latest("pk")
    SegmentOverride.objects.create(
        locale=target.locale,
        context=segment.context,
        data_json='"javascript:alert(1)"',
        has_error=True,
        field_error="Ange en giltig webbadress.",
    )
    return target


def test_the_editor_warns_about_the_flagged_override(client, users, flagged):
    client.force_login(users["ar"])
    response = client.get(f"/admin/pages/{flagged.pk}/edit/")
    text = " ".join(messages_of(response))
    assert "brödtext" in text and "Ange en giltig webbadress." in text


def test_publishing_says_the_override_was_left_out(client, users, flagged):
    client.force_login(users["ar"])
    with run_on_commit():
        response = client.post(f"/admin/pages/{flagged.pk}/edit/", {"action": "publish"})
    text = " ".join(messages_of(response))
    assert "brödtext" in text and "svenska länken" in text
