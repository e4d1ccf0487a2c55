"""A local Azure AI Translator-compatible HTTP server, for development and tests.

Like ``devtools.deepl_server`` beside it: a real HTTP server on loopback (standard
library ``http.server``), not a mock. The official ``azure-ai-translation-text`` client
talks to it as it talks to Azure's cloud or a Translator container (endpoint only, no key),
so the whole path (client, retries with ``Retry-After``, status codes, limits, usage) runs
in tests and in ``make run`` without an Azure account.

Run it on its own::

    python -m devtools.azure_server --port 8766

and point the portal at it with ``AZURE_TRANSLATOR_ENDPOINT=http://127.0.0.1:8766``.
``make run`` does this by itself when neither ``AZURE_TRANSLATOR_KEY`` nor
``AZURE_TRANSLATOR_ENDPOINT`` is set (port ``AZURE_LOCAL_PORT``).

Implemented (Translator API v3.0, what the portal uses):

- ``POST /translate?api-version=3.0&to=so[&to=…]&from=sv&textType=html|plain&category=…``,
  JSON body ``[{"Text": "…"}]``: ``[{"translations": [{"text": "…", "to": "so"}]}]`` (with
  ``detectedLanguage`` when ``from`` is absent) and the ``X-Metered-Usage`` header
  (characters × targets); elements with ``class="notranslate"`` and markup are kept, the
  dynamic dictionary ``<mstrans:dictionary translation="…">`` gives its translation;
- ``GET /languages?api-version=3.0&scope=translation`` (no key, as at Azure);
- limits: more than 1000 elements or 50,000 characters per request answer 400 (400077);
  a wrong ``api-version`` 400 (400021), an unknown language 400 (400035/400036);
- keys: ``LocalAzureServer(keys={...})`` or ``POST /_admin/reset {"keys": [...]}`` demands
  ``Ocp-Apim-Subscription-Key`` (401 401000 otherwise); by default none, as a container.

Translations are pseudo-translations in the target's script (``pseudo.py``): Tigrinya in
Ethiopic (``[ተኢ] ⟦ሀኤጀ …⟧``), Somali in Latin (``[so] ⟦Heej …⟧``).

Faults (``LocalAzureServer.set_faults(...)`` in-process, or ``POST /_admin/faults`` JSON):
``fail_next`` (statuses: 401, 403, 429, 500, 503…, one per request), ``retry_after``
(seconds sent with a 429), ``quota_exceeded`` (a 403 is 403001, the free tier's quota),
``slow_seconds`` (for timeouts), ``wrong_script``, ``empty_answer``. ``GET /_admin/log``
gives the request log (path, status, to, textType, texts, characters, region), ``POST
/_admin/reset`` clears it with the faults.
"""

from .server import MAX_CHARACTERS, MAX_ELEMENTS, Faults, LocalAzureServer

__all__ = ["MAX_CHARACTERS", "MAX_ELEMENTS", "Faults", "LocalAzureServer"]
