"""Numbers, amounts with their currency and scale, and percentages.

A number is read with the translation's own decimal sign (CLDR): "1,5" is one and a half in
Swedish, Polish, Ukrainian and Finnish, "1.5" in English; a separator that is not the
language's decimal sign and is followed by exactly three digits groups thousands
("3,000" in English, "3.000" in Polish). Arabic and Persian decimal and grouping signs and
digits have been folded by `text.normalise`. A scale word ("miljoner", "million",
"мільйонів", "ملايين") multiplies; a currency word or sign on either side makes an amount,
normalised to its ISO code.
"""

import re
from decimal import Decimal, InvalidOperation

from . import lexicon
from .contacts import _free, _take
from .model import Fact
from .text import words

NUMBER_RE = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:[ ,.'](?=\d{3}(?!\d))\d{3})+|\d+)(?:[.,]\d+)?(?!\d)"
)
_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}
# Words that may stand between a number and its currency.
_CONNECTORS = {"so": {"oo"}}


def parse_number(raw: str, language: str) -> Decimal | None:
    """The value of one number token in `language`'s conventions, or None if it is not one."""
    decimal_sign, _group = lexicon.separators(language)
    token = raw.replace(" ", "").replace("'", "")
    seps = [ch for ch in token if ch in ".,"]
    if not seps:
        return Decimal(token)
    if len(set(seps)) == 2:
        last = max(token.rfind("."), token.rfind(","))
        integer = re.sub(r"[.,]", "", token[:last])
        return _decimal(integer + "." + token[last + 1 :])
    sep = seps[0]
    parts = token.split(sep)
    if len(parts) > 2:
        if all(len(p) == 3 for p in parts[1:]):
            return _decimal("".join(parts))
        return None
    head, tail = parts
    if sep != decimal_sign and len(tail) == 3:
        return _decimal(head + tail)
    return _decimal(head + "." + tail)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _words_after(text: str, position: int, limit: int = 3):
    found = []
    for start, end, word in words(text[position : position + 60]):
        gap = text[position + (found[-1][1] if found else 0) : position + start]
        if re.search(r"\d", gap) or (found and re.search(r"[,;:()]", gap)):
            break
        found.append((start, end, word))
        if len(found) == limit:
            break
    return [(position + s, position + e, w) for s, e, w in found]


def _currency_after(
    text: str, position: int, language: str, after_scale: bool = False
) -> tuple[str | None, int]:
    lex, nouns = lexicon.currencies(language)
    rest = text[position:]
    stripped = rest.lstrip(" ")
    if stripped[:1] in _SYMBOLS:
        return _SYMBOLS[stripped[:1]], position + len(rest) - len(stripped) + 1
    codes: list[str] = []
    noun = False
    end = position
    for index, (_start, word_end, word) in enumerate(_words_after(text, position)):
        value = lex.lookup(word)
        connector = word in _CONNECTORS.get(language, ()) or (after_scale and len(word) <= 2)
        if value is None and index == 0 and connector:
            continue  # between number and currency: Somali "milyan oo karoon", "3000 oo karoon"
        if value is None:
            break
        codes.append(value)
        noun = noun or any(
            word == n or (word.startswith(n) and len(word) - len(n) <= 4) for n in nouns
        )
        end = word_end
    foreign = [c for c in codes if c != lexicon.HOME_CURRENCY]
    code = foreign[0] if foreign else (codes[0] if codes else None)
    if code and noun:
        return code, end
    return None, position


def _currency_before(text: str, position: int, language: str) -> str | None:
    before = text[max(0, position - 12) : position].rstrip(" ")
    if before[-1:] in _SYMBOLS:
        return _SYMBOLS[before[-1:]]
    found = words(before)
    if not found or before[found[-1][1] :].strip():
        return None
    word = found[-1][2]
    lex, nouns = lexicon.currencies(language)
    if word in nouns and word in {"sek", "eur", "usd", "nok", "dkk", "gbp", "kr"}:
        return lex.lookup(word)
    return None


def _scale_after(text: str, position: int, language: str) -> tuple[int, int]:
    found = _words_after(text, position, limit=1)
    if found:
        start, end, word = found[0]
        value = lexicon.scales(language).lookup(word.rstrip("."))
        if value is not None and text[position:start].strip() == "":
            if end < len(text) and text[end] == ".":
                end += 1
            return value, end
    return 1, position


def _percent(text: str, start: int, end: int, language: str) -> int | None:
    """End of a percent sign or word around the number, or None."""
    after, before = lexicon.percent_words(language)
    rest = text[end:]
    if rest.lstrip(" ")[:1] == "%":
        return end + len(rest) - len(rest.lstrip(" ")) + 1
    if language in ("ar", "fa") and text[start - 1 : start] == "%":
        return end  # "%25" typed in logical order in a right-to-left editor
    found = _words_after(text, end, limit=2)
    if found and text[end : found[0][0]].strip() == "":
        if after.lookup(found[0][2]):
            return found[0][1]
        if len(found) == 2 and after.lookup(found[0][2] + " " + found[1][2]):
            return found[1][1]  # "60 per cent", "٦٠ في المائة"
    prior = words(text[max(0, start - 20) : start])
    if prior and before.lookup(prior[-1][2]):
        return end
    return None


def numbers(text: str, taken: bytearray, language: str) -> list[Fact]:
    facts: list[Fact] = []
    for match in NUMBER_RE.finditer(text):
        start, end = match.span()
        if not _free(taken, start, end):
            continue
        value = parse_number(match.group(), language)
        if value is None:
            continue
        scale, after_scale = _scale_after(text, end, language)
        value = value * scale
        percent_end = _percent(text, start, after_scale, language)
        if percent_end is not None:
            facts.append(Fact("percent", value.normalize(), start, percent_end))
            _take(taken, start, percent_end)
            continue
        currency, currency_end = _currency_after(text, after_scale, language, scale > 1)
        if currency is None:
            currency = _currency_before(text, start, language)
            currency_end = after_scale
        if currency:
            facts.append(Fact("amount", (value.normalize(), currency), start, currency_end))
            _take(taken, start, currency_end)
        else:
            facts.append(Fact("number", value.normalize(), start, after_scale))
            _take(taken, start, after_scale)
    return _spread_over_ranges(text, facts)


def _spread_over_ranges(text: str, facts: list[Fact]) -> list[Fact]:
    """ "3 000–5 000 kr", "10–20 %", "1–2 miljoner": the unit of the second applies to the first."""
    out = list(facts)
    for index in range(len(out) - 1, 0, -1):
        first, second = out[index - 1], out[index]
        if first.kind != "number" or text[first.end : second.start].strip() != "-":
            continue
        if second.kind == "amount":
            out[index - 1] = Fact("amount", (first.value, second.value[1]), first.start, first.end)
        elif second.kind == "percent":
            out[index - 1] = Fact("percent", first.value, first.start, first.end)
    return out
