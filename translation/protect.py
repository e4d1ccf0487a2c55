"""Protected text ("do not translate") on its way to DeepL and back.

In a segment string, wagtail-localize keeps the mark ``<span translate="no">`` as
``<span id="spanN">`` (the attribute is stored apart; see
``core.wagtail_localize_protected_span``). The only span our rich text has is that mark, so:

- languages with tag handling: the span gets its ``translate="no"`` back on the way out
  (DeepL leaves such an element alone with ``tag_handling=html``) and loses it on the way in;
- text-only languages (Persian at DeepL: no tag handling): every tag and entity, and each
  protected span whole, becomes a numbered placeholder ``⟪N⟫``, put back after translation.
  A placeholder DeepL dropped or duplicated makes the segment plain text flagged for review
  (``translation.markup``), in which a dropped protected text is added back (``salvage``).

The coordinator's always-protected terms (``ReadabilitySettings.protected_terms`` of the
page's own site) are wrapped in such a span before sending and unwrapped after, so they need
no marking on the page. Unwrapped, they have no element to carry ``dir="ltr"``; in a
right-to-left target language each is isolated instead with the Unicode controls U+2066
LEFT-TO-RIGHT ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, which work in titles and plain-text
fields as well as in rich text, and which the reader never sees.
"""

import re

_PROTECTED_OPEN = re.compile(r'<span id="(span\d+)">')
_PROTECTED = re.compile(r'<span id="(?:span\d+|term)"(?: translate="no")?>.*?</span>', re.S)
_PROTECTED_OUT = re.compile(r'<span id="(span\d+)" translate="no">')
_TERM_OPEN = '<span id="term" translate="no">'
_MARKUP = re.compile(r"<[^>]*>|&[#a-zA-Z0-9]+;")
_PLACEHOLDER = re.compile(r"⟪(\d+)⟫")
_TERM = re.compile(r'<span id="term" translate="no">(.*?)</span>', re.S)
LRI = "\u2066"
PDI = "\u2069"


def for_deepl(text: str, terms=()) -> str:
    text = _PROTECTED_OPEN.sub(r'<span id="\1" translate="no">', text)
    return wrap_terms(text, terms)


def from_deepl(text: str, *, isolate_terms: bool = False) -> str:
    """Back to the segment's form; ``isolate_terms`` for a right-to-left target language."""
    text = unwrap_terms(text, isolate=isolate_terms)
    return _PROTECTED_OUT.sub(r'<span id="\1">', text)


def wrap_terms(text: str, terms) -> str:
    """Wrap each always-protected term found outside tags and protected spans."""
    terms = sorted({term for term in terms if term.strip()}, key=len, reverse=True)
    if not terms:
        return text
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(term) for term in terms) + r")(?![\w])")
    out, position = [], 0
    # Leave tags and already protected spans as they are; wrap terms in the text between.
    for match in re.finditer(_PROTECTED.pattern + r"|<[^>]*>", text, re.S):
        out.append(pattern.sub(_TERM_OPEN + r"\1</span>", text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(pattern.sub(_TERM_OPEN + r"\1</span>", text[position:]))
    return "".join(out)


def unwrap_terms(text: str, *, isolate: bool = False) -> str:
    if isolate:
        return _TERM.sub(lambda match: f"{LRI}{match.group(1)}{PDI}", text)
    return _TERM.sub(r"\1", text)


def to_placeholders(text: str) -> tuple[str, list[str]]:
    """For a text-only language: markup and protected spans out, ``⟪N⟫`` in their place."""
    originals: list[str] = []

    def keep(match):
        originals.append(match.group(0))
        return f"⟪{len(originals) - 1}⟫"

    return re.sub(_PROTECTED.pattern + "|" + _MARKUP.pattern, keep, text, flags=re.S), originals


def from_placeholders(text: str, originals: list[str]) -> str:
    """Put the originals back; an unknown number is left as it is (the check flags it)."""

    def back(match):
        index = int(match.group(1))
        return originals[index] if index < len(originals) else match.group(0)

    return _PLACEHOLDER.sub(back, text)


def salvage(text: str, originals: list[str]) -> str:
    """A translation whose placeholders did not come back intact, with nothing protected lost.

    What came back is put back; a stray number is removed; a protected text whose
    placeholder DeepL dropped is added at the end, for the reviewer to place (the segment
    is flagged: ``translation.markup``).
    """
    found = {int(number) for number in _PLACEHOLDER.findall(text)}
    text = _PLACEHOLDER.sub("", from_placeholders(text, originals))
    missing = [
        original
        for index, original in enumerate(originals)
        if index not in found and _PROTECTED.fullmatch(original)
    ]
    return " ".join([text.rstrip(), *missing]) if missing else text


def placeholders_intact(text: str, count: int) -> bool:
    """Each of the ``count`` placeholders came back exactly once, and no other."""
    found = [int(number) for number in _PLACEHOLDER.findall(text)]
    return sorted(found) == list(range(count))


def protected_terms(site=None) -> list[str]:
    """The always-protected terms of ``site``'s readability setting (default: default site).

    Each site (municipality) keeps its own list; a page is translated with its own site's.
    """
    from wagtail.models import Site

    from readability.models import ReadabilitySettings

    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    text = ReadabilitySettings.for_site(site).protected_terms
    return [line.strip() for line in text.splitlines() if line.strip()]
