"""Pseudo-translation in the target language's script, markup and protected text untouched.

``pseudo_translate("Hej <b>världen</b>", "ti")`` gives ``"[ተኢ] ⟦ሀኤጀ <b>ቨኣረለደኤነ</b>⟧"``:
Tigrinya in Ethiopic syllables, Somali in Latin with Somali's doubled vowels and no
diacritics (``"[so] ⟦Heej <b>varldeen</b>⟧"``), Arabic and Persian in Arabic letters,
Ukrainian in Cyrillic; other languages in Latin with doubled vowels. Tags, entities and
elements with ``class="notranslate"`` pass through unchanged; Azure's dynamic dictionary
(``<mstrans:dictionary translation="…">term</mstrans:dictionary>``) gives its translation
verbatim, as the real service does. So a screenshot shows which language, and which
engine (the brackets ⟦ ⟧ with a lower-case code, against DeepL's ``[EN-GB]``), made a text,
and the portal's script check (``translation.script_check``) passes on it.
"""

import re

_MARKUP = re.compile(r"(<[^>]*>|&[#a-zA-Z0-9]+;)")
_NOTRANSLATE = re.compile(
    r"<(\w+)\b[^>]*\bclass=\"[^\"]*\bnotranslate\b[^\"]*\"[^>]*>.*?</\1>", re.S
)
_DICTIONARY = re.compile(
    r'<mstrans:dictionary translation="([^"]*)">.*?</mstrans:dictionary>', re.S
)

_ETHIOPIC = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzäåöé",
        "አበከደኤፈገሀኢጀከለመነኦፐቀረሰተኡቨወኸየዘኣኣኦኤ",
        strict=True,
    )
)
_ARABIC = dict(zip("abcdefghijklmnopqrstuvwxyzäåöé", "ابكدعفغهيجكلمنوپقرستوڤوخيزاااع", strict=True))
_CYRILLIC = dict(
    zip("abcdefghijklmnopqrstuvwxyzäåöé", "абцдефгхійклмнопкрстувшксзаяое", strict=True)
)
_SOMALI = {"ä": "a", "å": "a", "ö": "o", "é": "e", "a": "aa", "e": "ee", "o": "oo"}
SCRIPTS = {"ti": _ETHIOPIC, "am": _ETHIOPIC, "ar": _ARABIC, "fa": _ARABIC, "uk": _CYRILLIC}


def _map(text: str, table: dict[str, str]) -> str:
    out = []
    for char in text:
        lower = char.lower()
        replaced = table.get(lower)
        if replaced is None:
            out.append(char)
        elif char != lower and replaced.isascii():
            out.append(replaced[0].upper() + replaced[1:])
        else:
            out.append(replaced)
    return "".join(out)


def alter(text: str, target: str) -> str:
    """The text between tags in ``target``'s script."""
    return _map(text, SCRIPTS.get(target, _SOMALI))


def _alter_outside_markup(text: str, target: str) -> str:
    return "".join(
        part if _MARKUP.fullmatch(part) else alter(part, target) for part in _MARKUP.split(text)
    )


def pseudo_translate(text: str, target: str, *, html_text: bool = True) -> str:
    """``text`` pseudo-translated into ``target`` (an Azure code: "so", "ti"...)."""
    kept: list[str] = []

    def keep(match):
        kept.append(match.group(0))
        return keep_text(match.group(0))

    def keep_text(value: str) -> str:
        kept.append(value)
        return f"\x00{len(kept) - 1}\x00"

    body = _DICTIONARY.sub(lambda match: keep_text(match.group(1)), text)
    if html_text:
        body = _NOTRANSLATE.sub(keep, body)
        body = _alter_outside_markup(body, target)
    else:
        body = alter(body, target)
    body = re.sub(r"\x00(\d+)\x00", lambda match: kept[int(match.group(1))], body)
    prefix = alter(target, target) if target in SCRIPTS else target
    return f"[{prefix}] ⟦{body}⟧"
