"""Indicators that the portal computes from its own content, named by key, never typed.

Each function takes the reader's locale and returns a ``Dataset`` in a fixed number of
queries. The Swedish content decides what exists (translations are copies of it); labels
that come from snippets (programmes) are shown in the reader's language where translated.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.content_cache import public
from core.localization import localize_many
from core.sources import source_pages
from international.choices import PROJECT_STATUS, ProjectStatus
from international.models import OpportunityPage, Partner, Programme, ProjectPage
from readability.published import band_counts as lix_band_counts
from readability.score import BANDS

from . import coverage
from .datasets import Category, Chart, Dataset, Series, Unit

PARTNER_YEARS = 6


@dataclass(frozen=True)
class Computation:
    key: str
    label: str
    unit: str
    function: Callable[[Locale], Dataset]
    # Counts the stored review states (which every translation changes), not only the
    # Swedish content: kept for their last change too (followup/presentation.py).
    reads_review_states: bool = False


REGISTRY: dict[str, Computation] = {}


def register(key: str, label, unit: str, reads_review_states: bool = False):
    def decorator(function):
        REGISTRY[key] = Computation(key, label, unit, function, reads_review_states)
        return function

    return decorator


def reads_review_states(key: str) -> bool:
    computation = REGISTRY.get(key)
    return computation is not None and computation.reads_review_states


def computation_choices() -> list[tuple[str, str]]:
    return [(key, computation.label) for key, computation in REGISTRY.items()]


def compute(key: str, locale: Locale) -> Dataset | None:
    computation = REGISTRY.get(key)
    return computation.function(locale) if computation else None


def _swedish(queryset):
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE).readable()


def _years(years) -> list[Category]:
    return [Category(str(year), str(year)) for year in sorted(set(years))]


def _yearly(category_years: list[Category], counts: dict) -> list:
    return [counts.get(int(c.key), 0) for c in category_years]


@register("projects_by_status", _("Projekt per status och startår"), Unit.COUNT)
def projects_by_status(locale: Locale) -> Dataset:
    # Counted by the database, status by status and year by year: a few rows to read
    # whatever the number of projects (issue 24). The status is the model's own rule.
    rows = (
        _swedish(ProjectPage.objects.all())
        .annotate(status=PROJECT_STATUS.annotation(timezone.localdate()))
        .values_list("status", ExtractYear("starts_on"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[str, Counter] = defaultdict(Counter)
    for status, year, n in rows:
        counts[status][year] += n
    categories = _years(year for c in counts.values() for year in c)
    series = [
        Series(status.value, str(status.label), _yearly(categories, counts[status.value]))
        for status in ProjectStatus
        if counts[status.value]
    ]
    return Dataset(Chart.BAR, Unit.COUNT, gettext("Startår"), categories, series)


@register("project_funding", _("Extern finansiering av projekt per startår"), Unit.SEK)
def project_funding(locale: Locale) -> Dataset:
    funding = Counter(
        dict(
            _swedish(ProjectPage.objects.all())
            .values_list(ExtractYear("starts_on"))
            .annotate(total=Coalesce(Sum("external_funding"), 0))
            .order_by()
        )
    )
    categories = _years(funding)
    series = [
        Series("external_funding", gettext("Extern finansiering"), _yearly(categories, funding))
    ]
    return Dataset(Chart.BAR, Unit.SEK, gettext("Startår"), categories, series)


@register(
    "opportunities_by_programme",
    _("Möjligheter publicerade per år och program"),
    Unit.COUNT,
)
def opportunities_by_programme(locale: Locale) -> Dataset:
    counts: dict[int | None, Counter] = defaultdict(Counter)
    # The year in the site's time zone (Django extracts it in the current one, as
    # ``localtime`` does), counted by the database.
    rows = (
        _swedish(OpportunityPage.objects.filter(first_published_at__isnull=False))
        .values_list("programme_id", ExtractYear("first_published_at"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    for programme_id, year, n in rows:
        counts[programme_id][year] += n
    categories = _years(year for c in counts.values() for year in c)
    programmes = list(Programme.objects.filter(pk__in=[pk for pk in counts if pk]))
    localized = dict(
        zip((p.pk for p in programmes), localize_many(programmes, locale), strict=True)
    )
    series = []
    for pk, programme in sorted(localized.items(), key=lambda item: item[1].name):
        lang = "" if programme.locale_id == locale.pk else settings.LANGUAGE_CODE
        series.append(
            Series(programme.slug, programme.name, _yearly(categories, counts[pk]), lang=lang)
        )
    if counts.get(None):
        series.append(Series("", gettext("Utan program"), _yearly(categories, counts[None])))
    return Dataset(Chart.BAR, Unit.COUNT, gettext("År"), categories, series)


@register("partners_and_networks", _("Partner och nätverk"), Unit.COUNT)
def partners_and_networks(locale: Locale) -> Dataset:
    this_year = timezone.localdate().year
    years = list(range(this_year - PARTNER_YEARS + 1, this_year + 1))
    partners: Counter = Counter()
    networks: Counter = Counter()
    rows = Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
        "kind", "active_since", "ended_on"
    )
    for kind, since, ended in rows:
        for year in years:
            # Active at the end of the year (or today, for the current year).
            if (since is None or since.year <= year) and (ended is None or ended.year > year):
                (networks if kind == Partner.Kind.NETWORK else partners)[year] += 1
    categories = _years(years)
    series = [
        Series("partners", gettext("Partner"), [partners.get(y, 0) for y in years]),
        Series("networks", gettext("Nätverk"), [networks.get(y, 0) for y in years]),
    ]
    if not rows:
        series = [Series(s.key, s.label, [None] * len(years)) for s in series]
    return Dataset(Chart.BAR, Unit.COUNT, gettext("År"), categories, series)


@register(
    "language_coverage",
    _("Språktäckning: granskade översättningar"),
    Unit.PERCENT,
    reads_review_states=True,
)
def language_coverage(locale: Locale) -> Dataset:
    return coverage.coverage_dataset()


def band_range(index: int) -> str:
    """The LIX range of ``BANDS[index]`` for CSV and ids: "0-30", "30-40", …, "60+"
    (the lower bound included, the upper one not)."""
    lower = 0 if index == 0 else int(BANDS[index - 1][0])
    upper = BANDS[index][0]
    return f"{lower}+" if upper == float("inf") else f"{lower}-{int(upper)}"


@register("swedish_pages_by_lix", _("Svenska sidor per läsbarhetsnivå (LIX)"), Unit.COUNT)
def swedish_pages_by_lix(locale: Locale) -> Dataset:
    """Live public Swedish pages per LIX band, from the scores stored at publish."""
    counts = lix_band_counts(public(source_pages().filter(alias_of__isnull=True)))
    total = sum(counts.values())
    categories = [
        Category(band_range(index), capfirst(str(name)))
        for index, (_bound, _key, name) in enumerate(BANDS)
    ]
    values = [counts[key] if total else None for _bound, key, _name in BANDS]
    dataset = Dataset(
        Chart.BAR,
        Unit.COUNT,
        gettext("Läsbarhetsnivå (LIX)"),
        categories,
        [Series("pages", gettext("Svenska sidor"), values)],
    )
    if total:
        most = max(BANDS, key=lambda band: counts[band[1]])
        dataset.summary = ngettext(
            "Den enda svenska sidan har nivån %(band)s.",
            "Av %(total)s svenska sidor har flest, %(count)s, nivån %(band)s.",
            total,
        ) % {"total": total, "count": counts[most[1]], "band": str(most[2])}
    return dataset
