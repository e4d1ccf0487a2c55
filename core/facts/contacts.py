"""E-mail and web addresses, phone numbers, organisation numbers and postal codes.

These are written alike in every language (Latin letters, digits of the text's script, which
`text.normalise` has folded to ASCII), so one set of patterns serves the Swedish text and
every translation. Their values are normalised so a reformatted but identical number
("0380-51 80 00" and "+46 380 51 80 00") compares equal.
"""

import re

from .model import Fact

# Lookbehinds exclude Latin letters and digits only: Arabic and Tigrinya attach prepositions
# and conjunctions to what follows ("وwww.kommun.se", "ብ070-123 45 67").

EMAIL_RE = re.compile(
    r"(?i)(?<![0-9a-z_.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"
)
URL_RE = re.compile(
    r"(?i)(?<![0-9a-z_@/.-])(?:https?://[^\s<>\"«»]+|www\.[^\s<>\"«»]+|"
    r"(?:[a-z0-9-]+\.)+(?:se|eu|com|org|net|nu|fi|pl|ua|info|io)\b(?:/[^\s<>\"«»]*)?)"
)
_URL_TRAILING = ".,;:!?)]}»”'\"،؛؟。"
ORG_RE = re.compile(r"(?<![\d-])(\d{6})-(\d{4})(?![\d-])")
INTL_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z_+])\+ ?(\d{1,3}(?:[ -]?\(0\))?(?:[ -]{0,2}\d){6,12})(?!\d)"
)
NATIONAL_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z_.,+/-])(?<!\d )(\(0[1-9]\d{0,2}\)|0[1-9]\d{0,2})((?:[ -]{0,2}\d){5,8})(?!\d)"
)
POSTAL_RE = re.compile(r"(?<![\d.,+-])(\d{3}) ?(\d{2})(?![\d.,%:-])(?= +([^\W\d_]))")


def _free(taken: bytearray, start: int, end: int) -> bool:
    return not any(taken[start:end])


def _take(taken: bytearray, start: int, end: int) -> None:
    for index in range(start, end):
        taken[index] = 1


def url_value(raw: str) -> str:
    value = raw.lower()
    value = re.sub(r"^https?://", "", value)
    value = re.sub(r"^www\.", "", value)
    return value.rstrip("/")


def emails(text: str, taken: bytearray) -> list[Fact]:
    facts = []
    for match in EMAIL_RE.finditer(text):
        raw = match.group().rstrip(".")
        end = match.start() + len(raw)
        if _free(taken, match.start(), end):
            facts.append(Fact("email", raw.lower(), match.start(), end))
            _take(taken, match.start(), end)
    return facts


def urls(text: str, taken: bytearray) -> list[Fact]:
    facts = []
    for match in URL_RE.finditer(text):
        raw = match.group()
        while raw and raw[-1] in _URL_TRAILING:
            raw = raw[:-1]
        end = match.start() + len(raw)
        if raw and _free(taken, match.start(), end):
            facts.append(Fact("url", url_value(raw), match.start(), end))
            _take(taken, match.start(), end)
    return facts


def org_numbers(text: str, taken: bytearray) -> list[Fact]:
    facts = []
    for match in ORG_RE.finditer(text):
        if _free(taken, match.start(), match.end()):
            facts.append(Fact("org_number", match.group(1) + match.group(2), *match.span()))
            _take(taken, *match.span())
    return facts


def luhn_ok(digits: str) -> bool:
    """Swedish organisation and personal numbers end in a Luhn check digit."""
    total = 0
    for index, ch in enumerate(digits):
        value = int(ch) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def phones(text: str, taken: bytearray) -> list[Fact]:
    facts = []
    for match in INTL_PHONE_RE.finditer(text):
        if not _free(taken, *match.span()):
            continue
        raw = match.group(1)
        # "+46 (0)380" is a usual way to show the trunk zero; "+46 0380" without the
        # brackets is a different (unreachable) number and does not match "0380".
        digits = re.sub(r"\D", "", re.sub(r"\(0\)", "", raw))
        facts.append(Fact("phone", "+" + digits, *match.span()))
        _take(taken, *match.span())
    for match in NATIONAL_PHONE_RE.finditer(text):
        if not _free(taken, *match.span()):
            continue
        digits = re.sub(r"\D", "", match.group(1) + match.group(2))
        if not 8 <= len(digits) <= 10:
            continue
        facts.append(Fact("phone", "+46" + digits[1:], *match.span()))
        _take(taken, *match.span())
    return facts


def postal_codes(text: str, taken: bytearray, require_capital: bool) -> list[Fact]:
    facts = []
    for match in POSTAL_RE.finditer(text):
        start, end = match.start(), match.end(2)
        if not _free(taken, start, end):
            continue
        solid = " " not in match.group()
        if (require_capital or solid) and not match.group(3).isupper():
            continue  # "15000 kronor" is an amount; a postal code is "571 80" or "57180 Storby"
        facts.append(Fact("postal_code", match.group(1) + match.group(2), start, end))
        _take(taken, start, end)
    return facts
