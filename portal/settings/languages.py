"""The languages of the portal: Swedish is the source, the others are translations.

One table for the whole project. ``PORTAL_LANGUAGES`` (environment) may narrow it to a subset
for a municipality that publishes in fewer languages; Swedish is always kept first.
"""

SOURCE_LANGUAGE = "sv"

# Autonyms: each language is named in itself, never translated.
ALL_LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("uk", "Українська"),
    ("pl", "Polski"),
    ("fi", "Suomi"),
]

# Django ships no language info for Somali and Tigrinya; portal.apps adds these entries.
EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}


def select_languages(codes: list[str]) -> list[tuple[str, str]]:
    """Return the language table narrowed to ``codes`` (all when empty), source first."""
    if not codes:
        return list(ALL_LANGUAGES)
    wanted = {code.strip() for code in codes} | {SOURCE_LANGUAGE}
    unknown = wanted - {code for code, _ in ALL_LANGUAGES}
    if unknown:
        raise ValueError(f"PORTAL_LANGUAGES names unknown languages: {sorted(unknown)}")
    return [(code, name) for code, name in ALL_LANGUAGES if code in wanted]
