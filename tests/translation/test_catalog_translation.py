"""`translate_catalogs` through the real DeepL client and the local server."""

import io
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import override_settings

import polib
import pytest

from translation.models import UsageRecord


@pytest.fixture
def english_catalog(tmp_path):
    folder = tmp_path / "locales" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Hoppa till innehållet", msgstr="Skip to content"))
    po.append(polib.POEntry(msgid="Sök på webbplatsen", msgstr=""))
    po.append(polib.POEntry(msgid="Vi svarar inom %(days)s dagar.", msgstr=""))
    path = folder / "django.po"
    po.save(str(path))
    with override_settings(LOCALE_PATHS=[tmp_path / "locales"]):
        yield Path(path)


@pytest.mark.django_db
def test_missing_catalog_entries_are_machine_translated_and_marked_fuzzy(
    deepl, locales, english_catalog
):
    call_command("translate_catalogs", "--language", "en", stdout=io.StringIO())

    entries = {entry.msgid: entry for entry in polib.pofile(str(english_catalog))}
    search = entries["Sök på webbplatsen"]
    assert search.msgstr.startswith("[EN-GB]")
    assert "fuzzy" in search.flags
    assert "%(days)s" in entries["Vi svarar inom %(days)s dagar."].msgstr
    assert entries["Hoppa till innehållet"].msgstr == "Skip to content"
    assert "fuzzy" not in entries["Hoppa till innehållet"].flags
    requests = deepl.translate_requests("EN-GB")
    assert [request["texts"] for request in requests] == [2]
    assert requests[0]["context"] is None  # unrelated interface strings: no context
    assert UsageRecord.objects.get(locale=locales["en"]).characters > 0


@pytest.mark.django_db
def test_a_deepl_fault_ends_the_command_cleanly_and_keeps_the_catalog(
    deepl, locales, english_catalog
):
    before = english_catalog.read_text()
    deepl.set_faults(fail_next=[403])

    with pytest.raises(CommandError, match="machine translation failed"):
        call_command("translate_catalogs", "--language", "en", stdout=io.StringIO())

    assert english_catalog.read_text() == before
