"""The Swedish prose of a page, field by field and block by block, for the readability score.

What counts is what the page sends to translators (its ``TranslatableField``s: title, intro,
every rich-text and text field, every text-bearing block of its StreamFields), minus the
search-engine fields, which readers do not read as prose. Each part keeps a ``path`` the
editor can point to: the field name, then the StreamField block ids and child names joined
by dots, the content path Wagtail's editor scrolls to from ``#:w:contentpath=<path>``.

Rich text is turned into plain text with a line end after every block element, so that a
heading, a list item or a paragraph ends its sentence, as LIX counts them.
"""

from dataclasses import dataclass
from html.parser import HTMLParser

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from readability.score import Lix, lix, long_sentences

NOT_PROSE = {"slug", "seo_title", "search_description"}
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "div", "blockquote", "ul", "ol"}


@dataclass(frozen=True)
class TextPart:
    path: str  # "intro", "body.<block id>", "body.<block id>.text": Wagtail's content path
    label: str  # the field's or block's name as the editor shows it
    text: str


class _PlainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _PlainText()
    parser.feed(html or "")
    parser.close()
    return "\n".join(line.strip() for line in "".join(parser.parts).splitlines() if line.strip())


def _block_parts(block, value, path: str, label: str):
    if isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value or "")
        yield TextPart(path, label, html_to_text(source))
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield TextPart(path, label, str(value or ""))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _block_parts(
                child, value.get(name), f"{path}.{name}", f"{label} › {child.label}"
            )
    elif isinstance(block, blocks.ListBlock):
        for item in value.bound_blocks if hasattr(value, "bound_blocks") else []:
            yield from _block_parts(block.child_block, item.value, f"{path}.{item.id}", label)
    elif isinstance(block, blocks.StreamBlock):
        for child in value or []:
            yield from _block_parts(
                child.block, child.value, f"{path}.{child.id}", str(child.block.label)
            )


def page_text_parts(page) -> list[TextPart]:
    """Every non-empty prose part of the page, in the order of its translatable fields."""
    names = [
        field.field_name
        for field in getattr(page, "translatable_fields", [])
        if type(field).__name__ == "TranslatableField" and field.field_name not in NOT_PROSE
    ]
    if not names:
        names = ["title"]
    parts: list[TextPart] = []
    for name in names:
        try:
            field = page._meta.get_field(name)
        except FieldDoesNotExist:  # a translatable child relation, not a field of prose
            continue
        label = str(field.verbose_name)
        value = getattr(page, name, None)
        if isinstance(field, StreamField):
            parts.extend(_block_parts(field.stream_block, value, name, label))
        elif isinstance(field, RichTextField):
            parts.append(TextPart(name, label, html_to_text(value)))
        elif isinstance(field, (models.CharField, models.TextField)):
            parts.append(TextPart(name, label, str(value or "")))
    return [part for part in parts if part.text.strip()]


@dataclass(frozen=True)
class PageReadability:
    lix: Lix  # the whole page's
    long_sentences: list[tuple[TextPart, str]]  # (where, the sentence)
    hardest: list[tuple[TextPart, Lix]]  # parts by falling LIX, at most ``HARDEST``


HARDEST = 3


def page_readability(page) -> PageReadability:
    """The page's LIX, its sentences over 25 words and its hardest parts, each with its path."""
    parts = page_text_parts(page)
    scored = [(part, lix(part.text)) for part in parts]
    total = Lix(
        words=sum(score.words for _, score in scored),
        sentences=sum(score.sentences for _, score in scored),
        long_words=sum(score.long_words for _, score in scored),
    )
    ranked = sorted(
        (item for item in scored if item[1].score is not None),
        key=lambda item: item[1].score,
        reverse=True,
    )
    return PageReadability(
        lix=total,
        long_sentences=[
            (part, sentence) for part in parts for sentence in long_sentences(part.text)
        ],
        hardest=ranked[:HARDEST],
    )
