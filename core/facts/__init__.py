"""Facts guard: the amounts, dates, phone numbers and addresses of a Swedish string must be
the same in its translation (issue 22).

Public API (the pipeline, the editor and the publish rule call only these):

- `check(source_text, translated_text, language, protected_terms=(), glossary=())`
  → list of `Finding` (errors for lost or changed facts, warnings for unused glossary
  terms); never raises.
- `malformed_numbers(source_text)` → warnings about the Swedish text itself.
- `extract(text, language)` → the `Fact`s of one text, for display and debugging.

The bench (`devtools.bench.facts`) and the corruption generator (`devtools.facts_corruptions`)
are measurement tools and are not imported here.
"""

from .extract import extract
from .guard import LANGUAGES, check, has_facts
from .malformed import malformed_numbers
from .model import ERROR, KINDS, WARNING, Fact, Finding

__all__ = [
    "ERROR",
    "KINDS",
    "LANGUAGES",
    "WARNING",
    "Fact",
    "Finding",
    "check",
    "extract",
    "has_facts",
    "malformed_numbers",
]
