"""Every fact of one text in one language, each found once (an e-mail's digits are no number)."""

from . import contacts, dates, numbers
from .model import Fact
from .text import normalise


def extract(text: str, language: str) -> list[Fact]:
    """The facts of `text` read as `language`, with their Swedish/original form filled in.

    The order matters: contact details and dates claim their characters first, so the
    digits of "0380-51 80 00" or "2027-03-31" are not also read as loose numbers.
    """
    norm = normalise(text)
    source = norm.text
    taken = bytearray(len(source))
    found: list[Fact] = []
    found += contacts.emails(source, taken)
    found += contacts.urls(source, taken)
    found += contacts.org_numbers(source, taken)
    found += contacts.phones(source, taken)
    found += dates.numeric_dates(source, taken, language)
    found += dates.named_dates(source, taken, language)
    found += dates.weekdays(source, taken, language)
    found += dates.times(source, taken, language)
    found += contacts.postal_codes(source, taken, require_capital=language == "sv")
    found += numbers.numbers(source, taken, language)
    found.sort(key=lambda fact: (fact.start, fact.end))
    return [Fact(f.kind, f.value, f.start, f.end, norm.source_span(f.start, f.end)) for f in found]
