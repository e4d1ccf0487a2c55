"""How easy a Swedish text is to read: LIX (läsbarhetsindex, Björnsson 1968).

Machine translation is only as good as its source, and the Language Act (språklagen 11 §)
asks for simple Swedish anyway; the editor shows this score while the communicator writes.
LIX = words per sentence + 100 × words longer than six letters / words. Written here rather
than taken from a library: it is forty lines, and we decide what a word and a sentence are.

A word is a whitespace-separated token with at least one letter; its length counts letters
only ("EU-projektet" is one long word, "2026" is no word). A sentence ends at ``.``, ``!``,
``?`` or ``:`` followed by a space or the end, and at every line end (paragraphs, list items,
headings). Common Swedish abbreviations ("t.ex.", "bl.a.", "kl.") do not end a sentence.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

LONG_WORD = 6  # letters; a word is long when it has more
LONG_SENTENCE = 25  # words; the editor points out longer sentences
ABBREVIATIONS = {
    "t.ex.", "bl.a.", "m.m.", "m.fl.", "osv.", "o.s.v.", "dvs.", "d.v.s.", "s.k.", "p.g.a.",
    "pga.", "ca.", "kl.", "nr.", "tel.", "jfr.", "resp.", "inkl.", "exkl.", "f.d.", "fr.o.m.",
    "t.o.m.", "o.d.", "e.d.", "mfl.", "st.", "enl.", "ang.",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?:]+$")

# (upper bound, exclusive; band key; band name)
BANDS = [
    (30, "very-easy", _("mycket lätt")),
    (40, "easy", _("lätt")),
    (50, "medium", _("medelsvår")),
    (60, "hard", _("svår")),
    (float("inf"), "very-hard", _("mycket svår")),
]


def _letters(token: str) -> int:
    return sum(ch.isalpha() for ch in token)


def sentences(text: str) -> list[list[str]]:
    """The text's sentences, each a list of its word tokens (tokens without letters dropped)."""
    found: list[list[str]] = []
    for line in text.splitlines():
        current: list[str] = []
        for token in line.split():
            if _letters(token):
                current.append(token)
            if _SENTENCE_END.search(token) and token.lower() not in ABBREVIATIONS:
                if current:
                    found.append(current)
                current = []
        if current:
            found.append(current)
    return found


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def score(self) -> float | None:
        """None for a text without words: an empty field is neither easy nor hard."""
        if not self.words:
            return None
        return round(self.words / self.sentences + 100 * self.long_words / self.words, 1)

    @property
    def band(self) -> tuple[str, str] | None:
        """(key, name in Swedish) of the score's band, or None without a score."""
        if self.score is None:
            return None
        return next((key, str(name)) for bound, key, name in BANDS if self.score < bound)


def lix(text: str) -> Lix:
    found = sentences(text)
    words = [word for sentence in found for word in sentence]
    return Lix(
        words=len(words),
        sentences=len(found),
        long_words=sum(_letters(word) > LONG_WORD for word in words),
    )


def long_sentences(text: str, limit: int = LONG_SENTENCE) -> list[str]:
    """The sentences of more than ``limit`` words, as written (tokens joined by spaces)."""
    return [" ".join(sentence) for sentence in sentences(text) if len(sentence) > limit]
