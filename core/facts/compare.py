"""Whether each fact of the Swedish text is in the translation, in any form that means the same.

Only the Swedish facts are looked for: a translation may add an explanation ("about 300
euros") without error, but must not lose or change what the Swedish text says. A fact
counts as present if the translation has one of a compatible kind with the same value; the
compatibilities cover what translators legitimately do (a year-less "31 mars" kept as
"31 March 2027", a time "kl. 16" written as a plain "16" after "from 8 to").
"""

from decimal import Decimal

from .model import Fact


def _numeric(fact: Fact) -> set[Decimal]:
    if fact.kind in ("number", "percent"):
        return {fact.value}
    if fact.kind == "amount":
        return {fact.value[0]}
    if fact.kind == "time":
        hour, minute = fact.value
        values = {Decimal(hour) + Decimal(minute) / 100}
        if hour > 12:
            values.add(Decimal(hour - 12) + Decimal(minute) / 100)
        return {v.normalize() for v in values}
    return set()


def _date_fits(wanted: tuple, found: tuple) -> bool:
    return all(w is None or w == f for w, f in zip(wanted, found, strict=True))


def satisfied(fact: Fact, translated: list[Fact]) -> bool:
    kind, value = fact.kind, fact.value
    for other in translated:
        if kind == "amount":
            if other.kind == "amount" and other.value == value:
                return True
        elif kind == "number":
            if value in _numeric(other) and other.kind in ("number", "amount", "time"):
                return True
        elif kind == "percent":
            if other.kind == "percent" and other.value == value:
                return True
        elif kind == "date":
            if other.kind == "date" and _date_fits(value, other.value):
                return True
            if _day_of_written_range(value, other, translated):
                return True
        elif kind == "month":
            if (other.kind == "month" and other.value == value) or (
                other.kind == "date" and other.value[1] == value
            ):
                return True
        elif kind == "time":
            if other.kind == "time" and other.value == value:
                return True
            if other.kind == "number" and other.value in _numeric(fact):
                return True
        elif other.kind == kind and other.value == value:
            return True
    if kind == "amount":
        return _amount_without_currency(fact, translated)
    return False


def _day_of_written_range(value: tuple, other: Fact, translated: list[Fact]) -> bool:
    """ "12–26 april" written "from 12 to 26 April": the 12 is a bare number next to a date
    of the same month (and year)."""
    year, month, day = value
    if day is None or other.kind not in ("number", "time"):
        return False
    if Decimal(day) not in _numeric(other):
        return False
    return any(
        f.kind == "date" and f.value[1] == month and (year is None or f.value[0] in (None, year))
        for f in translated
    )


def _amount_without_currency(fact: Fact, translated: list[Fact]) -> bool:
    """ "3 000–5 000 kronor" translated "between 3,000 and 5,000 kronor": the bare 3,000 counts
    when the translation names this currency elsewhere and no other currency at all."""
    amount, currency = fact.value
    currencies = {f.value[1] for f in translated if f.kind == "amount"}
    if currencies != {currency}:
        return False
    return any(f.kind == "number" and f.value == amount for f in translated)


def describe(value: object) -> str:
    """A stable text form of a normalised value, for findings and logs."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Decimal):
        return f"{value[0]:f} {value[1]}"
    if isinstance(value, tuple) and len(value) == 3:
        year, month, day = value
        return "-".join("??" if part is None else f"{part:02d}" for part in (year, month, day))
    if isinstance(value, tuple) and len(value) == 2:
        return f"{value[0]:02d}:{value[1]:02d}"
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)
