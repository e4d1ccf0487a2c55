"""The scale demo's other rows: reader reports, DeepL usage months and indicator figures.

Each grows with the scale and is made up to its target count only, so running again
adds nothing. Usage and indicator history grow backwards in time (more months, more
years), as they do on a site in use for longer; indicator years stop at the first year the
follow-up accepts.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from followup.models import Indicator, IndicatorValue
from followup.validation import FIRST_YEAR
from review.models import ReaderNotice, ReaderReport
from translation.models import UsageRecord

from .filler import Filler

# Per scale step: reports filed by readers (a third of them resolved), months of usage.
REPORTS_PER_SCALE = 3
MONTHS_PER_SCALE = 2


def reader_reports(scale: int, stdout) -> None:
    wanted = REPORTS_PER_SCALE * scale
    have = ReaderReport.objects.count()
    if have >= wanted:
        return
    pages = list(
        ReaderNotice.objects.filter(translated=True, page__live=True)
        .exclude(page__locale__language_code=settings.LANGUAGE_CODE)
        .order_by("page_id")
        .values_list("page_id", "page__locale_id")[: wanted * 7 : 7]
    )
    now = timezone.now()
    reports = []
    for number in range(have, wanted):
        page_id, locale_id = pages[number % len(pages)]
        filler = Filler("sv", f"report-{number}")
        reports.append(
            ReaderReport(
                page_id=page_id,
                locale_id=locale_id,
                part=[value for value, _label in ReaderReport.Part.choices][number % 4],
                problem=filler.sentences(2),
                resolved_at=now if number % 3 == 0 else None,
            )
        )
    ReaderReport.objects.bulk_create(reports)
    stdout.write(f"  scale: {len(reports)} reader reports")


def usage_rows(scale: int, locales, stdout) -> None:
    """DeepL usage for ``MONTHS_PER_SCALE × scale`` months back, per machine language."""
    months, month = [], timezone.localdate().replace(day=1)
    for _ in range(MONTHS_PER_SCALE * scale):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    existing = set(UsageRecord.objects.values_list("locale_id", "month"))
    rows = [
        UsageRecord(
            locale=locale,
            month=month,
            characters=40_000 + (month.month * 7919 + locale.pk * 104_729) % 200_000,
            requests=100 + month.month * 3,
        )
        for locale in locales
        for month in months
        if (locale.pk, month) not in existing
    ]
    UsageRecord.objects.bulk_create(rows)
    if rows:
        stdout.write(f"  scale: {len(rows)} usage rows")


def indicator_values(scale: int, stdout) -> None:
    """Each entered indicator's figures back to ``5 × scale`` years (from FIRST_YEAR)."""
    this_year = timezone.localdate().year
    first = max(FIRST_YEAR, this_year - 5 * scale)
    made = 0
    for indicator in Indicator.objects.filter(kind=Indicator.Kind.ENTERED):
        have = set(indicator.values.values_list("year", flat=True))
        if not have:
            continue
        base = sorted(have)[0]
        rows = [
            IndicatorValue(
                indicator=indicator,
                year=year,
                value=max(1, (year * 31 + indicator.pk * 17) % 97),
                recorded_at=timezone.now(),
            )
            for year in range(first, base)
            if year not in have
        ]
        IndicatorValue.objects.bulk_create(rows)
        made += len(rows)
    if made:
        stdout.write(f"  scale: {made} indicator values")
