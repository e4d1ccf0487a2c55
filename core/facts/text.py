"""Text normalisation shared by every extractor.

Why: the same fact is written with different code points across the portal's languages
(Arabic-Indic and Persian digits, Arabic decimal and grouping signs, no-break and thin
spaces, en dashes, bidi marks that right-to-left editors insert around numbers). The
extractors work on one normalised string; an offset map keeps the Swedish form of each
fact quotable from the original text.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

# Marks that change nothing a reader sees in the logical text: bidi controls, the Arabic
# letter mark, zero-width joiners (Persian half-spaces), soft hyphen, BOM.
_DROP = set(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200b\u200c\u200d\u00ad\ufeff\u0640"
)
_SPACES = set("\u00a0\u202f\u2009\u2007\u2008\u200a\u2002\u2003\u2004\u2005\u2006\u3000\t")
_DASHES = set("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d")
_SIGNS = {
    "\u066b": ".",  # ARABIC DECIMAL SEPARATOR (CLDR's decimal sign for arab/arabext digits)
    "\u066c": ",",  # ARABIC THOUSANDS SEPARATOR (CLDR's group sign for arab/arabext)
    "\u066a": "%",  # ARABIC PERCENT SIGN
    "\u2019": "'",
    "\u02bc": "'",
    "\u2018": "'",
    "\uff05": "%",
}


@dataclass(frozen=True)
class Normalised:
    """A normalised text and, for each of its characters, the offset in the original."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def source_span(self, start: int, end: int) -> str:
        """The original text behind normalised [start, end), for naming a fact."""
        if start >= end or not self.offsets:
            return ""
        first = self.offsets[start]
        last = self.offsets[end - 1] + 1
        return self.original[first:last].strip()


def _map_char(ch: str) -> str:
    if ch in _SPACES:
        return " "
    if ch in _DASHES:
        return "-"
    if ch in _SIGNS:
        return _SIGNS[ch]
    if ch.isdigit() and not ch.isascii():
        try:
            return str(unicodedata.decimal(ch))
        except ValueError:
            return ch
    return ch


# Inline markup in a translatable segment ('<a id="a1">', '<b>') and character references
# ("3&nbsp;000&nbsp;kr"): wagtail-localize segments of rich text carry both.
_MARKUP_RE = re.compile(r"<[A-Za-z/!][^<>]{0,500}>|&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});")


def normalise(original: str) -> Normalised:
    """Fold digits of every script to ASCII, unify spaces, dashes and signs, drop bidi marks.

    Each original character maps to at most one character (a tag or a character
    reference to one), so offsets stay exact.
    """
    source = unicodedata.normalize("NFC", original)
    markup = {match.start(): match for match in _MARKUP_RE.finditer(source)}
    chars: list[str] = []
    offsets: list[int] = []
    index = 0
    while index < len(source):
        match = markup.get(index)
        if match is not None:
            token = match.group()
            replacement = " " if token.startswith("<") else html.unescape(token)
            if len(replacement) == 1:
                chars.append(_map_char(replacement) if replacement not in _DROP else " ")
                offsets.append(index)
                index = match.end()
                continue
        ch = source[index]
        if ch not in _DROP:
            chars.append(_map_char(ch))
            offsets.append(index)
        index += 1
    return Normalised(original=source, text="".join(chars), offsets=tuple(offsets))


_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ئ": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ك": "ک",
        "ؤ": "و",
        "'": "",
        "\u02bc": "",
        "\u2019": "",
        "\u200c": "",
        "\u200d": "",
    }
)


def fold(word: str) -> str:
    """A word's comparable form: lower case, no combining marks, one Arabic/Persian letter form.

    Why: CLDR writes "ژانویهٔ" and "أبريل", translators write "ژانویه" and "ابريل"; the
    comparison is about which month is meant, not about spelling conventions.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).translate(_FOLD)


# A word: letters (any script, with combining marks) possibly joined by apostrophes.
WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u0300-\u036f\u064b-\u065f\u0670])*", re.UNICODE)


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every word of a normalised text."""
    return [(m.start(), m.end(), fold(m.group())) for m in WORD_RE.finditer(text)]
