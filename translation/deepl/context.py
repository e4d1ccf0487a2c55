"""The ``context`` DeepL gets with short strings, so titles and labels are translated in
context.

A heading, a button or a menu label alone is ambiguous ("Ansök", "Mottagning"); DeepL's
``context`` parameter carries text that influences the translation without being
translated or billed. It applies to a whole request, so short texts (under
``SHORT_TEXT_CHARS`` characters of plain text) are sent in requests of their own, grouped by
the context they share: the page title and the text's neighbour (the next longer text of
the page, else the previous one, in the order the page's strings are sent). Longer texts
carry their own context and are batched as before.
"""

from bs4 import BeautifulSoup

from . import batching

SHORT_TEXT_CHARS = 60
# Context is not billed, but it is part of the request body: keep it to a paragraph.
MAX_CONTEXT_CHARS = 1000


def _plain(text: str) -> str:
    return " ".join(BeautifulSoup(text, "html.parser").get_text(" ").split())


def is_short(text: str) -> bool:
    return len(_plain(text)) < SHORT_TEXT_CHARS


def contexts_for(texts: list[str], title: str = "") -> list[str | None]:
    """The context to send with each text: ``None`` for longer texts."""
    plain = [_plain(text) for text in texts]
    long_indexes = [i for i, text in enumerate(plain) if len(text) >= SHORT_TEXT_CHARS]
    title = _plain(title or "")
    contexts: list[str | None] = []
    for index, text in enumerate(plain):
        if len(text) >= SHORT_TEXT_CHARS:
            contexts.append(None)
            continue
        after = [i for i in long_indexes if i > index]
        before = [i for i in long_indexes if i < index]
        neighbour = after[0] if after else (before[-1] if before else None)
        parts = [part for part in (title if title != text else "",) if part]
        if neighbour is not None:
            parts.append(plain[neighbour])
        context = "\n".join(parts)[:MAX_CONTEXT_CHARS]
        contexts.append(context or None)
    return contexts


def make_batches(texts: list[str], title: str = "") -> list[tuple[list[int], str | None]]:
    """``(indexes, context)`` per request: longer texts batched as ``batching.make_batches``
    does, short texts grouped by their shared context, each group within the same limits."""
    contexts = contexts_for(texts, title)
    groups: dict[str | None, list[int]] = {}
    for index, context in enumerate(contexts):
        groups.setdefault(context, []).append(index)
    requests = []
    for context, indexes in groups.items():
        for batch in batching.make_batches([texts[i] for i in indexes]):
            requests.append(([indexes[i] for i in batch], context))
    return requests
