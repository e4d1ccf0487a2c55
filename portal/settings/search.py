"""Wagtail's search backends: one per language on PostgreSQL, one for all on SQLite.

PostgreSQL finds inflected forms ("utbyten" finds "utbyte") only with the text-search
configuration of the text's language; it ships one for Swedish, English, Arabic and Finnish
(see ``\\dF`` in psql). Persian, Somali, Tigrinya, Ukrainian and Polish use ``simple``: words
are lower-cased, not stemmed. Each language's backend indexes only that language's pages
(``home/search_backend.py``); the Swedish one is ``default``, which the admin searches with.
SQLite has no configurations: one backend (FTS5) serves every language.
"""

from core.languages import SOURCE_LANGUAGE

POSTGRES_SEARCH_CONFIGS = {"sv": "swedish", "en": "english", "ar": "arabic", "fi": "finnish"}


def search_backend_name(code: str) -> str:
    return "default" if code == SOURCE_LANGUAGE else code


def search_backends(database_engine: str, languages: list[tuple[str, str]]) -> dict:
    if "postgresql" not in database_engine:
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
    backends = {
        search_backend_name(code): {
            "BACKEND": "home.search_backend",
            "LANGUAGE": code,
            "SEARCH_CONFIG": POSTGRES_SEARCH_CONFIGS.get(code, "simple"),
        }
        for code, _name in languages
    }
    backends["default"]["INDEXES_THE_REST"] = True
    return backends
