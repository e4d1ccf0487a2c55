"""The figures behind one indicator, in one shape for the chart, the table, the summary and CSV.

A dataset is a small grid: categories (years or months) along one axis, one or more series
(a language, a project status, a programme) along the other. Everything that shows the
figures reads this grid, so the chart, the table and the CSV cannot disagree.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.languages import language_direction
from core.templatetags.core_tags import amount


class Unit(models.TextChoices):
    COUNT = "count", _("Antal")
    SEK = "sek", _("Kronor")
    PERCENT = "percent", _("Procent")
    PARTICIPANTS = "participants", _("Deltagare")


WHOLE_UNITS = {Unit.COUNT, Unit.PARTICIPANTS}


class Chart(models.TextChoices):
    BAR = "bar", _("Staplar per år")
    LINE = "line", _("Linje över tid")


@dataclass
class Category:
    key: str  # what CSV and ids carry: "2025" or "2026-03"
    label: str  # what a reader sees, in the reader's language


@dataclass
class Series:
    key: str
    label: str
    values: list
    lang: str = ""  # set when the label is not in the reader's language (Swedish fallback)


@dataclass
class Dataset:
    chart: str
    unit: str
    category_heading: str
    categories: list[Category] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    # The summary sentence, when the computation knows a better one than "latest vs. previous"
    # (categories that are not a time line, such as LIX bands).
    summary: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(v is not None for s in self.series for v in s.values)

    @property
    def show_total(self) -> bool:
        """Several series that add up (statuses, programmes) get a total column; shares do not."""
        return len(self.series) > 1 and self.unit != Unit.PERCENT

    def totals(self) -> list:
        return [
            sum((s.values[i] or 0) for s in self.series)
            if any(s.values[i] is not None for s in self.series)
            else None
            for i in range(len(self.categories))
        ]

    def rows(self) -> list[tuple[Category, list, object]]:
        totals = self.totals() if self.show_total else [None] * len(self.categories)
        return [
            (category, [s.values[i] for s in self.series], totals[i])
            for i, category in enumerate(self.categories)
        ]

    def headings(self) -> list[str]:
        return [label for label, _lang, _dir in self.heading_cells()]

    def heading_cells(self) -> list[tuple[str, str, str]]:
        """(label, lang, dir) per column; lang and dir only for a label in another language
        (a programme without a translation), so that it is read and laid out as such."""
        cells = [(self.category_heading, "", "")]
        cells += [
            (s.label, s.lang, language_direction(s.lang) if s.lang else "") for s in self.series
        ]
        if self.show_total:
            cells.append((gettext("Totalt"), "", ""))
        return cells


def clean_number(value, unit: str):
    """Whole numbers for counts and kronor, one decimal for shares; ``None`` stays ``None``."""
    if value is None:
        return None
    value = Decimal(value)
    if unit == Unit.PERCENT:
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def format_value(value, unit: str) -> str:
    """A figure as a reader of the active language writes it: 1 200 000 kr, 42,5 %."""
    if value is None:
        return "–"
    if unit == Unit.PERCENT:
        value = Decimal(value)
        places = 0 if value == value.to_integral_value() else 1
        return gettext("%(amount)s %%") % {"amount": amount(value, places)}
    if unit == Unit.SEK:
        return gettext("%(amount)s kr") % {"amount": amount(int(value))}
    return amount(int(value))


def csv_number(value) -> str:
    """Plain digits with a point, which every spreadsheet reads, or an empty cell."""
    if value is None:
        return ""
    return str(value)
