"""The glossary sync through the real deepl client: v3, the v2 fallback, and what is not one.

Only a server without multilingual glossaries (404 on ``/v3/glossaries``) makes the sync fall
back to v2 glossaries; a 403 or 456 during the sync is raised as what it is and stops the
translation that needed the glossary (and, through the pipeline, pauses the site).
"""

import pytest

from tests.translation.mt_helpers import paragraphs
from translation.deepl import glossary
from translation.deepl.client import get_client
from translation.deepl.errors import ConfigurationError, QuotaExceeded
from translation.deepl.translator import DeepLMachineTranslator
from translation.models import (
    DraftStatus,
    GlossarySync,
    GlossaryTerm,
    GlossaryTermTranslation,
    ServicePause,
)


@pytest.fixture
def terms(locales):
    term = GlossaryTerm.objects.create(term="kommunfullmäktige")
    for code, translation in (("en", "the Municipal Council"), ("pl", "Rada Gminy")):
        GlossaryTermTranslation.objects.create(
            term=term, locale=locales[code], translation=translation
        )
    return term


def glossary_requests(server):
    return [
        (entry["method"], entry["path"], entry["status"])
        for entry in server.log
        if "glossar" in entry["path"]
    ]


def translate(locales, code="en", text="Beslut av kommunfullmäktige."):
    outcome = DeepLMachineTranslator().translate_batch([text], locales["sv"], locales[code])
    return outcome.texts[0].text


@pytest.mark.django_db
def test_a_server_without_v3_gets_one_v2_glossary_per_pair(deepl, terms, locales):
    deepl.set_faults(no_v3_glossaries=True)

    assert translate(locales, "en") == "[EN-GB] ⟦Bêslût âv the Municipal Council.⟧"
    assert translate(locales, "pl") == "[PL] ⟦Bêslût âv Rada Gminy.⟧"

    v2 = {
        pair: entries
        for g in deepl.glossaries.values()
        if not g.multilingual
        for pair, entries in g.dictionaries.items()
    }
    assert v2 == {
        ("SV", "EN"): {"kommunfullmäktige": "the Municipal Council"},
        ("SV", "PL"): {"kommunfullmäktige": "Rada Gminy"},
    }
    assert len(deepl.glossaries) == 2
    assert GlossarySync.objects.get().api_version == "v2"
    assert ("POST", "/v3/glossaries", 404) in glossary_requests(deepl)


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "error"), [(403, ConfigurationError), (456, QuotaExceeded)])
def test_403_and_456_while_creating_the_glossary_are_raised_not_retried_as_v2(
    deepl, terms, locales, status, error
):
    glossary.sync(get_client(), "SV")  # the language pairs are asked (and cached)
    deepl.glossaries.clear()
    GlossaryTermTranslation.objects.create(
        term=terms, locale=locales["fi"], translation="kunnanvaltuusto"
    )
    deepl.log.clear()
    deepl.set_faults(glossary_fail_next=[status])

    with pytest.raises(error):
        translate(locales, "en")

    assert glossary_requests(deepl) == [("POST", "/v3/glossaries", status)]
    assert not deepl.glossaries
    assert not deepl.translate_requests()


@pytest.mark.django_db
def test_403_on_the_glossary_language_pairs_is_a_configuration_error(deepl, terms, locales):
    deepl.set_faults(glossary_fail_next=[403])
    with pytest.raises(ConfigurationError):
        translate(locales, "en")
    assert glossary_requests(deepl) == [("GET", "/v2/glossary-language-pairs", 403)]
    assert not deepl.translate_requests()


@pytest.mark.django_db
def test_a_glossary_deepl_refuses_does_not_stop_the_translation(deepl, terms, locales):
    glossary.sync(get_client(), "SV")
    GlossaryTermTranslation.objects.create(
        term=terms, locale=locales["fi"], translation="kunnanvaltuusto"
    )
    deepl.set_faults(glossary_fail_next=[400])

    assert translate(locales, "fi") == "[FI] ⟦Bêslût âv kômmûnfûllmâktîgê.⟧"
    assert [r["glossary_id"] for r in deepl.translate_requests("FI")] == [None]


@pytest.mark.django_db
def test_456_during_the_glossary_sync_pauses_the_pipeline_like_a_456_on_translate(
    deepl, terms, make_page
):
    deepl.set_faults(glossary_fail_next=[456])

    page = make_page(title="Beslut", body=paragraphs(2))

    statuses = {s.locale.language_code: s.status for s in DraftStatus.objects.filter(page=page)}
    assert statuses["en"] == DraftStatus.PAUSED_QUOTA
    assert statuses["so"] == DraftStatus.NOT_CONFIGURED  # Azure's, not configured here
    assert ServicePause.objects.filter(reason=ServicePause.QUOTA).exists()
    assert not deepl.translate_requests()
