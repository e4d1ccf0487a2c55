"""Numbers in the Swedish text that a reader (and the guard) cannot read one way only.

Why separate from `check`: these are the communicator's to fix in the Swedish text (shown
as warnings next to the readability figures), not a translator's error. "3,000 kr" is three
kronor in Swedish but three thousand to an English eye; "2027-02-30" and "31 april" are no
dates; an organisation number whose check digit is wrong was mistyped.
"""

import calendar
import logging
import re

from . import lexicon
from .contacts import ORG_RE, luhn_ok
from .model import WARNING, Finding
from .text import normalise, words

logger = logging.getLogger(__name__)

_ENGLISH_GROUPING = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")
_DOTTED_GROUPING = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.]|,\d)")
_DECIMAL_POINT = re.compile(r"(?<![\d.,:])(\d+)\.(\d+)(?![\d.])")
_BROKEN_GROUPING = re.compile(
    r"(?<![\d,.])(?<!\d )(\d+)((?: \d+)+)(?=\s*(?:kr\b|kronor|miljon|miljard|euro|%|procent))"
)
_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_DAY_MONTH = re.compile(r"(?<![\d])(\d{1,2})\s+([^\W\d_]+)(?:\s+(\d{4}))?")
_CLOCK = re.compile(r"\bkl(?:\.|ockan)?\s*(\d{1,2})(?:[.:](\d{2}))?")


def malformed_numbers(source_text) -> list[Finding]:
    """Warnings for malformed numbers, dates and organisation numbers in a Swedish text."""
    try:
        return _malformed(source_text)
    except Exception:
        logger.exception("malformed-number scan failed")
        return []


def _finding(kind: str, form: str, code: str) -> Finding:
    return Finding(WARNING, kind, form.strip(), code)


def _malformed(source_text) -> list[Finding]:
    if not isinstance(source_text, str) or not re.search(r"\d", source_text):
        return []
    norm = normalise(source_text)
    text = norm.text
    findings: list[Finding] = []
    for match in _ENGLISH_GROUPING.finditer(text):
        findings.append(_finding("number", norm.source_span(*match.span()), "comma_grouping"))
    for match in _DOTTED_GROUPING.finditer(text):
        if not _is_clock(text, match.start()):
            findings.append(_finding("number", norm.source_span(*match.span()), "dot_grouping"))
    for match in _DECIMAL_POINT.finditer(text):
        whole, part = match.groups()
        if len(part) == 3 or _is_clock(text, match.start()):
            continue
        time_like = len(part) == 2 and int(whole) <= 24 and int(part) <= 59
        if not time_like:
            findings.append(_finding("number", norm.source_span(*match.span()), "decimal_point"))
    for match in _BROKEN_GROUPING.finditer(text):
        groups = match.group(2).split()
        if len(match.group(1)) > 3 or any(len(g) != 3 for g in groups):
            findings.append(_finding("number", norm.source_span(*match.span()), "broken_grouping"))
    for match in _ISO.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        if not _real_date(year, month, day):
            findings.append(_finding("date", norm.source_span(*match.span()), "invalid_date"))
    month_lex = lexicon.months("sv")
    for match in _DAY_MONTH.finditer(text):
        found = words(match.group(2))
        month = month_lex.lookup(found[0][2]) if found else None
        if month is None:
            continue
        year = int(match.group(3)) if match.group(3) else 2024  # a leap year: 29 februari is fine
        if not _real_date(year, month, int(match.group(1))):
            findings.append(_finding("date", norm.source_span(*match.span()), "invalid_date"))
    for match in ORG_RE.finditer(text):
        if not luhn_ok(match.group(1) + match.group(2)):
            findings.append(_finding("org_number", norm.source_span(*match.span()), "checksum"))
    for match in _CLOCK.finditer(text):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour > 24 or minute > 59:
            findings.append(_finding("time", norm.source_span(*match.span()), "invalid_time"))
    return findings


def _is_clock(text: str, position: int) -> bool:
    return bool(re.search(r"\bkl(?:\.|ockan)?\s*$", text[max(0, position - 10) : position]))


def _real_date(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year, month)[1]
