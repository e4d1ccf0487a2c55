"""The facts the guard compares and the findings it reports."""

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"

# Fact kinds, in the order findings are reported.
KINDS = (
    "amount",
    "percent",
    "number",
    "date",
    "month",
    "weekday",
    "time",
    "phone",
    "email",
    "url",
    "postal_code",
    "org_number",
    "protected_term",
    "glossary_term",
)


@dataclass(frozen=True)
class Fact:
    """One fact found in a text: its kind, a comparable value and where it stands.

    `value` is normalised so that the same fact written in two languages compares equal:
    amounts as (Decimal, ISO currency), dates as (year, month, day) with None for what the
    text leaves out, times as (hour, minute), phones as "+46…" digits.
    """

    kind: str
    value: object
    start: int
    end: int
    form: str = ""


@dataclass(frozen=True)
class Finding:
    """A problem with one fact of the Swedish text in one translation.

    `form` is the fact as the Swedish text writes it ("31 mars 2027"), `expected` its
    normalised value; the editor and the publish rule name both.
    """

    severity: str
    kind: str
    form: str
    code: str
    expected: str = ""
    detail: dict = field(default_factory=dict, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR
