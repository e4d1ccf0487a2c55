"""Protected terms (names that stay as they are) and glossary terms (agreed translations).

The caller passes them in (`translation` owns the glossary and the protected-term list); this
module only decides whether a term the Swedish text uses is in the translation. Matching is
on folded text and on word starts, so "Erasmus+" is found in "Erasmus+-programmet" and a
glossary target "грант" in "гранту".
"""

from collections.abc import Iterable, Mapping

from .model import Fact
from .text import fold


def _folded_text(text: str) -> str:
    return " ".join(fold(part) for part in text.split())


def _contains(haystack: str, needle: str, inflecting: bool = False) -> bool:
    needle = " ".join(fold(part) for part in needle.split())
    if not needle:
        return False
    if inflecting and len(needle) >= 5:
        needle = needle[:-1]
    position = haystack.find(needle)
    while position != -1:
        before = haystack[position - 1] if position > 0 else " "
        if not before.isalnum():
            return True
        position = haystack.find(needle, position + 1)
    return False


def protected(text: str, terms: Iterable[str]) -> list[Fact]:
    folded = _folded_text(text)
    facts = []
    for term in terms:
        if isinstance(term, str) and term.strip() and _contains(folded, term):
            facts.append(Fact("protected_term", term.strip(), 0, 0, term.strip()))
    return facts


def glossary_pairs(glossary) -> list[tuple[str, str]]:
    """(Swedish term, target term) pairs from a mapping or an iterable of pairs."""
    items = glossary.items() if isinstance(glossary, Mapping) else glossary or ()
    pairs = []
    for item in items:
        try:
            source, target = item
        except (TypeError, ValueError):
            source = getattr(item, "source", None)
            target = getattr(item, "target", None)
        if (
            isinstance(source, str)
            and isinstance(target, str)
            and source.strip()
            and target.strip()
        ):
            pairs.append((source.strip(), target.strip()))
    return pairs


def present(text: str, term: str, inflecting: bool = False) -> bool:
    return _contains(_folded_text(text), term, inflecting)


def glossary_used(source: str, glossary) -> list[tuple[str, str]]:
    folded = _folded_text(source)
    return [(s, t) for s, t in glossary_pairs(glossary) if _contains(folded, s, inflecting=True)]
