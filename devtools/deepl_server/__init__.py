"""A local DeepL-compatible HTTP server, for development, tests and the benchmark.

It is a real HTTP server on loopback (standard library ``http.server``), not a mock: the
official ``deepl`` client talks to it exactly as it talks to api.deepl.com, so the project's
whole path (client, retries, status codes, glossaries, usage) runs in tests and in
``make run`` without a DeepL account.

Run it on its own::

    python -m devtools.deepl_server --port 8765 [--character-limit 500000]

and point the portal at it with ``DEEPL_SERVER_URL=http://127.0.0.1:8765`` and any
``DEEPL_AUTH_KEY``. ``make run`` does this by itself when ``DEEPL_AUTH_KEY`` is unset.

Implemented (the parts of DeepL API v2/v3 the portal uses):

- ``POST /v2/translate``, form or JSON body: ``text`` (list), ``source_lang``,
  ``target_lang``, ``tag_handling`` (``html``/``xml``), ``ignore_tags``, ``formality``,
  ``glossary_id``, ``show_billed_characters``;
- ``GET /v2/languages`` (``type=source|target``, with ``supports_formality``),
  ``GET /v2/usage``, ``GET /v2/glossary-language-pairs``;
- ``GET /v3/languages?resource=translate_text`` (beta; ``product=`` is accepted too): each
  language with ``lang``, ``usable_as_source/target`` and ``features`` (an object whose keys
  are ``tag_handling``, ``glossary``, ``formality``). Persian has neither tag handling nor
  glossary; Somali and Tigrinya are absent. Which targets are text-only is configurable:
  ``LOCAL_DEEPL_TEXT_ONLY=FA,UK``, ``--text-only FA,UK``,
  ``LocalDeepLServer(text_only_targets=...)`` or
  ``POST /_admin/languages {"text_only": [...], "no_glossary": [...]}``; a text-only target
  ignores ``tag_handling`` and, like a no-glossary one, refuses a glossary (400);
- glossaries: ``/v2/glossaries`` (create, list, get, entries, delete) and the multilingual
  ``/v3/glossaries`` (create, list, get, patch, entries, replace/delete dictionary, delete).

The real API's limits are enforced: more than 50 texts gives 400, a body over 128 KiB gives
413, and a request that would pass the character limit gives 456 (quota exceeded); a
missing or unknown key gives 403. Billed characters exclude tags when tag handling is on.

Translations are pseudo-translations (see ``pseudo.py``): ``"[EN-GB] ⟦Hêj <b>vârldên</b>⟧"``
keeps the markup and shows the target language, so a screenshot proves a translation ran.
Glossary terms are replaced by their target terms verbatim.

Faults for tests, switched on through ``LocalDeepLServer.set_faults(...)`` or, from another
process, ``POST /_admin/faults`` with a JSON object:

- ``fail_next``: list of HTTP statuses (429, 456, 500, 503, 403...) for the next translate
  requests, one each;
- ``drop_connection_next``: close the connection without an answer for the next N requests;
- ``slow_seconds``: delay every translate answer (for timeouts);
- ``drop_markup``: return translations with all tags removed;
- ``glossary_fail_next``: list of HTTP statuses for the next glossary requests (language
  pairs, v2 and v3 glossaries), one each;
- ``no_v3_glossaries``: answer 404 on ``/v3/glossaries``, as a server without multilingual
  glossaries does;
- ``no_v3_languages``: answer 404 on ``/v3/languages``, as a server without it does;
- ``placeholder_fault``: ``"drop"`` or ``"duplicate"`` the first placeholder ``⟪N⟫`` of every
  text-only translation (what DeepL may do to the portal's placeholders);
- ``character_limit`` (admin endpoint only): change the quota.

``POST /_admin/reset`` clears usage, glossaries, faults, language settings and the request log;
``GET /_admin/log`` returns the request log (path, status, target language, number of
texts, bytes, billed characters) and the usage.
"""

from .server import MAX_REQUEST_BYTES, MAX_TEXTS, Faults, LocalDeepLServer

__all__ = ["MAX_REQUEST_BYTES", "MAX_TEXTS", "Faults", "LocalDeepLServer"]
