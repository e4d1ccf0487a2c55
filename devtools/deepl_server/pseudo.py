"""Pseudo-translation: visibly "translated" text that keeps every tag where it was.

``pseudo_translate("Hej <b>världen</b>", "EN-GB")`` gives ``"[EN-GB] ⟦Hêj <b>vârldên</b>⟧"``:
the target language is shown in front, vowels carry a circumflex (y an acute) so that
untranslated Swedish stands out on a screenshot, and markup, entities and glossary terms are
untouched. Every altered letter stays in Latin-1: a pseudo-translated demo page must not
download the Latin Extended font that real Arabic or Tigrinya text never needs.
"""

import re

# Tags and character entities pass through unchanged; only the text between them is altered.
_MARKUP = re.compile(r"(<[^>]*>|&[#a-zA-Z0-9]+;)")

_VOWELS = str.maketrans(
    {
        "a": "â",
        "e": "ê",
        "i": "î",
        "o": "ô",
        "u": "û",
        "y": "ý",
        "A": "Â",
        "E": "Ê",
        "I": "Î",
        "O": "Ô",
        "U": "Û",
        "Y": "Ý",
        "ä": "â",
        "å": "â",
        "ö": "ô",
        "Ä": "Â",
        "Å": "Â",
        "Ö": "Ô",
    }
)


def _alter(text: str, glossary: dict[str, str]) -> str:
    if not glossary:
        return text.translate(_VOWELS)
    # Longest terms first so that "Region Jönköpings län" wins over "Jönköpings".
    terms = sorted(glossary, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(term) for term in terms))
    out = []
    position = 0
    for match in pattern.finditer(text):
        out.append(text[position : match.start()].translate(_VOWELS))
        out.append(glossary[match.group(0)])
        position = match.end()
    out.append(text[position:].translate(_VOWELS))
    return "".join(out)


# An element marked translate="no" (HTML's own attribute) is left alone, as DeepL does.
_NO_TRANSLATE = re.compile(r"<(\w+)\b[^>]*\btranslate=\"no\"[^>]*>.*?</\1>", re.S)


def _ignored_spans(text: str, ignore_tags: list[str]) -> list[tuple[int, int]]:
    spans = [match.span() for match in _NO_TRANSLATE.finditer(text)]
    for tag in ignore_tags:
        for match in re.finditer(rf"<{re.escape(tag)}\b[^>]*>.*?</{re.escape(tag)}>", text, re.S):
            spans.append(match.span())
    # In order and without overlaps, so that each stretch of text is kept or altered once.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def pseudo_translate(
    text: str,
    target_lang: str,
    *,
    tag_handling: str | None = None,
    glossary: dict[str, str] | None = None,
    ignore_tags: list[str] | None = None,
) -> str:
    """Return the pseudo-translation of ``text`` into ``target_lang``."""
    glossary = glossary or {}
    if tag_handling in ("html", "xml"):
        ignored = _ignored_spans(text, ignore_tags or [])
        parts = []
        position = 0
        for start, end in ignored:
            parts.append((text[position:start], True))
            parts.append((text[start:end], False))
            position = end
        parts.append((text[position:], True))
        out = []
        for part, translate in parts:
            if not translate:
                out.append(part)
                continue
            for token in _MARKUP.split(part):
                out.append(token if _MARKUP.fullmatch(token) else _alter(token, glossary))
        body = "".join(out)
    else:
        body = _alter(text, glossary)
    return f"[{target_lang}] ⟦{body}⟧"


def strip_markup(text: str) -> str:
    """The text with all tags removed (the "dropped markup" fault)."""
    return re.sub(r"<[^>]*>", "", text)


def billed_characters(text: str, tag_handling: str | None) -> int:
    """Characters DeepL bills for ``text``: with tag handling, tags are not counted."""
    if tag_handling in ("html", "xml"):
        return len(strip_markup(text))
    return len(text)
