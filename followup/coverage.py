"""Language coverage: the share of live Swedish pages that have a published, reviewed
translation, per language, now and month by month.

The review states come from ``review``; ``review_pairs`` is the one place that calls its
API, so a change there is adapted here only. Everything else works on the pairs already
loaded: the review app loads every (page, language) pair in a fixed number of queries, and
nothing here queries per page or per language.

Past months are reconstructed from today's data: a translation counts from the month it was
first published or approved (the later of the two) while it is still published and reviewed
today, and a Swedish page from the month it was first published. A translation that was
reviewed once and is stale today therefore no longer counts in earlier months either; the
current month is exact.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGES_TABLE

from .datasets import Category, Chart, Dataset, Series, Unit, clean_number

# Language names in the reader's language: the msgid is the language table's Swedish name,
# capitalised ("Arabiska"; in every catalog, tests/followup/test_coverage_report.py checks).
LANGUAGE_NAMES = {
    language.code: _(language.swedish_name.capitalize()) for language in LANGUAGES_TABLE
}

REVIEWED = "published_reviewed"


@dataclass(frozen=True)
class Pair:
    """One Swedish page and one target language, as far as coverage needs to know."""

    language: str
    state: str
    state_label: str
    source_published: datetime.datetime | None
    reviewed_since: datetime.datetime | None  # only for published, reviewed translations


def review_pairs() -> list[Pair]:
    """Every (live Swedish page, target language) pair with its review state."""
    from review.states import State, review_items

    pairs = []
    for item in review_items(None):
        reviewed_since = None
        if item.state == State.PUBLISHED_REVIEWED:
            target = item.target_page
            moments = [target.first_published_at if target else None]
            if item.approval is not None:
                moments.append(item.approval.approved_at)
            reviewed_since = max((m for m in moments if m), default=None)
        pairs.append(
            Pair(
                language=item.locale.language_code,
                state=str(item.state.value),
                state_label=str(item.state.label),
                source_published=item.source_page.first_published_at,
                reviewed_since=reviewed_since,
            )
        )
    return pairs


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


def coverage_now(pairs: list[Pair] | None = None) -> list[LanguageCoverage]:
    """Per target language: how many Swedish pages, how many reviewed, counts per state."""
    pairs = review_pairs() if pairs is None else pairs
    by_language: dict[str, LanguageCoverage] = {}
    for pair in pairs:
        row = by_language.get(pair.language)
        if row is None:
            row = by_language[pair.language] = LanguageCoverage(
                pair.language, language_name(pair.language)
            )
        row.total += 1
        row.states[pair.state] += 1
        row.reviewed += pair.state == REVIEWED
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


def coverage_dataset(
    pairs: list[Pair] | None = None, months: int = 12, today: datetime.date | None = None
) -> Dataset:
    """A line per language: the share of reviewed translations at the end of each month."""
    pairs = review_pairs() if pairs is None else pairs
    starts = month_starts(months, today)
    ends = [_month_end(start) for start in starts]
    sources: dict[str, list] = defaultdict(list)
    reviewed: dict[str, list] = defaultdict(list)
    for pair in pairs:
        sources[pair.language].append(pair.source_published)
        if pair.reviewed_since is not None:
            reviewed[pair.language].append(pair.reviewed_since)
    series = []
    for code in language_order(sources):
        values = []
        for end in ends:
            whole = sum(1 for moment in sources[code] if moment is None or moment < end)
            part = sum(1 for moment in reviewed[code] if moment < end)
            values.append(share(part, whole))
        series.append(Series(code, language_name(code), values))
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
