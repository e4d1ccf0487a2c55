"""Dates, months, weekdays and times of day, in the text's own month and weekday names.

Dates are (year, month, day) with None for what the text leaves out ("31 mars" has no
year, "mars 2027" no day); a month named alone is its own kind. Names come from CLDR
(`lexicon`), so "31 березня 2027", "31. maaliskuuta 2027", "٣١ آذار ٢٠٢٧" and
"31 መጋቢት 2027" all read as (2027, 3, 31).
"""

import re

from . import lexicon
from .contacts import _free, _take
from .model import Fact
from .text import fold, words

ISO_RE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
YMD_RE = re.compile(r"(?<![\d./-])(\d{4})[./](\d{1,2})[./](\d{1,2})(?![\d./])")
DMY_RE = re.compile(r"(?<![\d./])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d])")
DM_SLASH_RE = re.compile(r"(?<![\d./-])(\d{1,2})/(\d{1,2})(?![\d/])")
DM_DOT_RE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?![\d])")
# The day before a month name: "31 mars", "1:a april", "31. maaliskuuta", "31st March",
# Somali "31-ka Maarso".
_LEFT_DAYS = re.compile(
    r"(?:(?<!\d)(\d{1,2})\.?\s*-\s*)?(?<!\d)(\d{1,2})"
    r"(?:\.|:[ae]|\s*(?:st|nd|rd|th)|-(?:ka|da|aad))?\s*$"
)
_RIGHT_DAY = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th|\.)?(?!\d)(?!\s*[.:,]\d)(?! \d{3}(?!\d))")
_RIGHT_YEAR = re.compile(r"^[\s,]*((?:19|20)\d{2})(?!\d)")

# Languages that also write the day after the month ("March 31", "Maarso 31",
# "lokakuun 15. päivä").
_MONTH_DAY_LANGUAGES = {"en", "so", "fi"}
# Finnish shortens the first of two compounds: "tammi- ja helmikuussa".
_COMPOUND_ELLIPSIS = {"fi"}

# Markers before a clock time. CLDR has no word for "o'clock"; these are the everyday ones.
TIME_MARKERS = {
    "sv": {"kl", "klockan"},
    "en": {"at"},
    "fi": {"klo", "kello"},
    "pl": {"godz", "godzina", "godzinie", "godzinach"},
    "uk": {"о", "об", "год"},
    "so": {"saacadda", "saacada", "saac"},
    "ar": {"الساعه", "ساعه"},
    "fa": {"ساعت"},
    "ti": {"ሰዓት"},
}
_TIME_RE = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:([.:])(\d{2}))?(?:\s*-\s*(\d{1,2})(?:([.:])(\d{2}))?)?(?![\d]|[.,:]\d)"
)


def _valid(year, month, day) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    if day is not None and not 1 <= day <= 31:
        return False
    return year is None or 1900 <= year <= 2100


def numeric_dates(text: str, taken: bytearray, language: str) -> list[Fact]:
    facts = []
    for pattern, order in ((ISO_RE, "ymd"), (YMD_RE, "ymd"), (DMY_RE, "dmy")):
        for match in pattern.finditer(text):
            if not _free(taken, *match.span()):
                continue
            if order == "ymd":
                year, month, day = (int(match.group(i)) for i in (1, 2, 3))
            else:
                day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            if _valid(year, month, day):
                facts.append(Fact("date", (year, month, day), *match.span()))
                _take(taken, *match.span())
    short = [DM_SLASH_RE] + ([DM_DOT_RE] if language in ("fi", "pl", "uk") else [])
    for pattern in short:
        for match in pattern.finditer(text):
            day, month = int(match.group(1)), int(match.group(2))
            if _free(taken, *match.span()) and _valid(None, month, day):
                facts.append(Fact("date", (None, month, day), *match.span()))
                _take(taken, *match.span())
    return facts


def _month_at(tokens, index, language):
    """(month, tokens used) for a month name starting at tokens[index], or (None, 0)."""
    lex = lexicon.months(language)
    word = tokens[index][2]
    for parts, value in lex.phrases:
        if tuple(t[2] for t in tokens[index : index + len(parts)]) == parts:
            return value, len(parts)
    value = lex.lookup(word)
    if value is not None:
        return value, 1
    return None, 0


def named_dates(text: str, taken: bytearray, language: str) -> list[Fact]:
    """Dates and months written with a month name, with the day before or after and a year."""
    facts = []
    tokens = words(text)
    abbreviations = lexicon.month_abbreviations(language)
    index = 0
    while index < len(tokens):
        start, end, word = tokens[index]
        month, used = _month_at(tokens, index, language)
        abbreviated = False
        if month is None and word.rstrip(".") in abbreviations:
            month, used, abbreviated = abbreviations[word.rstrip(".")], 1, True
            if language in _COMPOUND_ELLIPSIS and text[end : end + 1] == "-":
                abbreviated = False
        if month is None or not _free(taken, start, end):
            index += 1
            continue
        end = tokens[index + used - 1][1]
        if end < len(text) and text[end] == "." and abbreviated:
            end += 1
        days: list[int] = []
        span_start, span_end = start, end
        left = _LEFT_DAYS.search(text[max(0, start - 12) : start])
        if left and _free(taken, start - len(left.group()), start):
            days = [int(d) for d in left.groups() if d]
            span_start = start - len(left.group())
        elif language in _MONTH_DAY_LANGUAGES and (not abbreviated or language == "en"):
            right = _RIGHT_DAY.match(text[end:])
            if right and not _RIGHT_YEAR.match(text[end:]) and 1 <= int(right.group(1)) <= 31:
                days = [int(right.group(1))]
                span_end = end + right.end()
        year = None
        year_match = _RIGHT_YEAR.match(text[span_end:])
        if year_match:
            year = int(year_match.group(1))
            span_end = span_end + year_match.end()
        days = [d for d in days if 1 <= d <= 31]
        if abbreviated and not days:
            index += used
            continue
        if days:
            for day in days:
                facts.append(Fact("date", (year, month, day), span_start, span_end))
        elif year is not None:
            facts.append(Fact("date", (year, month, None), span_start, span_end))
        else:
            facts.append(Fact("month", month, span_start, span_end))
        _take(taken, span_start, span_end)
        index += used
    return facts


def weekdays(text: str, taken: bytearray, language: str) -> list[Fact]:
    facts = []
    lex = lexicon.weekdays(language)
    for start, end, word in words(text):
        value = lex.lookup(word)
        if value is not None and _free(taken, start, end):
            facts.append(Fact("weekday", value, start, end))
            _take(taken, start, end)
    return facts


def _marker_before(text: str, position: int, language: str) -> bool:
    before = text[max(0, position - 16) : position]
    found = words(before)
    if not found:
        return False
    last_start, last_end, last = found[-1]
    if before[last_end:].strip(" .") != "":
        return False
    return last in TIME_MARKERS.get(language, set()) | TIME_MARKERS["sv"]


def _period_after(text: str, position: int, language: str) -> tuple[str | None, int]:
    periods = lexicon.day_periods(language)
    match = re.match(r"\s*([^\W\d_][^\s\d,;)\-]{0,12})", text[position:])
    if not match:
        return None, 0
    key = fold(match.group(1)).replace(".", "").replace(" ", "")
    if key in periods:
        return periods[key], match.end()
    return None, 0


def times(text: str, taken: bytearray, language: str) -> list[Fact]:
    """Clock times: after a marker ("kl. 8–16", "klo 8"), with minutes ("8.00–16.30",
    "08:00"), or with am/pm ("4 pm")."""
    facts = []
    for match in _TIME_RE.finditer(text):
        start, end = match.span()
        if not _free(taken, start, end):
            continue
        h1, sep1, m1, h2, sep2, m2 = match.groups()
        marker = _marker_before(text, start, language)
        colon = ":" in (sep1 or "") + (sep2 or "")
        dotted_range = h2 is not None and sep1 == "." and sep2 == "."
        dotted_swedish = language == "sv" and sep1 == "." and h2 is None
        period, period_len = _period_after(text, end, language)
        if not (marker or colon or dotted_range or dotted_swedish or period):
            continue
        values = []
        pairs = [(h1, m1)] + ([(h2, m2)] if h2 is not None else [])
        same_half = h2 is None or int(h1) <= int(h2)
        for position, (hour_text, minute_text) in enumerate(pairs):
            hour, minute = int(hour_text), int(minute_text or 0)
            applies = position == len(pairs) - 1 or same_half
            if period == "pm" and applies and hour < 12:
                hour += 12
            if hour > 24 or minute > 59:
                values = []
                break
            values.append((hour, minute))
        if not values:
            continue
        if period == "pm" and facts and not facts[-1].value[0] >= 12:
            # "from 1:15 to 2:45 pm": the period written once covers the start too.
            previous = facts[-1]
            if start - previous.end <= 8 and previous.value[0] + 12 <= values[0][0]:
                facts[-1] = Fact(
                    "time",
                    (previous.value[0] + 12, previous.value[1]),
                    previous.start,
                    previous.end,
                )
        for value in values:
            facts.append(Fact("time", value, start, end + (period_len if period else 0)))
        _take(taken, start, end + (period_len if period else 0))
    return facts
