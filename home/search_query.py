"""What a reader typed into the search box, as Wagtail query objects that cannot fail.

Wagtail's database backends pass words on to SQLite's FTS5 ``MATCH`` syntax or PostgreSQL's
``tsquery``: a stray double quote reached FTS5 unescaped and ``/sv/sok/?q="`` answered 500
(issue 14). So the text is parsed with Wagtail's own ``parse_query_string`` (double-quoted text
is a phrase) and every piece is then reduced to words of letters, digits and combining marks,
in any script. Everything else (quotes, ``*``, ``-``, ``+``, parentheses, colons, punctuation,
invisible format characters such as the Persian zero-width non-joiner) separates words, as it
does in both databases' own word parsers. ``AND``, ``OR`` and ``NOT`` written in capitals are
not words but operators people copy from other search engines: they are dropped, and all
remaining words must match.
"""

import unicodedata
from dataclasses import dataclass

from wagtail.search.query import And, Phrase, PlainText, SearchQuery
from wagtail.search.utils import parse_query_string

# More words than this make no better search and only a costlier query.
MAX_WORDS = 32
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT"})


@dataclass(frozen=True)
class ReaderQuery:
    """The query for full-text search, and its words for the title-prefix fallback.

    ``prefix_words`` is empty when the reader asked for a phrase: a fallback that matched the
    words of a phrase in any order would make the quotes meaningless.
    """

    search: SearchQuery
    prefix_words: str


def words_of(text: str) -> list[str]:
    """The words of ``text``: runs of letters, digits and marks; the rest separates them."""
    text = unicodedata.normalize("NFKC", text)
    spaced = "".join(ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in text)
    return [
        word
        for word in spaced.split()
        if word not in OPERATOR_WORDS and any(unicodedata.category(ch)[0] in "LN" for ch in word)
    ]


def _leaves(query: SearchQuery):
    if isinstance(query, And):
        for subquery in query.subqueries:
            yield from _leaves(subquery)
    elif isinstance(query, PlainText | Phrase):
        yield query


def parse_reader_query(text: str) -> ReaderQuery | None:
    """The query for ``text``, or None when it holds no word to search for."""
    # A colon would make parse_query_string take "word:value" as a filter and drop it.
    _filters, parsed = parse_query_string(text.replace(":", " "), operator="and")
    parts: list[SearchQuery] = []
    all_words: list[str] = []
    has_phrase = False
    for leaf in _leaves(parsed):
        words = words_of(leaf.query_string)[: MAX_WORDS - len(all_words)]
        if not words:
            continue
        all_words.extend(words)
        if isinstance(leaf, Phrase) and len(words) > 1:
            parts.append(Phrase(" ".join(words)))
            has_phrase = True
        else:
            parts.append(PlainText(" ".join(words), operator="and"))
    if not parts:
        return None
    search = parts[0] if len(parts) == 1 else And(parts)
    return ReaderQuery(search=search, prefix_words="" if has_phrase else " ".join(all_words))
