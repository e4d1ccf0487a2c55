"""Protected words on right-to-left pages, DeepL's language features, placeholder faults.

Issue #11's remainder, through the real ``deepl`` client and the local DeepL server: every
protected span reaches Arabic and Persian readers with ``dir="ltr"`` (new marks carry it,
older stored HTML gets it when rendered); always-protected terms are isolated with
U+2066…U+2069 in right-to-left languages; which languages go through placeholders, and
which get no glossary, is what ``GET /v3/languages`` says (the language table when it
cannot be read); a dropped or duplicated placeholder is flagged, never silently lost; each
site translates with its own always-protected terms.
"""

import json
import logging

from django.core.cache import cache
from django.urls import reverse

from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import StringTranslation

import deepl as deepl_client
import pytest
import requests
from bs4 import BeautifulSoup

from core.protected_text import isolate
from home.models import HomePage
from readability.models import ReadabilitySettings
from translation.deepl import languages
from translation.deepl.client import get_client
from translation.deepl.translator import TOOL_NAME_MARKUP_LOST, DeepLMachineTranslator
from translation.models import DraftStatus, GlossaryTerm, GlossaryTermTranslation
from translation.protect import LRI, PDI

# Stored as before the mark carried a direction.
OLD_BODY = (
    '<p>Vi samarbetar med <span translate="no">Brønderslev</span> i '
    '<span translate="no">Erasmus+ 2026</span>. '
    'Ring <span translate="no">+46 380-51 80 00</span>.</p>'
)
PROTECTED = ["Brønderslev", "Erasmus+ 2026", "+46 380-51 80 00"]
RTL = ["ar", "fa"]


ISOLATED = {"translate": "no", "dir": "ltr"}


def marks(html: str) -> dict[str, dict]:
    """``{text: attributes}`` of the "do not translate" spans of ``html``."""
    soup = BeautifulSoup(html, "html.parser")
    return {span.get_text(): dict(span.attrs) for span in soup.find_all(translate="no")}


def draft_of(page, code):
    target = page.get_translation(Locale.objects.get(language_code=code))
    return target, target.get_latest_revision_as_object()


def publish_draft(page, code):
    """Publish the draft in ``code`` and its draft ancestors; return the live target."""
    locale = Locale.objects.get(language_code=code)
    target = page.get_translation(locale)
    for ancestor in [*target.get_ancestors().filter(depth__gt=1), target]:
        ancestor = ancestor.specific
        if ancestor.has_unpublished_changes or not ancestor.live:
            ancestor.get_latest_revision().publish()
    return Page.objects.get(pk=target.pk).specific


def served(client, page) -> str:
    site = Site.objects.get(is_default_site=True)
    response = client.get(page.get_url(), HTTP_HOST=site.hostname)
    assert response.status_code == 200, page.get_url()
    return response.content.decode()


@pytest.fixture
def site_page(deepl, tree, django_capture_on_commit_callbacks):
    """Publish ``body`` on the site's contact page (the default site); run the drafts."""

    def publish(body, title=None):
        page = tree["contact"]
        page.body = body
        if title:
            page.title = title
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish


# RTL isolation in the served HTML ---------------------------------------------------------
def test_isolate_adds_a_direction_only_where_there_is_none():
    assert isolate('<span translate="no">A</span>') == '<span translate="no" dir="ltr">A</span>'
    kept = '<span translate="no" dir="ltr">A</span> <span dir="rtl" translate="no">ب</span>'
    assert isolate(kept) == kept
    other = '<span class="x">A</span> <a href="/">translate="no"</a>'
    assert isolate(other) == other
    assert isolate(isolate(OLD_BODY)) == isolate(OLD_BODY)
    assert isolate(OLD_BODY).count('dir="ltr"') == 3


@pytest.mark.parametrize("code", RTL)
def test_older_stored_spans_are_isolated_for_the_reader(site_page, client, code):
    page = site_page(OLD_BODY)
    target, draft = draft_of(page, code)
    # wagtail-localize carried the stored attributes as they were (no dir)...
    assert '<span translate="no">Brønderslev</span>' in draft.body
    live = publish_draft(page, code)
    html = served(client, live)
    # ...and every one of them gets dir="ltr" on its way to the reader.
    assert f'<html lang="{code}" dir="rtl"' in html
    found = marks(html)
    for text in PROTECTED:
        assert found[text] == ISOLATED, text
    assert '<span translate="no">' not in html


def test_the_direction_is_carried_into_every_translation(site_page):
    new_body = isolate(OLD_BODY)  # what the editor stores now
    page = site_page(new_body)
    for code in ["en", *RTL]:
        _target, draft = draft_of(page, code)
        for text in PROTECTED:
            assert marks(draft.body)[text] == ISOLATED, (code, text)


# Always-protected terms in right-to-left languages ----------------------------------------
def test_always_protected_terms_are_isolated_in_right_to_left_languages(site_page):
    setting = ReadabilitySettings.for_site(Site.objects.get(is_default_site=True))
    setting.protected_terms = "Erasmus+\nBrønderslev"
    setting.save()
    page = site_page("<p>Pengar ur Erasmus+ till Brønderslev.</p>", title="Erasmus+ i Brønderslev")
    for code in RTL:
        _target, draft = draft_of(page, code)
        for text in (draft.body, draft.title):
            assert f"{LRI}Erasmus+{PDI}" in text and f"{LRI}Brønderslev{PDI}" in text, code
            assert "translate" not in text
    _target, english = draft_of(page, "en")
    assert "Erasmus+" in english.body and LRI not in english.body + english.title


# Text-only languages and glossaries as DeepL's language list reports them ------------------
@pytest.mark.parametrize("parameter", ["resource", "product"])
def test_the_local_server_reports_features_per_language(deepl, parameter):
    client = get_client()
    answer = requests.get(
        f"{deepl.url}/v3/languages",
        params={parameter: "translate_text"},
        headers=dict(client.headers),
        timeout=5,
    )
    reported = languages._parse_languages(answer.json())
    assert "tag_handling" not in reported["FA"] and "glossary" not in reported["FA"]
    assert {"tag_handling", "glossary"} <= set(reported["AR"])
    assert "SO" not in reported and "TI" not in reported
    assert languages.target_features(client, "FA") == languages.TargetFeatures(False, False)
    assert languages.target_features(client, "UK") == languages.TargetFeatures(True, True)


def test_the_feature_list_accepts_the_older_array_form():
    parsed = languages._parse_languages(
        [
            {"lang": "fa", "usable_as_target": True, "features": ["formality"]},
            {"lang": "ar", "usable_as_target": True, "features": [{"name": "tag_handling"}]},
            {"lang": "xx", "usable_as_target": False, "features": ["tag_handling"]},
        ]
    )
    assert parsed == {"FA": ["formality"], "AR": ["tag_handling"]}


@pytest.mark.parametrize("features", [[{"id": "tag_handling"}], [3], [None]])
def test_a_feature_without_a_name_makes_the_answer_not_understood(features):
    # Not understood means the table decides (the caller logs it); never a crash in a job.
    with pytest.raises(ValueError):
        languages._parse_languages([{"lang": "ar", "features": features}])


def test_a_language_the_api_reports_text_only_goes_through_placeholders(deepl, make_page):
    deepl.set_languages(text_only=["FA", "UK"])
    page = make_page(body=isolate(OLD_BODY))
    ukrainian = [r for r in deepl.translate_requests("UK")]
    assert ukrainian and all(r.get("tag_handling") in (None, "") for r in ukrainian)
    sent = [text for r in ukrainian for text in r["sent"] if "samarbetar" in text]
    assert sent and all("<" not in text and "⟪" in text for text in sent)
    _target, draft = draft_of(page, "uk")
    for text in PROTECTED:
        assert marks(draft.body)[text] == ISOLATED
    # Polish, which the list still reports with tag handling, is sent as HTML.
    assert all(r.get("tag_handling") == "html" for r in deepl.translate_requests("PL"))


def test_the_language_list_is_read_once_a_day(deepl, locales):
    translator = DeepLMachineTranslator()
    for code in ("en", "fa", "ar"):
        translator.translate_batch(["Hej"], locales["sv"], locales[code])
    asked = [entry for entry in deepl.log if entry["path"] == "/v3/languages"]
    assert len(asked) == 1


def test_without_the_endpoint_the_table_decides_and_it_is_logged(deepl, locales, caplog):
    deepl.set_faults(no_v3_languages=True)
    deepl.set_languages(text_only=["FA", "UK"])  # not reported: the table knows only FA
    translator = DeepLMachineTranslator()
    with caplog.at_level(logging.WARNING, logger="translation.deepl.languages"):
        persian = translator.translate_batch(
            ['Ring <span id="span1">Brønderslev</span>.'], locales["sv"], locales["fa"]
        )
    assert "answered 404" in caplog.text
    assert persian.texts[0].text.count('<span id="span1">Brønderslev</span>') == 1
    assert deepl.translate_requests("FA")[-1]["sent"] == ["Ring ⟪0⟫."]
    translator.translate_batch(["Hej <b>du</b>"], locales["sv"], locales["uk"])
    assert deepl.translate_requests("UK")[-1]["tag_handling"] == "html"


def test_an_unreachable_language_list_falls_back_to_the_table(settings, caplog):
    cache.clear()
    # Nothing listens there (a port of this project's range).
    client = deepl_client.DeepLClient("test-key", server_url="http://127.0.0.1:8349")
    settings.DEEPL_TIMEOUT_SECONDS = 2
    with caplog.at_level(logging.WARNING, logger="translation.deepl.languages"):
        assert languages.target_features(client, "FA").text_only
        assert not languages.target_features(client, "AR").text_only
    assert "could not be read" in caplog.text


@pytest.fixture
def glossary_terms(locales):
    term = GlossaryTerm.objects.create(term="kommunfullmäktige")
    for code, translation in (("uk", "Муніципальна рада"), ("pl", "Rada Gminy")):
        GlossaryTermTranslation.objects.create(
            term=term, locale=locales[code], translation=translation
        )


def test_no_glossary_for_a_language_the_api_reports_without_one(deepl, locales, glossary_terms):
    translator = DeepLMachineTranslator()
    text = "Beslut av kommunfullmäktige."
    assert (
        "Муніципальна рада"
        in translator.translate_batch([text], locales["sv"], locales["uk"]).texts[0].text
    )
    deepl.set_languages(no_glossary=["UK"])
    cache.clear()  # the list is read again
    outcome = translator.translate_batch([text], locales["sv"], locales["uk"])
    assert "Муніципальна рада" not in outcome.texts[0].text
    assert deepl.translate_requests("UK")[-1]["glossary_id"] is None
    assert (
        "Rada Gminy"
        in translator.translate_batch([text], locales["sv"], locales["pl"]).texts[0].text
    )


# Placeholder faults ----------------------------------------------------------------------
@pytest.mark.parametrize("fault", ["drop", "duplicate"])
def test_a_spoiled_placeholder_is_flagged_and_nothing_protected_is_lost(
    deepl, site_page, client, admin_user, fault
):
    deepl.set_faults(placeholder_fault=fault)
    page = site_page(isolate(OLD_BODY))
    status = DraftStatus.objects.get(page=page, locale__language_code="fa")
    assert status.status == DraftStatus.MADE, status.detail
    flagged = StringTranslation.objects.filter(
        locale__language_code="fa", tool_name=TOOL_NAME_MARKUP_LOST
    )
    assert [row.data for row in flagged if "Brønderslev" in row.data], fault
    target, draft = draft_of(page, "fa")
    for text in PROTECTED:
        assert text in draft.body, (fault, text, draft.body)
    assert "⟪" not in draft.body
    # The draft renders (the translators' preview).
    client.force_login(admin_user)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[target.pk]))
    assert preview.status_code == 200
    assert "Brønderslev" in preview.content.decode()
    # Arabic (tag handling) is not affected by a fault of the text-only path.
    _ar, arabic = draft_of(page, "ar")
    assert marks(arabic.body)["Brønderslev"] == ISOLATED


# Each site its own always-protected terms -------------------------------------------------
def test_terms_come_from_the_page_s_own_site(
    deepl, home, locales, django_capture_on_commit_callbacks
):
    default_site = Site.objects.get(is_default_site=True)
    setting = ReadabilitySettings.for_site(default_site)
    setting.protected_terms = "Erasmus+"
    setting.save()
    root = Page.get_first_root_node()
    other_root = root.add_child(
        instance=HomePage(title="Grannkommunen", slug="grannkommunen", locale=locales["sv"])
    )
    other_site = Site.objects.create(hostname="granne.example", port=80, root_page=other_root)
    other = ReadabilitySettings.for_site(other_site)
    other.protected_terms = "Brønderslev"
    other.save()
    pages = {}
    for name, parent in (("default", home), ("other", other_root)):
        # Not the same text: the translation memory would reuse the first page's.
        text = f"<p>Erasmus+ och Brønderslev, {name}.</p>"
        page = parent.add_child(instance=HomePage(title=name, slug=f"sida-{name}", body=text))
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        pages[name] = page
    _t, default_draft = draft_of(pages["default"], "en")
    _t, other_draft = draft_of(pages["other"], "en")
    assert "Erasmus+" in default_draft.body and "Brønderslev" not in default_draft.body
    assert "Brønderslev" in other_draft.body and "Erasmus+" not in other_draft.body


# The done-when --------------------------------------------------------------------
@pytest.fixture
def communicator(client, django_user_model):
    user = django_user_model.objects.create_superuser("kommunikator", "k@example.invalid", "pw")
    client.force_login(user)
    return client


def test_marked_in_the_admin_kept_in_drafts_isolated_for_readers(
    deepl, tree, communicator, django_capture_on_commit_callbacks
):
    page = tree["contact"]
    sentence = "Vi samarbetar med Brønderslev. Ring +46 380-51 80 00 i dag."
    contentstate = {
        "blocks": [
            {
                "key": "b1",
                "type": "unstyled",
                "text": sentence,
                "depth": 0,
                "inlineStyleRanges": [
                    {"offset": sentence.index(name), "length": len(name), "style": "NOTRANSLATE"}
                    for name in ("Brønderslev", "+46 380-51 80 00")
                ],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(communicator.get(url).content.decode(), form_id="page-edit-form")
    data["body"] = json.dumps(contentstate)
    data["action-publish"] = "action-publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = communicator.post(url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert '<span translate="no" dir="ltr">Brønderslev</span>' in page.specific.body
    for code in ("en", *RTL):
        assert DraftStatus.objects.get(page=page, locale__language_code=code).status == "made"
        _target, draft = draft_of(page, code)
        for name in ("Brønderslev", "+46 380-51 80 00"):
            assert marks(draft.body)[name] == ISOLATED, (code, name)
        assert "samarbetar" not in draft.body
    communicator.logout()
    for code in RTL:
        html = served(communicator, publish_draft(page, code))
        assert f'<html lang="{code}" dir="rtl"' in html
        for name in ("Brønderslev", "+46 380-51 80 00"):
            assert marks(html)[name] == ISOLATED, (code, name)
