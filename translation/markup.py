"""Check that a machine translation kept the source's inline markup.

DeepL keeps tags with tag handling on, but not always (and not a misbehaving proxy). A
translation whose tags differ from the source's, or that wagtail-localize cannot parse, is
replaced by its plain text (escaped, so it is safe HTML) and flagged for the translator;
it never crashes the job and never puts broken markup in the page.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass

from wagtail_localize.strings import StringValue, validate_translation_links

from bs4 import BeautifulSoup

_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_ID = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""")


@dataclass(frozen=True)
class CheckedTranslation:
    text: str
    markup_lost: bool


def tag_signature(text: str) -> Counter:
    """The multiset of tags (open/close, name, link id) in ``text``; order may change."""
    signature = Counter()
    for closing, name, attrs in _TAG.findall(text):
        link_id = _ID.search(attrs)
        signature[(closing, name.lower(), link_id.group(1) if link_id else "")] += 1
    return signature


def plain_text(text: str) -> str:
    """``text`` without tags, as safe HTML (entities kept escaped)."""
    return html.escape(BeautifulSoup(text, "html.parser").get_text(), quote=False)


def check_markup(source: str, translated: str) -> CheckedTranslation:
    """Return the translation, or its plain text flagged when the markup did not survive."""
    broken = tag_signature(source) != tag_signature(translated)
    if not broken:
        try:
            StringValue.from_translated_html(translated)
            validate_translation_links(source, translated)
        except ValueError:
            broken = True
    if broken:
        return CheckedTranslation(plain_text(translated), markup_lost=True)
    return CheckedTranslation(translated, markup_lost=False)
