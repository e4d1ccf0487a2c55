"""Left-to-right data isolated inside right-to-left text.

In an Arabic or Persian sentence the browser lays out every neutral character (spaces,
hyphens, dashes, slashes, dots after Arabic letters) by the sentence's direction, so a run of
left-to-right data is drawn piece by piece from the right: "0380-51 80 00" comes out as
"00 80 51-0380", "2026-12-04" as "04-12-2026", "8–16" as "16–8" and "Erasmus+" as
"+Erasmus". Wrapping the run in ``<bdi dir="ltr">`` (isolated by every browser, also without
the site's style sheet) keeps it in its own order while the sentence stays right to left.

``isolate_ltr_runs`` does that for rendered rich text: it finds, in the text between tags,
phone numbers, dates, times, amounts and postal codes written with digits and separators,
e-mail and web addresses, and words in Latin script (names), and wraps each run. Text inside
an element that already has a direction (``dir``, ``<bdi>``, the "do not translate" mark),
inside ``<code>``/``<pre>`` or inside a tag's attributes is left alone. Templates isolate
their own data with ``dir="ltr"`` or ``<bdi>`` (docs/site.md); ``|isolate_ltr`` does it for
plain-text fields.
"""

import html as html_module
import re

from django.utils.html import conditional_escape, escape

WRAP_START = '<bdi dir="ltr">'
WRAP_END = "</bdi>"

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A run starts and ends with a Latin letter, a digit (or "+" for "+46", "Erasmus+"; "%" and
# ")" at the end) and may hold, inside, what such data is written with.
_RUN = re.compile(
    rf"[{_LATIN}0-9+(]"
    rf"(?:[{_LATIN}0-9+\-\u2010\u2011\u2013./:@_?=&#%~()',\s]*[{_LATIN}0-9+%)/])?"
)
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
_HAS_DIR = re.compile(r"\sdir\s*=", re.IGNORECASE)
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}
_ISOLATING = {"bdi", "bdo", "code", "pre", "script", "style", "kbd", "samp"}


def _needs_isolation(run: str) -> bool:
    """A run of plain digits ("2026") is drawn in order already; a single Latin letter is
    harmless. Everything with a separator between characters, or a Latin word, is not."""
    stripped = run.strip()
    if stripped.isdigit():
        return False
    return len(stripped) > 1


def _isolate_text(text: str) -> str:
    """``text`` (HTML text between tags) with its left-to-right runs wrapped."""
    plain = html_module.unescape(text)
    if not _RUN.search(plain):
        return text
    pieces = []
    position = 0
    changed = False
    for match in _RUN.finditer(plain):
        run = match.group(0)
        if not _needs_isolation(run):
            continue
        pieces.append(escape(plain[position : match.start()]))
        pieces.append(f"{WRAP_START}{escape(run)}{WRAP_END}")
        position = match.end()
        changed = True
    if not changed:
        return text
    pieces.append(escape(plain[position:]))
    return "".join(pieces)


def isolate_ltr_runs(html: str) -> str:
    """``html`` with every left-to-right run of its text wrapped in ``<bdi dir="ltr">``."""
    parts = _TAG.split(html)
    # One entry per open element: whether its content is already isolated.
    stack: list[tuple[str, bool]] = []
    out = []
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            out.append(part)
            found = _TAG_NAME.match(part)
            if not found or part.startswith("<!"):
                continue
            closing, name = found.group(1), found.group(2).lower()
            if closing:
                for at in range(len(stack) - 1, -1, -1):
                    if stack[at][0] == name:
                        del stack[at:]
                        break
            elif name not in _VOID and not part.rstrip().endswith("/>"):
                isolated = name in _ISOLATING or bool(_HAS_DIR.search(part))
                stack.append((name, isolated))
            continue
        if not part or any(isolated for _name, isolated in stack):
            out.append(part)
            continue
        out.append(_isolate_text(part))
    return "".join(out)


def isolate_plain_text(text: str) -> str:
    """Plain text, escaped, with its left-to-right runs wrapped (for ``|isolate_ltr``)."""
    return _isolate_text(str(conditional_escape(text)))
