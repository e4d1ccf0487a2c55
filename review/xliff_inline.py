"""Inline tags of a segment as XLIFF inline codes, so that a CAT tool protects them.

wagtail-localize keeps a few inline tags in a segment's text (``<b>``, ``<i>``,
``<a id="a1">``, ``<br/>``). In XLIFF they become codes the translator moves but cannot
edit: 1.2 ``<g id=…>`` around text and ``<x id=…/>`` for a tag on its own, 2.0 ``<pc>`` and
``<ph>``. Ids are numbered in the Swedish text; a translation's tags get the id of the same
tag in the Swedish text (the n-th ``<b>`` of the translation that of the n-th ``<b>``). On
import the codes are turned back into the tags of the Swedish text of that unit, never into
anything the file says, and the result goes through the PO import's markup checks. A text
whose tags cannot be paired (broken markup) is written as plain text, tags escaped, which
the import also reads.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lxml import etree

TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
VOID = {"br", "img", "hr", "wbr"}
CTYPE_12 = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "a": "link"}
PAIRED = {"1.2": "g", "2.0": "pc"}
STANDALONE = {"1.2": "x", "2.0": "ph"}


class InlineError(Exception):
    """A code in the file that our export did not write."""


@dataclass
class Code:
    id: str
    name: str
    open: str
    close: str | None  # None: a tag on its own (``<br/>``)


def _tokens(text: str):
    position = 0
    for match in TAG.finditer(text):
        if match.start() > position:
            yield "text", text[position : match.start()], None
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            yield "close", match.group(0), name
        elif self_closing or name in VOID:
            yield "void", match.group(0), name
        else:
            yield "open", match.group(0), name
        position = match.end()
    if position < len(text):
        yield "text", text[position:], None


def source_codes(text: str) -> list[Code] | None:
    """The codes of a Swedish text, or ``None`` when its tags do not pair up."""
    codes, stack = [], []
    for kind, value, name in _tokens(text):
        if kind == "open":
            code = Code(str(len(codes) + 1), name, value, None)
            codes.append(code)
            stack.append(code)
        elif kind == "void":
            codes.append(Code(str(len(codes) + 1), name, value, None))
        elif kind == "close":
            if not stack or stack[-1].name != name:
                return None
            stack.pop().close = value
    return None if stack else codes


def write(element, text: str, codes: list[Code] | None, version: str, namespace: str) -> None:
    """Fill ``element`` (a source or target) with ``text``, tags as inline codes if possible."""
    if codes is None or not _write(element, text, codes, version, namespace):
        for child in list(element):
            element.remove(child)
        element.text = text


def _append_text(current, value: str) -> None:
    if len(current):
        current[-1].tail = (current[-1].tail or "") + value
    else:
        current.text = (current.text or "") + value


def _write(element, text, codes, version, namespace) -> bool:
    unused = {}
    for code in codes:
        unused.setdefault(code.open, []).append(code)
    stack = [(element, None)]
    for kind, value, name in _tokens(text):
        current = stack[-1][0]
        if kind == "text":
            _append_text(current, value)
            continue
        if kind == "close":
            if stack[-1][1] is None or stack[-1][1].name != name:
                return False
            stack.pop()
            continue
        candidates = unused.get(value)
        if not candidates:
            return False
        code = candidates.pop(0)
        if (kind == "void") != (code.close is None):
            return False
        tag = STANDALONE[version] if code.close is None else PAIRED[version]
        child = etree.SubElement(current, f"{{{namespace}}}{tag}", id=code.id)
        if version == "1.2":
            if code.close is None:
                child.set("ctype", "lb" if code.name == "br" else f"x-html-{code.name}")
            else:
                child.set("ctype", CTYPE_12.get(code.name, f"x-html-{code.name}"))
        if kind == "open":
            stack.append((child, code))
    return len(stack) == 1


def read(element, codes: list[Code] | None, namespace: str, markers: set[str]) -> str:
    """The text of a source or target, codes turned back into the Swedish text's tags."""
    by_id = {code.id: code for code in codes or []}
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            name = etree.QName(child)
            if name.namespace == namespace and name.localname in markers:
                parts.append(read(child, codes, namespace, markers))
            elif name.namespace == namespace and name.localname in {"g", "pc", "x", "ph"}:
                code = by_id.get(child.get("id", ""))
                paired = name.localname in {"g", "pc"}
                if code is None or paired != (code.close is not None):
                    raise InlineError(
                        _('koden <%(element)s id="%(id)s"> finns inte i källtexten')
                        % {"element": name.localname, "id": (child.get("id") or "")[:20]}
                    )
                parts.append(code.open)
                if paired:
                    parts.append(read(child, codes, namespace, markers))
                    parts.append(code.close)
                elif len(child) or child.text:
                    raise InlineError(
                        _("koden <%(element)s> ska vara tom") % {"element": name.localname}
                    )
            else:
                raise InlineError(
                    _(
                        "elementet <%(element)s> stöds inte i texten; "
                        "behåll taggarna som text, som i den exporterade filen"
                    )
                    % {"element": name.localname}
                )
        parts.append(child.tail or "")
    return "".join(parts)
