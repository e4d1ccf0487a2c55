"""The local DeepL-compatible server, spoken to by the official deepl client over HTTP."""

import json
import urllib.request

import deepl
import pytest
from deepl.api_data import MultilingualGlossaryDictionaryEntries

from devtools.deepl_server import LocalDeepLServer
from devtools.deepl_server.pseudo import pseudo_translate


@pytest.fixture
def server():
    with LocalDeepLServer("127.0.0.1", 0, character_limit=1000) as server:
        yield server


@pytest.fixture
def client(server, monkeypatch):
    monkeypatch.setattr(deepl.http_client, "max_network_retries", 1)
    monkeypatch.setattr(deepl.http_client._BackoffTimer, "BACKOFF_INITIAL", 0.01)
    return deepl.DeepLClient("any-key", server_url=server.url)


def test_pseudo_translation_keeps_markup_and_shows_the_target(client):
    result = client.translate_text(
        'Läs <a id="a1">strategin</a> &amp; <b>planen</b>',
        source_lang="SV",
        target_lang="EN-GB",
        tag_handling="html",
    )
    assert result.text == '[EN-GB] ⟦Lâs <a id="a1">strâtêgîn</a> &amp; <b>plânên</b>⟧'
    assert result.billed_characters == len("Läs strategin &amp; planen")


def test_more_than_fifty_texts_is_refused(client, server):
    with pytest.raises(deepl.DeepLException, match="Too many texts"):
        client.translate_text(["hej"] * 51, target_lang="FI")
    assert server.log[-1]["status"] == 400
    assert len(client.translate_text(["hej"] * 50, target_lang="FI")) == 50


def test_a_body_over_128_kib_is_refused(client, server):
    with pytest.raises(deepl.DeepLException, match="413"):
        client.translate_text(["a" * 70_000, "b" * 70_000], target_lang="FI")
    assert server.log[-1]["status"] == 413


def test_quota_gives_456_and_usage_reports_it(client, server):
    client.translate_text("a" * 900, target_lang="PL")
    with pytest.raises(deepl.QuotaExceededException):
        client.translate_text("b" * 200, target_lang="PL")
    usage = client.get_usage()
    assert (usage.character.count, usage.character.limit) == (900, 1000)


def test_languages_offer_persian_but_not_somali_or_tigrinya(client):
    targets = {language.code: language for language in client.get_target_languages()}
    assert {"EN-GB", "FA", "AR", "UK", "PL", "FI"} <= set(targets)
    assert "SO" not in targets and "TI" not in targets and "EN" not in targets
    assert targets["PL"].supports_formality and not targets["FI"].supports_formality
    assert "SV" in {language.code for language in client.get_source_languages()}


def test_bad_key_gives_403():
    with (
        LocalDeepLServer(auth_keys={"good"}) as server,
        pytest.raises(deepl.AuthorizationException),
    ):
        deepl.DeepLClient("bad", server_url=server.url).translate_text("x", target_lang="FI")


def test_multilingual_and_v2_glossaries(client):
    glossary = client.create_multilingual_glossary(
        "ordlista",
        [MultilingualGlossaryDictionaryEntries("SV", "EN", {"kommunstyrelsen": "the Executive"})],
    )
    text = client.translate_text(
        "Beslut i kommunstyrelsen", source_lang="SV", target_lang="EN-GB", glossary=glossary
    ).text
    assert text == "[EN-GB] ⟦Bêslût î the Executive⟧"
    entries = client.get_multilingual_glossary_entries(glossary, "SV", "EN")
    assert entries.dictionaries[0].entries == "kommunstyrelsen\tthe Executive"
    pair = client.create_glossary("par", "SV", "PL", {"Europa Direkt": "Europe Direct"})
    assert client.get_glossary_entries(pair) == {"Europa Direkt": "Europe Direct"}
    client.delete_multilingual_glossary(glossary)
    assert [g.glossary_id for g in client.list_multilingual_glossaries()] == []


def test_faults_switched_on_over_the_admin_endpoint(client, server):
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{server.url}/_admin/faults",
        data=json.dumps({"fail_next": [503, 503], "drop_markup": True}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(request).close()  # noqa: S310 - loopback
    # max_network_retries=1: two 503s exhaust the client's retries...
    with pytest.raises(deepl.DeepLException, match="Service unavailable"):
        client.translate_text("<b>hej</b>", target_lang="FI", tag_handling="html")
    # ...and the next request passes, without its markup.
    assert client.translate_text("<b>hej</b>", target_lang="FI", tag_handling="html").text == (
        "[FI] ⟦hêj⟧"
    )
    log = json.load(urllib.request.urlopen(f"{server.url}/_admin/log"))  # noqa: S310
    assert [entry["status"] for entry in log["requests"]] == [503, 503, 200]


def test_pseudo_translation_stays_in_latin_1():
    # A pseudo-translated Arabic demo page would otherwise download the Latin Extended font
    # (115 KB) for letters no real translation has.
    alphabet = "abcdefghijklmnopqrstuvwxyzåäö"
    altered = pseudo_translate(alphabet + alphabet.upper(), "AR")
    assert altered != f"[AR] ⟦{alphabet + alphabet.upper()}⟧"
    assert all(ord(letter) <= 0xFF for letter in altered.strip("[AR] ⟦⟧"))
