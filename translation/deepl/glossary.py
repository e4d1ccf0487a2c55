"""Mirror the coordinators' glossary (``GlossaryTerm``) into a DeepL glossary.

The terms are sent as one multilingual glossary (API v3, one dictionary per target
language). Only when the server answers that it has no v3 glossaries (404 or 405 on
``/v3/glossaries``) are they sent as one v2 glossary per language pair; any other failure
is raised as its ``MachineTranslationError`` (a 403 as ``ConfigurationError``, a 456 as
``QuotaExceeded``) and stops the translation that needed the glossary, as the same answer
to the translation itself would. Only the pairs DeepL supports for glossaries
(``get_glossary_languages``) are included. The glossary is re-created when the terms
change (a fingerprint of the entries is kept in ``GlossarySync``) and the old one deleted;
nothing is sent while nothing changed.
"""

import hashlib
import json
import logging
from collections import defaultdict
from http import HTTPStatus

from django.db import transaction

import deepl
from deepl.api_data import MultilingualGlossaryDictionaryEntries

from ..models import GlossarySync, GlossaryTermTranslation
from . import languages
from .errors import RequestRejected, as_machine_translation_errors

logger = logging.getLogger(__name__)

GLOSSARY_NAME = "Portal glossary"
# What a server without multilingual glossaries answers on /v3/glossaries.
NO_V3_STATUSES = {HTTPStatus.NOT_FOUND, HTTPStatus.METHOD_NOT_ALLOWED}


def glossary_for(client: deepl.DeepLClient, source_code: str, target_code: str) -> str | None:
    """The DeepL glossary id to use from ``source_code`` to ``target_code``, if any.

    A glossary DeepL refuses (``RequestRejected``: say, an entry it does not accept) does
    not stop the translation, which is made without it; every other error is raised.
    """
    try:
        return sync(client, source_code).get(target_code.split("-")[0])
    except RequestRejected:
        logger.warning("DeepL refused the glossary; translating without it", exc_info=True)
        return None


def sync(client: deepl.DeepLClient, source_code: str) -> dict[str, str]:
    """Make DeepL's glossary match the terms; return ``{target base code: glossary_id}``."""
    with as_machine_translation_errors():
        supported = languages.get_glossary_pairs(client)
    entries = _entries_by_target(source_code, supported)
    fingerprint = _fingerprint(entries)
    server = str(client.server_url)
    current = GlossarySync.objects.filter(server_url=server).first()
    if current and current.fingerprint == fingerprint:
        return _ids(current, entries)  # the usual case: no lock, no request
    with transaction.atomic():
        sync_row = GlossarySync.objects.select_for_update().filter(server_url=server).first()
        if sync_row and sync_row.fingerprint == fingerprint:
            return _ids(sync_row, entries)
        old = dict(sync_row.glossary_ids) if sync_row else {}
        new_ids, version = _create(client, source_code, entries) if entries else ({}, "v3")
        GlossarySync.objects.update_or_create(
            server_url=server,
            defaults={"fingerprint": fingerprint, "api_version": version, "glossary_ids": new_ids},
        )
    _delete_old(client, old)
    return _ids(GlossarySync.objects.get(server_url=server), entries)


def _create(client, source_code: str, entries: dict) -> tuple[dict[str, str], str]:
    """Create the glossary: ``({"*": id}, "v3")``, or ``({target: id}, "v2")`` without v3."""
    dictionaries = [
        MultilingualGlossaryDictionaryEntries(source_code, target, terms)
        for target, terms in sorted(entries.items())
    ]
    with as_machine_translation_errors():
        try:
            info = client.create_multilingual_glossary(GLOSSARY_NAME, dictionaries)
            return {"*": info.glossary_id}, "v3"
        except deepl.DeepLException as error:
            if getattr(error, "http_status_code", None) not in NO_V3_STATUSES:
                raise
            logger.info("This DeepL server has no multilingual glossaries, using v2")
        new_ids = {}
        for target, terms in sorted(entries.items()):
            info = client.create_glossary(GLOSSARY_NAME, source_code, target, terms)
            new_ids[target] = info.glossary_id
        return new_ids, "v2"


def _entries_by_target(source_code: str, supported: set[tuple[str, str]]) -> dict:
    """``{target base code: {term: translation}}`` for the supported pairs."""
    entries: dict[str, dict[str, str]] = defaultdict(dict)
    rows = GlossaryTermTranslation.objects.select_related("term", "locale").order_by(
        "term__term", "locale__language_code"
    )
    for row in rows:
        term, translation = row.term.term.strip(), row.translation.strip()
        if not term or not translation:
            continue
        target = languages.deepl_source_code(row.locale.language_code)
        if (source_code, target) in supported:
            entries[target][term] = translation
    return dict(entries)


def _fingerprint(entries: dict) -> str:
    return hashlib.sha256(json.dumps(entries, sort_keys=True).encode()).hexdigest()


def _ids(sync_row: GlossarySync, entries: dict) -> dict[str, str]:
    if "*" in sync_row.glossary_ids:
        return {target: sync_row.glossary_ids["*"] for target in entries}
    return dict(sync_row.glossary_ids)


def _delete_old(client, old_ids: dict[str, str]) -> None:
    for key, glossary_id in old_ids.items():
        try:
            if key == "*":
                client.delete_multilingual_glossary(glossary_id)
            else:
                client.delete_glossary(glossary_id)
        except deepl.DeepLException:
            # An old glossary left behind is harmless; the terms already point elsewhere.
            logger.info("Could not delete old DeepL glossary %s", glossary_id, exc_info=True)
