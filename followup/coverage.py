"""Language coverage: the share of live Swedish pages that have a published, reviewed
translation, per language, now and month by month.

The review states come from ``review``'s stored copy (``review.stored_states``: one row per
Swedish page and language, with the moments the months need); ``stored_rows`` is the one
place that calls its API, so a change there is adapted here only. Everything is counted in
SQL, grouped by language: the same two queries for ten pages or ten thousand.

Past months are reconstructed from today's data: a translation counts from the month it was
first published or approved (the later of the two) while it is still published and reviewed
today, and a Swedish page from the month it was first published. A translation that was
reviewed once and is stale today therefore no longer counts in earlier months either; the
current month is exact.

Each language's line is kept until that language's stored states or the Swedish content
change (``coverage_dataset``); the whole dataset and the other figures as ``kept`` says.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.content_cache import cached_in_language, cached_many_in_language
from core.languages import LANGUAGES_TABLE

from .datasets import Category, Chart, Dataset, Series, Unit, clean_number

# Language names in the reader's language: the msgid is the language table's Swedish name,
# capitalised ("Arabiska"; in every catalog, tests/followup/test_coverage_report.py checks).
LANGUAGE_NAMES = {
    language.code: _(language.swedish_name.capitalize()) for language in LANGUAGES_TABLE
}

REVIEWED = "published_reviewed"


def stored_rows():
    """Every (live Swedish page, target language) pair's stored review state, as a queryset
    (``review.stored_states``: brought up to date, then counted in SQL)."""
    from review.stored_states import every_pair

    return every_pair()


def state_choices() -> list[tuple[str, str]]:
    """The review states in the review app's order, as (value, label)."""
    from review.states import State

    return [(str(s.value), str(s.label)) for s in State]


def language_order(codes) -> list[str]:
    site = [code for code, _name in settings.LANGUAGES]
    return sorted(codes, key=lambda code: (site.index(code) if code in site else 99, code))


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


def share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return clean_number(Decimal(part) * 100 / whole, Unit.PERCENT)


@dataclass
class LanguageCoverage:
    code: str
    name: str
    total: int = 0
    reviewed: int = 0
    states: Counter = field(default_factory=Counter)

    @property
    def share(self) -> Decimal | None:
        return share(self.reviewed, self.total)


def coverage_now() -> list[LanguageCoverage]:
    """Per target language: how many Swedish pages, how many reviewed, counts per state
    (one grouped query)."""
    by_language: dict[str, LanguageCoverage] = {}
    for code, state, count in (
        stored_rows()
        .order_by()
        .values_list("locale__language_code", "state")
        .annotate(n=Count("pk"))
    ):
        row = by_language.get(code)
        if row is None:
            row = by_language[code] = LanguageCoverage(code, language_name(code))
        row.total += count
        row.states[state] += count
        if state == REVIEWED:
            row.reviewed += count
    return [by_language[code] for code in language_order(by_language)]


def month_starts(count: int, today: datetime.date | None = None) -> list[datetime.date]:
    """The first day of the last ``count`` months, oldest first, this month last."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    starts = []
    for _i in range(count):
        starts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _month_end(start: datetime.date) -> datetime.datetime:
    following = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return timezone.make_aware(datetime.datetime.combine(following, datetime.time.min))


def kept(name: str, compute, states: str | None = None):
    """``compute()`` (a figure counted over the whole site), kept while the Swedish content
    (``cached_in_language``: a publish in another language keeps it), the day, the active
    language (its labels) and the stored states' last change (``states``, read here unless
    the caller read it already) stay the same: counting every pair is the part that grows
    with the site."""
    from review.stored_states import states_version

    if states is None:
        states = states_version()
    day = timezone.localdate().isoformat()
    parts = (day, get_language(), states)
    return cached_in_language(settings.LANGUAGE_CODE, f"coverage-{name}", parts, compute)


def coverage_dataset(months: int = 12, today: datetime.date | None = None) -> Dataset:
    """A line per language: the share of reviewed translations at the end of each month.

    Each language's line is counted on its own (two conditional counts a month over that
    language's pairs) and kept while the Swedish content and that language's stored states
    stay the same (``review.stored_states.language_versions``): a translator's publish
    counts their language's line again, not every language's (issue 24)."""
    from review.stored_states import language_versions

    starts = month_starts(months, today)
    ends = [_month_end(start) for start in starts]
    # The versions read brings the stored states up to date; the pairs are read only for
    # the lines the cache lacks.
    versions = language_versions()
    lines = cached_many_in_language(
        settings.LANGUAGE_CODE,
        "coverage-line",
        {
            code: (code, ends[0].isoformat(), len(ends), version)
            for code, version in versions.items()
        },
        lambda codes: _lines(stored_rows(), codes, ends),
    )
    series = [
        Series(code, language_name(code), lines[code])
        for code in language_order(lines)
        if lines[code] is not None
    ]
    return Dataset(
        chart=Chart.LINE,
        unit=Unit.PERCENT,
        category_heading=gettext("Månad"),
        categories=[
            Category(start.strftime("%Y-%m"), formats.date_format(start, "YEAR_MONTH_FORMAT"))
            for start in starts
        ],
        series=series,
    )


def _lines(pairs, codes: list[str], ends: list) -> dict[str, list | None]:
    """The shares of each language's line (``None`` for a language without a stored pair):
    one grouped query, two conditional counts a month, over those languages' pairs only."""
    counts = {}
    for index, end in enumerate(ends):
        published_by_then = Q(source_published__isnull=True) | Q(source_published__lt=end)
        counts[f"sources_{index}"] = Count("pk", filter=published_by_then)
        counts[f"reviewed_{index}"] = Count("pk", filter=Q(reviewed_since__lt=end))
    rows = {
        row["locale__language_code"]: row
        for row in pairs.filter(locale__language_code__in=codes)
        .order_by()
        .values("locale__language_code")
        .annotate(**counts)
    }
    return {
        code: [share(row[f"reviewed_{i}"], row[f"sources_{i}"]) for i in range(len(ends))]
        if (row := rows.get(code))
        else None
        for code in codes
    }
