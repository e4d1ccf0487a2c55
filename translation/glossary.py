"""Mirror the coordinators' glossary (``GlossaryTerm``) into a DeepL glossary.

The terms are sent as one multilingual glossary (API v3, one dictionary per target
language) when the server offers it, else as one v2 glossary per language pair. Only the
pairs DeepL supports for glossaries (``get_glossary_language_pairs``) are included. The
glossary is re-created when the terms change (a fingerprint of the entries is kept in
``GlossarySync``) and the old one deleted; nothing is sent while nothing changed.
"""

import hashlib
import json
import logging
from collections import defaultdict

from django.db import transaction

from deepl.api_data import MultilingualGlossaryDictionaryEntries

from . import languages
from .models import GlossarySync, GlossaryTermTranslation

logger = logging.getLogger(__name__)

GLOSSARY_NAME = "Nässjö portal"


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


def glossary_for(translator, source_code: str, target_code: str) -> str | None:
    """The DeepL glossary id to use from ``source_code`` to ``target_code``, if any."""
    from .deepl_translator import MachineTranslationError

    try:
        return _sync(translator, source_code).get(target_code.split("-")[0])
    except MachineTranslationError:
        # A glossary that cannot be synced must not stop the translation itself.
        logger.warning("The glossary could not be synced with DeepL", exc_info=True)
        return None


def _sync(translator, source_code: str) -> dict[str, str]:
    """Make DeepL's glossary match the terms; return ``{target: glossary_id}``."""
    client = translator.client
    try:
        supported = languages.get_glossary_pairs(client)
    except Exception as error:  # classified below
        from .deepl_translator import classify

        raise classify(error) from error
    entries = _entries_by_target(source_code, supported)
    fingerprint = _fingerprint(entries)
    server = str(client.server_url)
    current = GlossarySync.objects.filter(server_url=server).first()
    if current and current.fingerprint == fingerprint:
        return _ids(current, entries)  # the usual case: no lock, no request
    with transaction.atomic():
        sync = GlossarySync.objects.select_for_update().filter(server_url=server).first()
        if sync and sync.fingerprint == fingerprint:
            return _ids(sync, entries)
        old = dict(sync.glossary_ids) if sync else {}
        version = sync.api_version if sync else "v3"
        new_ids: dict[str, str] = {}
        if entries:
            try:
                info = translator.call(
                    "create_multilingual_glossary",
                    GLOSSARY_NAME,
                    [
                        MultilingualGlossaryDictionaryEntries(source_code, target, terms)
                        for target, terms in sorted(entries.items())
                    ],
                )
                new_ids, version = {"*": info.glossary_id}, "v3"
            except Exception:  # a server without v3: one glossary per pair
                logger.info("Multilingual glossaries unavailable, using v2", exc_info=True)
                for target, terms in sorted(entries.items()):
                    info = translator.call(
                        "create_glossary", GLOSSARY_NAME, source_code, target, terms
                    )
                    new_ids[target] = info.glossary_id
                version = "v2"
        GlossarySync.objects.update_or_create(
            server_url=server,
            defaults={"fingerprint": fingerprint, "api_version": version, "glossary_ids": new_ids},
        )
    _delete_old(translator, old, version if old else None)
    sync = GlossarySync.objects.get(server_url=server)
    return _ids(sync, entries)


def _ids(sync: GlossarySync, entries: dict) -> dict[str, str]:
    if "*" in sync.glossary_ids:
        return {target: sync.glossary_ids["*"] for target in entries}
    return dict(sync.glossary_ids)


def _delete_old(translator, old_ids: dict[str, str], _version) -> None:
    for key, glossary_id in old_ids.items():
        method = "delete_multilingual_glossary" if key == "*" else "delete_glossary"
        try:
            translator.call(method, glossary_id)
        except Exception:  # an old glossary left behind is harmless
            logger.info("Could not delete old DeepL glossary %s", glossary_id, exc_info=True)
