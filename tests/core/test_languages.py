"""The one language table: every place that needs a language fact reads it from there."""

import io
import sys
import types

from django.conf import settings
from django.core.management import call_command
from django.utils.translation import get_language_info

from wagtail.models import Locale

import pytest

from core.languages import BY_CODE, language_direction
from review.editor_direction import language_table
from review.roles import translator_group_name


def test_every_site_language_is_in_the_table_with_its_autonym():
    assert [(code, BY_CODE[code].autonym) for code, _name in settings.LANGUAGES] == list(
        settings.LANGUAGES
    )


def test_django_and_wagtail_know_somali_and_tigrinya():
    assert get_language_info("ti")["name_local"] == "ትግርኛ"
    assert get_language_info("so")["bidi"] is False
    assert Locale(language_code="ti").get_display_name() == "ትግርኛ"


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("ti", "ltr")])
def test_one_direction_for_the_site_and_the_translation_editor(code, direction):
    assert language_direction(code) == direction
    assert language_table()[code] == {"dir": direction}


def test_a_language_outside_the_table_takes_djangos_direction():
    assert language_direction("he") == "rtl"
    assert language_direction("de") == "ltr"


def test_translator_groups_are_named_in_swedish_from_the_table():
    assert translator_group_name("ti") == "Översättare tigrinska"
    assert translator_group_name("fa") == "Översättare persiska"


def test_the_admin_offers_the_languages_wagtail_has_catalogs_for():
    codes = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
    assert "sv" in codes and "ar" in codes
    assert "so" not in codes and "ti" not in codes


def test_catalogs_are_not_sent_to_deepl_for_languages_it_lacks(monkeypatch):
    # The same table decides for the draft pipeline: no DeepL code, no machine translation.
    calls = []
    machine = types.ModuleType("translation.machine")
    machine.translate_texts = lambda texts, target_lang: calls.append(target_lang) or texts
    monkeypatch.setitem(sys.modules, "translation.machine", machine)
    stderr = io.StringIO()
    call_command(
        "translate_catalogs",
        "--language",
        "so",
        "--language",
        "ti",
        stdout=io.StringIO(),
        stderr=stderr,
    )
    assert calls == []
    assert "so: DeepL cannot translate" in stderr.getvalue()
    assert "ti: DeepL cannot translate" in stderr.getvalue()
