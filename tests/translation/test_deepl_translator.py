"""The wagtail-localize machine translator on the deepl client, against the local server."""

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

import pytest

from translation.deepl import client as deepl_client
from translation.deepl.batching import MAX_BYTES_PER_REQUEST, make_batches
from translation.deepl.errors import ConfigurationError, QuotaExceeded, RetryLater
from translation.deepl.translator import DeepLMachineTranslator
from translation.markup import check_markup


def test_batches_hold_at_most_fifty_texts_and_stay_well_under_128_kib():
    texts = ["kort"] * 120 + ["lång " * 3000] * 10
    batches = make_batches(texts)
    assert [i for batch in batches for i in batch] == list(range(130))
    assert all(len(batch) <= 50 for batch in batches)
    assert all(
        sum(len(texts[i].encode()) for i in batch) < MAX_BYTES_PER_REQUEST for batch in batches
    )
    assert [len(batch) for batch in batches][:2] == [50, 50]
    assert len(batches) > 3  # the long texts need batches of their own size


def test_markup_check_keeps_good_markup_and_flattens_broken():
    source = 'Läs <a id="a1">strategin</a> och <b>planen</b>'
    good = check_markup(source, '<b>plan</b> and <a id="a1">strategy</a>')
    assert not good.markup_lost
    lost = check_markup(source, "Read the strategy & <b>plan")
    assert lost.markup_lost and lost.text == "Read the strategy &amp; plan"
    invented = check_markup(source, '<a id="a9">x</a> <b>y</b>')
    assert invented.markup_lost


@pytest.mark.django_db
def test_the_configured_translator_is_ours_and_offers_nothing_without_a_key(settings, locales):
    settings.DEEPL_AUTH_KEY = ""
    translator = get_machine_translator()
    assert isinstance(translator, DeepLMachineTranslator)
    assert not translator.can_translate(locales["sv"], locales["en"])


@pytest.mark.django_db
def test_english_goes_to_deepl_as_en_gb_and_somali_is_not_offered(deepl, locales):
    translator = get_machine_translator()
    assert translator.can_translate(locales["sv"], locales["en"])
    assert not translator.can_translate(locales["sv"], locales["so"])
    assert not translator.can_translate(locales["sv"], locales["ti"])

    result = translator.translate(locales["sv"], locales["en"], [StringValue("Hej")])
    assert result == {StringValue("Hej"): StringValue("[EN-GB] ⟦Hêj⟧")}
    assert [r["target_lang"] for r in deepl.translate_requests()] == ["EN-GB"]


@pytest.mark.django_db
def test_editor_translation_is_batched(deepl, locales):
    strings = [StringValue(f"Mening nummer {n}.") for n in range(120)]
    result = get_machine_translator().translate(locales["sv"], locales["fi"], strings)
    assert len(result) == 120
    assert [r["texts"] for r in deepl.translate_requests("FI")] == [50, 50, 20]


@pytest.mark.django_db
def test_429_is_retried_by_the_client(deepl, locales):
    deepl.set_faults(fail_next=[429])
    outcome = get_machine_translator().translate_batch(["Hej"], locales["sv"], locales["pl"])
    assert outcome.texts[0].text == "[PL] ⟦Hêj⟧"
    assert [entry["status"] for entry in deepl.log if entry["path"] == "/v2/translate"] == [
        429,
        200,
    ]


@pytest.mark.django_db
def test_a_timeout_becomes_retry_later(deepl, locales, settings):
    settings.DEEPL_TIMEOUT_SECONDS = 0.2
    settings.DEEPL_MAX_NETWORK_RETRIES = 1
    deepl.set_faults(slow_seconds=0.5)
    with pytest.raises(RetryLater):
        get_machine_translator().translate_batch(["Hej"], locales["sv"], locales["pl"])


@pytest.mark.django_db
def test_editor_translation_stops_cleanly_on_quota(deepl, locales):
    deepl.reset(character_limit=60)
    strings = [StringValue(f"Mening nummer {n}.") for n in range(60)]
    # The first batch (50 texts) is more than the quota: nothing translated, no crash.
    assert get_machine_translator().translate(locales["sv"], locales["fi"], strings) == {}


@pytest.mark.django_db
def test_456_and_403_from_the_fault_switch_are_classified(deepl, locales):
    translator = get_machine_translator()
    deepl.set_faults(fail_next=[456])
    with pytest.raises(QuotaExceeded):
        translator.translate_batch(["Hej"], locales["sv"], locales["ar"])
    deepl.set_faults(fail_next=[403])
    with pytest.raises(ConfigurationError):
        translator.translate_batch(["Hej"], locales["sv"], locales["ar"])
    statuses = [e["status"] for e in deepl.log if e["path"] == "/v2/translate"]
    assert statuses == [456, 403]  # neither is retried by the client


@pytest.mark.django_db
def test_the_client_is_built_once_and_again_only_when_its_settings_change(deepl, settings):
    translator = get_machine_translator()
    first = translator.client
    assert get_machine_translator().client is first
    assert deepl_client.get_client() is first
    settings.DEEPL_TIMEOUT_SECONDS = 7.0
    assert translator.client is not first
    settings.DEEPL_AUTH_KEY = ""
    with pytest.raises(ConfigurationError):
        deepl_client.get_client()
