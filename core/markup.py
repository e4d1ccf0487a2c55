"""Does a translated string keep its source's inline markup and placeholders?

One check for every way a translation comes in: DeepL's output (``translation.markup``) and
a translation agency's PO file (``review.po_exchange``). A translation must carry the same
tags with the same link ids as its source (in any order: languages order words
differently), be well formed, be parseable by wagtail-localize, and keep every gettext or
``str.format`` placeholder.
"""

import re
from collections import Counter
from html.parser import HTMLParser

from wagtail_localize.strings import StringValue, validate_translation_links

# gettext and str.format placeholders: %(name)s, %s, %d, {name}, {}.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
VOID_TAGS = {"br", "img", "hr", "wbr"}

BROKEN = "broken"
TAGS_DIFFER = "tags-differ"
PLACEHOLDERS_DIFFER = "placeholders-differ"


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.errors: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[(tag, dict(attrs).get("id") or "")] += 1
        if tag not in VOID_TAGS:
            self._open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags[(tag, dict(attrs).get("id") or "")] += 1

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if not self._open or self._open[-1] != tag:
            self.errors.append(tag)
            return
        self._open.pop()

    def finish(self):
        self.close()
        if self._open:
            self.errors.extend(self._open)
        if "<" in self.rawdata:  # an unterminated tag is left unparsed
            self.errors.append(self.rawdata[self.rawdata.index("<") :][:20])


def _markup(text: str) -> tuple[Counter, list[str]]:
    collector = _TagCollector()
    collector.feed(text)
    collector.finish()
    return collector.tags, collector.errors


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def markup_problem(source: str, translated: str) -> str | None:
    """``BROKEN``, ``TAGS_DIFFER`` or ``None`` when the markup of ``translated`` is sound."""
    source_tags, _source_errors = _markup(source)
    tags, errors = _markup(translated)
    if errors:
        return BROKEN
    if tags != source_tags:
        return TAGS_DIFFER
    try:
        StringValue.from_translated_html(translated)
        validate_translation_links(source, translated)
    except ValueError:
        return BROKEN
    return None


def translation_problem(source: str, translated: str) -> str | None:
    """Like ``markup_problem``, and ``PLACEHOLDERS_DIFFER`` when a placeholder was changed."""
    problem = markup_problem(source, translated)
    if problem is None and placeholders(source) != placeholders(translated):
        return PLACEHOLDERS_DIFFER
    return problem
