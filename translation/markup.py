"""Check that a machine translation kept the source's inline markup.

DeepL keeps tags with tag handling on, but not always (and not a misbehaving proxy). A
translation whose tags differ from the source's, or that wagtail-localize cannot parse, is
replaced by its plain text (escaped, so it is safe HTML) and flagged for the translator;
it never crashes the job and never puts broken markup in the page. The check itself is
``core.markup``, the same as for PO files from translation agencies.
"""

import html
from dataclasses import dataclass

from bs4 import BeautifulSoup

from core.markup import markup_problem


@dataclass(frozen=True)
class CheckedTranslation:
    text: str
    markup_lost: bool
    # The answer is not in the language's script, or empty (``translation.script_check``).
    wrong_script: bool = False

    @property
    def flagged(self) -> bool:
        return self.markup_lost or self.wrong_script


def plain_text(text: str) -> str:
    """``text`` without tags, as safe HTML (entities kept escaped)."""
    return html.escape(BeautifulSoup(text, "html.parser").get_text(), quote=False)


def check_markup(source: str, translated: str) -> CheckedTranslation:
    """Return the translation, or its plain text flagged when the markup did not survive."""
    if markup_problem(source, translated) is not None:
        return CheckedTranslation(plain_text(translated), markup_lost=True)
    return CheckedTranslation(translated, markup_lost=False)
