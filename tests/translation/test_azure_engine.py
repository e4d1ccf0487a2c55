"""Azure AI Translator as the engine of Somali and Tigrinya (and of any language chosen).

The official ``azure-ai-translation-text`` client talks to the local Azure server over
loopback (``azure`` fixture: a container's address, no key); DeepL's languages go to the
local DeepL server as before.
"""

import importlib
import time

from django.apps import apps
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import pytest

from tests.translation.mt_helpers import AZURE_LANGUAGES, DEEPL_LANGUAGES, draft_of, paragraphs
from translation import policy, script_check
from translation.deepl.errors import (
    ConfigurationError,
    QuotaExceeded,
    RequestRejected,
    RetryLater,
)
from translation.engines import engine_for, get_engine
from translation.engines.azure import (
    TOOL_NAME,
    TOOL_NAME_WRONG_SCRIPT,
    AzureEngine,
    make_batches,
)
from translation.models import (
    DraftStatus,
    GlossaryTerm,
    GlossaryTermTranslation,
    LanguageSettings,
    MachineProvenance,
    ServicePause,
    UsageRecord,
)

ETHIOPIC = range(0x1200, 0x1380)


def ethiopic_letters(text: str) -> int:
    return sum(ord(char) in ETHIOPIC for char in text)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("samordnare", "s@example.invalid", "pw")


def statuses(page) -> dict[str, DraftStatus]:
    return {row.locale.language_code: row for row in DraftStatus.objects.filter(page=page)}


@pytest.mark.django_db
def test_somali_and_tigrinya_drafts_come_from_azure_after_a_swedish_publish(
    azure, deepl, make_page, locales
):
    page = make_page(
        title="Vänorter",
        body='<p>Nässjö har <b>fyra</b> vänorter och <span translate="no">Erasmus+</span>.</p>',
    )

    found = statuses(page)
    for code in AZURE_LANGUAGES + DEEPL_LANGUAGES:
        assert found[code].status == DraftStatus.MADE, (code, found[code].detail)
    ti_target, ti_draft = draft_of(page, "ti")
    so_target, so_draft = draft_of(page, "so")
    assert not ti_target.live and not so_target.live
    assert ethiopic_letters(ti_draft.title) >= 5  # Tigrinya in Ethiopic script
    assert so_draft.title.startswith("[so] ⟦")  # Somali in Latin
    assert "<b>" in ti_draft.body and "Erasmus+" in ti_draft.body  # markup and span kept
    # The protected span went to Azure as class="notranslate", over textType=html.
    sent = azure.translate_requests("ti")
    assert sent and all(entry["textType"] == "html" for entry in sent)
    assert any('class="notranslate">Erasmus+</span>' in text for e in sent for text in e["texts"])
    # Nothing for so/ti was sent to DeepL; the DeepL languages were not sent to Azure.
    assert not deepl.translate_requests("SO") and not deepl.translate_requests("TI")
    assert {to for entry in azure.translate_requests() for to in entry["to"]} == {"so", "ti"}
    # Provenance: engine, model and time of every machine string.
    ti_strings = StringTranslation.objects.filter(locale=locales["ti"])
    assert ti_strings and {row.tool_name for row in ti_strings} == {TOOL_NAME}
    provenance = MachineProvenance.objects.filter(string_translation__in=ti_strings)
    assert provenance.count() == ti_strings.count()
    assert {(row.engine, row.model) for row in provenance} == {("azure", "translator-v3.0/general")}
    en_provenance = MachineProvenance.objects.filter(string_translation__locale=locales["en"])
    assert en_provenance.exists() and {row.engine for row in en_provenance} == {"deepl"}
    # Usage per engine and language.
    assert UsageRecord.objects.get(engine="azure", locale=locales["so"]).characters > 0
    assert not UsageRecord.objects.filter(engine="deepl", locale__in=[locales["so"]]).exists()
    assert UsageRecord.objects.get(engine="deepl", locale=locales["en"]).characters > 0


@pytest.mark.django_db
def test_switching_polish_to_azure_in_the_admin_makes_the_next_polish_draft_azures(
    azure, deepl, make_page, republish, client, superuser, locales
):
    page = make_page(title="Beslut", body=paragraphs(1))
    assert StringTranslation.objects.get(
        locale=locales["pl"], translation_of__data="Beslut"
    ).tool_name == ("DeepL")
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailsnippets_translation_languagesettings:add"),
        {
            "locale": locales["pl"].pk,
            "machine_translation_enabled": "on",
            "engine": "azure",
            "formality": "default",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert policy.engine_name_for(locales["pl"]) == "azure"

    republish(page, body=paragraphs(2))

    new = StringTranslation.objects.get(
        locale=locales["pl"], translation_of__data__startswith="Stycke 2"
    )
    assert new.tool_name == TOOL_NAME and new.data.startswith("[pl] ⟦")
    assert new.machine_provenance.engine == "azure"
    assert azure.translate_requests("pl")
    assert statuses(page)["pl"].status == DraftStatus.MADE


@pytest.mark.django_db
def test_an_engine_that_does_not_offer_the_language_is_refused_with_the_reason(
    deepl, client, superuser, locales
):
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailsnippets_translation_languagesettings:add"),
        {
            "locale": locales["so"].pk,
            "machine_translation_enabled": "on",
            "engine": "deepl",
            "formality": "default",
        },
    )
    assert response.status_code == 200
    assert "DeepL översätter inte till somaliska." in response.content.decode()
    assert not LanguageSettings.objects.filter(locale=locales["so"]).exists()
    # DeepL's own language list decided (asked of the local DeepL server).
    assert get_engine("deepl").unsupported_reason(locales["fi"]) == ""


@pytest.mark.django_db
def test_429_with_retry_after_is_retried_after_the_time_azure_asks(azure, locales):
    azure.set_faults(fail_next=[429], retry_after=0.3)
    started = time.monotonic()

    outcome = AzureEngine().translate_batch(["Hej"], locales["sv"], locales["so"], terms=[])

    assert time.monotonic() - started >= 0.3
    assert [entry["status"] for entry in azure.log if entry["path"] == "/translate"] == [429, 200]
    assert outcome.texts[0].text == "[so] ⟦Heej⟧"


@pytest.mark.django_db
def test_401_stops_azure_with_a_clear_message_and_deepl_goes_on(azure, deepl, make_page):
    azure.reset(keys={"the-right-key"})

    page = make_page(title="Nyckel", body=paragraphs(1))

    found = statuses(page)
    for code in AZURE_LANGUAGES:
        assert found[code].status == DraftStatus.CONFIG_ERROR
        assert "Azure AI Translator: 401" in found[code].detail
    assert all(found[code].status == DraftStatus.MADE for code in DEEPL_LANGUAGES)
    pause = ServicePause.objects.get()
    assert (pause.engine, pause.reason) == ("azure", ServicePause.CONFIG)
    # One 401 stopped the engine for the job: Tigrinya was not tried after Somali failed.
    assert len([entry for entry in azure.log if entry["status"] == 401]) == 1


@pytest.mark.django_db
def test_the_usage_page_shows_both_engines_and_an_azure_pause(
    azure, deepl, make_page, client, superuser
):
    make_page(title="Förbrukning", body=paragraphs(1))
    ServicePause.objects.create(engine="azure", reason=ServicePause.CONFIG, message="401")
    client.force_login(superuser)

    html = client.get(reverse("translation_usage")).content.decode()

    assert 'data-engine="azure"' in html and 'data-engine="deepl"' in html
    assert "Azure AI Translator, konfigurationsfel" in html
    assert "AZURE_TRANSLATOR_KEY" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("faults", "error"),
    [
        ({"fail_next": [503, 503, 503]}, RetryLater),
        ({"fail_next": [403], "quota_exceeded": True}, QuotaExceeded),
        ({"fail_next": [403]}, ConfigurationError),
    ],
)
def test_azure_faults_become_the_pipelines_errors(azure, locales, faults, error):
    azure.set_faults(**faults)
    with pytest.raises(error):
        AzureEngine().translate_batch(["Hej"], locales["sv"], locales["ti"], terms=[])


@pytest.mark.django_db
def test_a_timeout_is_retry_later(azure, locales, settings):
    settings.AZURE_TRANSLATOR_TIMEOUT_SECONDS = 0.2
    settings.AZURE_TRANSLATOR_MAX_RETRIES = 0
    azure.set_faults(slow_seconds=0.5)
    with pytest.raises(RetryLater):
        AzureEngine().translate_batch(["Hej"], locales["sv"], locales["ti"], terms=[])


@pytest.mark.django_db
def test_requests_stay_within_azures_limits(azure, locales):
    assert [len(batch) for batch in make_batches(["a"] * 1001)] == [1000, 1]
    assert [len(batch) for batch in make_batches(["x" * 1000] * 60)] == [50, 10]
    engine = AzureEngine()
    # The local server refuses what Azure refuses: more than 50,000 characters.
    with pytest.raises(RequestRejected):
        engine.translate_batch(["x" * 50_001], locales["sv"], locales["so"], terms=[])
    results = list(engine.translate_in_batches(["Hej"] * 1001, locales["sv"], locales["so"]))
    assert [len(indexes) for indexes, _outcome in results] == [1000, 1]


@pytest.mark.django_db
def test_an_answer_in_the_wrong_script_is_flagged_not_a_silent_draft(azure, deepl, make_page):
    azure.set_faults(wrong_script=True)

    page = make_page(title="Vänorter", body=paragraphs(1))

    ti = StringTranslation.objects.filter(locale__language_code="ti")
    assert ti and {row.tool_name for row in ti} == {TOOL_NAME_WRONG_SCRIPT}
    assert statuses(page)["ti"].flagged_segments == ti.count()
    assert statuses(page)["so"].flagged_segments == ti.count()  # Somali answered in Ethiopic


def test_the_script_check_spares_names_kept_from_the_source():
    assert script_check.problem("Erasmus+", "Erasmus+", "ti") == ""
    assert script_check.problem("Välkommen till Nässjö", "እንቋዕ ናብ Nässjö", "ti") == ""
    assert script_check.problem("Välkommen till Nässjö", "Soo dhawoow Nässjö", "ti") == "script"
    assert script_check.problem("Välkommen", "<b></b>", "so") == "empty"
    assert script_check.problem("2026", "2026", "ti") == ""


@pytest.mark.django_db
def test_review_only_languages_never_allow_unreviewed_machine_text(locales):
    for code in ("so", "ti", "ar"):
        LanguageSettings.objects.create(locale=locales[code], allow_unreviewed_machine_text=True)
    # Somali and Tigrinya start review-only, Arabic does not.
    assert not LanguageSettings.allows_unreviewed(locales["so"])
    assert not LanguageSettings.allows_unreviewed(locales["ti"])
    assert LanguageSettings.allows_unreviewed(locales["ar"])
    LanguageSettings.objects.filter(locale=locales["ar"]).update(review_only=True)
    assert not LanguageSettings.allows_unreviewed(locales["ar"])
    LanguageSettings.objects.filter(locale=locales["so"]).update(engine="azure", review_only=False)
    assert LanguageSettings.allows_unreviewed(locales["so"])


class _SettingsAsPolicies:
    """Django's apps, with translation's old ``LocalePolicy`` answered by ``LanguageSettings``."""

    def get_model(self, app_label, model_name):
        if (app_label, model_name) == ("translation", "LocalePolicy"):
            return LanguageSettings
        return apps.get_model(app_label, model_name)


@pytest.mark.django_db
def test_the_data_migration_gives_somali_and_tigrinya_azure_and_review_only(locales):
    migration = importlib.import_module(
        "translation.migrations.0003_engines_review_only_provenance"
    )
    LanguageSettings.objects.create(locale=locales["so"], engine="deepl", review_only=False)

    # The policy rows it wrote are the language settings' rows now (review's migration 0008,
    # translation's 0006): the same function, run on the one model.
    migration.somali_tigrinya_to_azure(_SettingsAsPolicies(), None)

    for code in ("so", "ti"):
        row = LanguageSettings.objects.get(locale=locales[code])
        assert (row.engine, row.review_only) == ("azure", True)
        assert engine_for(locales[code]).name == "azure"
    assert not LanguageSettings.objects.filter(locale=locales["en"]).exists()
    assert engine_for(locales["en"]).name == "deepl"


@pytest.mark.django_db
def test_glossary_terms_go_as_azures_dynamic_dictionary(azure, locales):
    term = GlossaryTerm.objects.create(term="kommunfullmäktige")
    GlossaryTermTranslation.objects.create(
        term=term, locale=locales["so"], translation="Golaha Degmada"
    )

    outcome = AzureEngine().translate_batch(
        ["Beslut av <b>kommunfullmäktige</b>."], locales["sv"], locales["so"], terms=[]
    )

    sent = azure.translate_requests("so")[0]["texts"][0]
    assert (
        '<mstrans:dictionary translation="Golaha Degmada">kommunfullmäktige</mstrans:dictionary>'
        in sent
    )
    assert outcome.texts[0].text == "[so] ⟦Beeslut aav <b>Golaha Degmada</b>.⟧"
    assert not outcome.texts[0].flagged


@pytest.mark.django_db
def test_a_cloud_key_and_region_are_sent_and_a_wrong_one_refused(azure, locales, settings):
    azure.reset(keys={"cloud-key"})
    settings.AZURE_TRANSLATOR_KEY = "cloud-key"
    settings.AZURE_TRANSLATOR_REGION = "swedencentral"

    outcome = AzureEngine().translate_batch(["Hej"], locales["sv"], locales["ti"], terms=[])
    assert outcome.texts[0].text == "[ተኢ] ⟦ሀኤጀ⟧"
    assert azure.translate_requests("ti")[0]["region"] == "swedencentral"

    settings.AZURE_TRANSLATOR_KEY = "old-key"
    with pytest.raises(ConfigurationError, match="401"):
        AzureEngine().translate_batch(["Hej"], locales["sv"], locales["ti"], terms=[])
