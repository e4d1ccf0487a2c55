"""wagtail-localize's ``DeepLTranslator`` and the ``deepl`` client, as ``translation/deepl/``
works around them.

wagtail-localize's translator is run unchanged against the local DeepL-compatible server;
only its endpoint (hard-coded to api.deepl.com) is pointed there.
"""

import inspect

from wagtail.models import Locale
from wagtail_localize.machine_translators.deepl import DeepLTranslator, language_code
from wagtail_localize.strings import StringValue

import deepl
import pytest
from deepl import http_client
from upstream_guard import changed


@pytest.fixture
def upstream_translator(deepl_server):
    deepl_server.reset(character_limit=1_000_000)

    class LocalDeepLTranslator(DeepLTranslator):
        def get_api_endpoint(self):
            return f"{deepl_server.url}/v2/translate"

    return LocalDeepLTranslator({"AUTH_KEY": "guard-key"})


def test_upstream_still_asks_for_the_deprecated_en_target():
    assert language_code("en", is_target=True) == "EN", changed(
        "core/languages.py (deepl_target) and translation/deepl/languages.py",
        "wagtail-localize maps en to a regional English now",
    )


@pytest.mark.django_db
def test_upstream_still_offers_deepl_for_languages_deepl_lacks(upstream_translator):
    sv, so = (Locale.objects.get_or_create(language_code=c)[0] for c in ("sv", "so"))
    assert upstream_translator.can_translate(sv, so), changed(
        "translation/deepl/translator.py (can_translate)",
        "wagtail-localize's DeepLTranslator no longer offers DeepL for Somali",
    )


@pytest.mark.django_db
def test_upstream_still_sends_a_whole_page_in_one_request_and_ignores_the_status(
    upstream_translator, deepl_server
):
    sv, fi = (Locale.objects.get_or_create(language_code=c)[0] for c in ("sv", "fi"))
    strings = [StringValue(f"Mening {n}.") for n in range(60)]
    message = changed(
        "translation/deepl/translator.py and translation/deepl/batching.py",
        "wagtail-localize's DeepLTranslator batches or checks the HTTP status now",
    )
    try:
        upstream_translator.translate(sv, fi, strings)
    except KeyError:
        pass  # DeepL's 400 answer has no "translations": a KeyError, a 500 page
    else:
        pytest.fail(message)
    (request,) = [e for e in deepl_server.log if e["path"] == "/v2/translate"]
    assert (request["texts"], request["status"]) == (60, 400), message

    deepl_server.set_faults(fail_next=[456])
    with pytest.raises(KeyError, match="translations"):
        upstream_translator.translate(sv, fi, strings[:1])


def test_the_deepl_client_still_takes_retries_and_timeout_only_as_module_settings():
    parameters = set(inspect.signature(deepl.DeepLClient.__init__).parameters)
    message = changed(
        "translation/deepl/client.py (_apply_network_settings)",
        "the deepl client takes retries or timeouts per instance, or renamed its module settings",
    )
    assert not parameters & {
        "max_network_retries",
        "max_retries",
        "retries",
        "timeout",
        "min_connection_timeout",
    }, message
    assert isinstance(http_client.max_network_retries, int), message
    assert isinstance(http_client.min_connection_timeout, float), message
    assert isinstance(http_client._BackoffTimer.BACKOFF_INITIAL, float), message
