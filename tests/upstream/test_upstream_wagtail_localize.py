"""wagtail-localize behaviour that ``review/drafts.py``, ``translation/pipeline.py`` and
``review/editor_direction.py`` work around."""

import json
import re
from html import unescape
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.urls import reverse

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

import pytest
from upstream_guard import changed


def start_translation(page, locale) -> Translation:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return Translation.objects.create(source=source, target_locale=locale)


def translate_title(translation: Translation, text: str) -> None:
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": text, "translation_type": "manual"},
    )


@pytest.mark.django_db
def test_save_target_without_publish_still_writes_the_live_row(sv_en, throwaway_page):
    """wagtail-localize #655: no draft translation of a live page."""
    _sv, en = sv_en
    page = throwaway_page("Källsida")
    translation = start_translation(page, en)
    translation.save_target(publish=False)
    target = page.get_translation(en)
    target.save_revision().publish()
    target.refresh_from_db()
    assert target.live and target.title == "Källsida"

    translate_title(translation, "Unreviewed machine title")
    translation.save_target(publish=False)

    target.refresh_from_db()
    assert target.live and target.title == "Unreviewed machine title", changed(
        "review/drafts.py",
        "Translation.save_target(publish=False) no longer writes the translated fields into "
        "the live row of an existing target page",
    )


@pytest.mark.django_db
def test_translating_a_child_still_makes_its_untranslated_parent_a_live_alias(
    sv_en, throwaway_page, settings
):
    """Parents are copied as live aliases even with SYNC_LIVE_STATUS_ON_TRANSLATE off."""
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
    _sv, en = sv_en
    parent = throwaway_page("Förälder")
    child = throwaway_page("Barn", parent=parent)

    start_translation(child, en).save_target(publish=False)

    copied_parent = parent.get_translation(en)
    assert copied_parent.alias_of_id == parent.pk and copied_parent.live, changed(
        "translation/pipeline.py (_ensure_ancestors, which translates parents first)",
        "translating a page no longer creates its untranslated parents as live aliases",
    )


@pytest.mark.django_db
def test_the_translation_editor_still_knows_no_text_direction(sv_en, throwaway_page, client):
    """wagtail-localize #197: the editor renders values and textareas without lang/dir."""
    _sv, en = sv_en
    page = throwaway_page("Riktning")
    translation = start_translation(page, en)
    translation.save_target(publish=False)
    target = page.get_translation(en)
    admin = get_user_model().objects.create_superuser("guard-admin", "a@example.invalid", "x")
    client.force_login(admin)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()

    props = json.loads(unescape(re.search(r'data-props="([^"]*)"', html).group(1)))
    bundle = Path(finders.find("wagtail_localize/js/wagtail-localize.js")).read_text("utf-8")
    message = changed(
        "review/editor_direction.py (and review/static/review/editor_direction.*)",
        "the translation editor now passes or sets a text direction itself",
    )
    assert set(props["locale"]) == {"code", "displayName"}, message
    assert set(props["sourceLocale"]) == {"code", "displayName"}, message
    assert "rtl" not in bundle.lower(), message


def test_the_editor_still_fetches_choosers_from_the_admin_apis_without_checking():
    """The editor's choosers read the admin APIs and use any answer as the object."""
    bundle = Path(finders.find("wagtail_localize/js/wagtail-localize.js")).read_text("utf-8")
    message = changed(
        "review/editor_media.py (and the snippet scope in review/localize_guards.py)",
        "the translation editor no longer fetches chosen images, documents, pages and "
        "snippets from /admin/api/main/ and localize/api/snippets/ without checking the answer",
    )
    for fetched in (
        "api/main/images/${",
        "api/main/documents/${",
        "api/main/pages/${",
        "localize/api/snippets/${",
    ):
        assert fetched in bundle, message
    assert "e=>e.json()).then(" in bundle.replace(" ", ""), message


def test_the_editor_still_writes_footers_from_tool_name_and_error():
    """wagtail-localize's footer: "Translated with {tool_name} on {date}", a tick unless the
    string's ``error`` is set; only the template's ``data-props`` carries them."""
    import datetime

    from django.utils import translation

    import wagtail_localize
    from wagtail_localize.models import StringTranslation

    template = (
        Path(wagtail_localize.__file__).parent
        / "templates/wagtail_localize/admin/edit_translation.html"
    )
    bundle = Path(finders.find("wagtail_localize/js/wagtail-localize.js")).read_text("utf-8")
    message = changed(
        "review/editor_footers.py and review/templates/wagtail_localize/admin/"
        "edit_translation.html",
        "the translation editor's template, its string footer or its use of error/comment changed",
    )
    assert 'data-props="{{ props }}"' in template.read_text("utf-8"), message
    assert "isErrored:!!e.error,comment:e.error?e.error:e.comment" in bundle.replace(" ", ""), (
        message
    )
    row = StringTranslation(tool_name="X", translation_type="manual")
    row.updated_at = datetime.datetime(2026, 12, 4)
    with translation.override("en"):
        assert row.get_comment() == "Translated with X on 4 December 2026", message
