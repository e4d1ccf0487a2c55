"""The interface catalogs: complete in every language, and the machine-translation command."""

import ast
import datetime
import io
import re
import sys
import types
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

import polib
import pytest

LOCALES = Path(settings.BASE_DIR) / "locales"
SOURCE = settings.LANGUAGE_CODE
TARGETS = [code for code, _name in settings.LANGUAGES if code != SOURCE]


def catalog(code, root=LOCALES):
    return polib.pofile(str(root / code / "LC_MESSAGES" / "django.po"))


def untranslated(entry):
    if entry.obsolete:
        return False
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not entry.msgstr_plural or not all(v.strip() for v in entry.msgstr_plural.values())
    return not entry.msgstr.strip()


GETTEXT_FUNCTIONS = {  # name -> index of the msgid argument
    "_": 0,
    "gettext": 0,
    "gettext_lazy": 0,
    "gettext_noop": 0,
    "ngettext": 0,
    "ngettext_lazy": 0,
    "pgettext": 1,
    "pgettext_lazy": 1,
    "npgettext": 1,
}
TEMPLATE_TRANSLATE = re.compile(
    r'{%\s*(?:translate|trans)\s+"(?P<msgid>[^"]+)"(?:\s+context\s+"(?P<context>[^"]+)")?'
)


def project_sources(pattern):
    base = Path(settings.BASE_DIR)
    apps = [app for app in settings.INSTALLED_APPS if (base / app / "apps.py").exists()]
    assert "review" in apps and "portal" in apps, apps
    for app in apps:
        for path in (base / app).rglob(pattern):
            if "migrations" not in path.parts:
                yield path
    if pattern == "*.html":
        yield from (Path(settings.BASE_DIR) / "site" / "templates").rglob(pattern)


def messages_in_code():
    """(context, msgid, where) of every literal the code and templates translate: what
    `make messages` would extract, read without gettext's tools."""
    for path in project_sources("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            index = GETTEXT_FUNCTIONS.get(name)
            if index is None or len(node.args) <= index:
                continue
            msgid = node.args[index]
            context = node.args[0] if index else None
            if isinstance(msgid, ast.Constant) and isinstance(msgid.value, str):
                yield (context.value if context else None, msgid.value, f"{path}:{node.lineno}")
    for path in project_sources("*.html"):
        for match in TEMPLATE_TRANSLATE.finditer(path.read_text()):
            # The template tag looks its literal up with "%" doubled (django.template.base).
            yield match["context"], match["msgid"].replace("%", "%%"), str(path)


def test_every_string_the_code_translates_is_in_the_catalog():
    """A string added to the code without a catalog entry shows in Swedish on every page in
    every language ("Alla siffror finns i tabellen intill." on the follow-up charts did)."""
    known = {(entry.msgctxt, entry.msgid) for entry in catalog(SOURCE) if not entry.obsolete}
    missing = sorted(
        f"{where}: {msgid!r}"
        for context, msgid, where in messages_in_code()
        if (context, msgid) not in known
    )
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("code", TARGETS)
def test_every_interface_string_is_translated(code):
    source_ids = {entry.msgid for entry in catalog(SOURCE) if not entry.obsolete}
    assert source_ids, "the Swedish catalog is empty: run makemessages"
    entries = {entry.msgid: entry for entry in catalog(code)}
    missing = sorted(source_ids - set(entries))
    missing += sorted(m for m in source_ids if m in entries and untranslated(entries[m]))
    assert not missing, f"{code}: {len(missing)} string(s) to translate:\n" + "\n".join(
        f"  {m!r}" for m in missing
    )


def test_somali_and_tigrinya_catalogs_declare_their_plural_rules():
    for code in ["so", "ti"]:
        assert "nplurals=2" in catalog(code).metadata.get("Plural-Forms", "")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "Skip to content"), ("ar", "انتقل إلى المحتوى"), ("ti", "ናብ ትሕዝቶ ሕለፍ")],
)
def test_compiled_catalogs_are_used(code, expected):
    with translation.override(code):
        assert translation.gettext("Hoppa till innehållet") == expected


@pytest.fixture
def locale_copy(tmp_path):
    """A small English catalog: one reviewed entry and two empty ones."""
    folder = tmp_path / "locales" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    po.append(polib.POEntry(msgid="Hoppa till innehållet", msgstr="Skip to content"))
    po.append(polib.POEntry(msgid="Hej %(namn)s, välkommen", msgstr=""))
    po.append(polib.POEntry(msgid="Ny rad", msgstr=""))
    po.save(str(folder / "django.po"))
    with override_settings(LOCALE_PATHS=[tmp_path / "locales"]):
        yield tmp_path / "locales"


def test_translate_catalogs_fills_missing_entries_as_fuzzy(locale_copy, monkeypatch):
    calls = []

    def translate_texts(texts, target_lang):
        calls.append((list(texts), target_lang))
        return [{"Ny rad": "New line"}.get(t, "Hello %(namn)s, welcome") for t in texts]

    machine = types.ModuleType("translation.machine")
    machine.translate_texts = translate_texts
    monkeypatch.setitem(sys.modules, "translation.machine", machine)
    call_command("translate_catalogs", "--language", "en", stdout=open_null())
    assert calls == [(["Hej %(namn)s, välkommen", "Ny rad"], "en")]
    entries = {e.msgid: e for e in catalog("en", locale_copy)}
    assert entries["Ny rad"].msgstr == "New line"
    assert "fuzzy" in entries["Ny rad"].flags
    assert entries["Hej %(namn)s, välkommen"].msgstr == "Hello %(namn)s, welcome"
    # Reviewed entries are left alone.
    assert "fuzzy" not in entries["Hoppa till innehållet"].flags


def test_translate_catalogs_refuses_to_break_placeholders(locale_copy, monkeypatch):
    machine = types.ModuleType("translation.machine")
    machine.translate_texts = lambda texts, target_lang: ["Hello, welcome" for _t in texts]
    monkeypatch.setitem(sys.modules, "translation.machine", machine)
    call_command("translate_catalogs", "--language", "en", stdout=open_null(), stderr=open_null())
    entries = {e.msgid: e for e in catalog("en", locale_copy)}
    assert entries["Hej %(namn)s, välkommen"].msgstr == ""


def test_translate_catalogs_explains_a_missing_pipeline(locale_copy, monkeypatch):
    monkeypatch.setitem(sys.modules, "translation.machine", None)
    with pytest.raises(CommandError, match="translation.machine"):
        call_command("translate_catalogs", "--language", "en", stdout=open_null())


def test_translate_catalogs_rejects_unknown_languages():
    with pytest.raises(CommandError, match="xx"):
        call_command("translate_catalogs", "--language", "xx")


def open_null():
    return io.StringIO()


@pytest.mark.parametrize(
    ("code", "amount", "date"),
    [
        ("sv", "1\xa0200\xa0000,50", "26 november 2026"),
        ("en", "1,200,000.50", "Nov. 26, 2026"),
        ("ar", "1.200.000,50", "26 نوفمبر، 2026"),
        ("so", "1,200,000.50", "26/11/2026"),
        ("ti", "1,200,000.50", "26/11/2026"),
        ("pl", "1\xa0200\xa0000,50", "26 listopada 2026"),
    ],
)
def test_amounts_and_dates_follow_the_language(code, amount, date):
    template = Template("{% load core_tags %}{{ value|amount:2 }}|{{ day|date }}|{{ year }}")
    with translation.override(code):
        rendered = template.render(
            Context({"value": 1200000.5, "day": datetime.date(2026, 11, 26), "year": 2026})
        )
    assert rendered == f"{amount}|{date}|2026"


def test_langspan_marks_a_quoted_swedish_name_on_an_arabic_page():
    template = Template('{% load core_tags %}{% langspan "sv" name %}')
    with translation.override("ar"):
        rendered = template.render(Context({"name": "Nässjö <kommun>"}))
    assert rendered == '<span lang="sv" dir="ltr">Nässjö &lt;kommun&gt;</span>'
    with translation.override("sv"):
        assert template.render(Context({"name": "Nässjö"})) == "Nässjö"
