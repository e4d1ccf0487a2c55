"""What the follow-up page and its CSV downloads show, in a fixed number of queries.

The Swedish indicators decide what exists and carry the figures; the reader's locale only
changes the words (indicator names, goal titles, programme names, interface strings).
Each computation runs once per request, whatever the number of indicators using it.
"""

import csv
from dataclasses import dataclass, field

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from wagtail.models import Locale

from core.languages import language_direction
from core.localization import localize_many
from international.selectors import goals_in_locale

from . import coverage, svg
from .computed import compute, reads_review_states
from .datasets import Category, Chart, Dataset, Series, Unit, clean_number, csv_number, format_value


@dataclass
class ChartView:
    svg: SafeString
    heading: str = ""


@dataclass
class IndicatorView:
    indicator: object  # an Indicator, in the reader's language where translated
    dataset: Dataset
    uid: str
    summary: str
    csv_url: str
    charts: list[ChartView] = field(default_factory=list)
    legend: list[tuple[SafeString, Series]] = field(default_factory=list)

    @property
    def unit_label(self) -> str:
        return str(Unit(self.dataset.unit).label)


@dataclass
class GoalView:
    goal: object
    indicators: list[IndicatorView]


def entered_dataset(indicator) -> Dataset:
    values = sorted(indicator.values.all(), key=lambda v: v.year)
    return Dataset(
        chart=Chart.BAR,
        unit=indicator.unit,
        category_heading=gettext("År"),
        categories=[Category(str(v.year), str(v.year)) for v in values],
        series=[
            Series(
                "value",
                str(Unit(indicator.unit).label),
                [clean_number(v.value, indicator.unit) for v in values],
            )
        ],
    )


class Computations:
    """The computed datasets of one request in one language, each read once. A computation
    counts every Swedish page of the site, so its result is kept (``coverage.kept``: while
    the Swedish content stays the same, for the day, a project's status following the date,
    and, for the language coverage only, the stored review states' last change, read once a
    request). A publish in another language draws the page again from them."""

    def __init__(self, locale: Locale, states: str | None = None):
        self.locale = locale
        self.results: dict = {}
        self.states = states

    def get(self, key: str) -> Dataset | None:
        if key not in self.results:
            states = self.states_version() if reads_review_states(key) else ""
            self.results[key] = coverage.kept(
                f"{key}:{self.locale.pk}", lambda: compute(key, self.locale), states=states
            )
        return self.results[key]

    def states_version(self) -> str:
        if self.states is None:
            from review.stored_states import states_version

            self.states = states_version()
        return self.states


def dataset_for(source, computations: Computations) -> Dataset:
    if source.kind != source.Kind.COMPUTED:
        return entered_dataset(source)
    dataset = computations.get(source.computation)
    return dataset or Dataset(Chart.BAR, source.unit, gettext("År"))


def summary(dataset: Dataset) -> str:
    """One sentence with the latest figure and what it compares with."""
    if dataset.is_empty:
        return gettext("Inga siffror ännu.")
    if dataset.summary:
        return dataset.summary
    if dataset.chart == Chart.LINE:
        return _line_summary(dataset)
    values = svg.bar_series(dataset)
    totals = dataset.totals() if len(values) > 1 else values[0].values
    known = [(c, v) for c, v in zip(dataset.categories, totals, strict=True) if v is not None]
    (year, value), previous = known[-1], known[-2] if len(known) > 1 else None
    words = {"year": year.label, "value": format_value(value, dataset.unit)}
    if previous is None:
        return gettext("%(year)s var värdet %(value)s.") % words
    words |= {
        "previous_year": previous[0].label,
        "previous": format_value(previous[1], dataset.unit),
    }
    if len(dataset.series) > 1:
        return (
            gettext("%(year)s var summan %(value)s, jämfört med %(previous)s %(previous_year)s.")
            % words
        )
    return (
        gettext("%(year)s var värdet %(value)s, jämfört med %(previous)s %(previous_year)s.")
        % words
    )


def _line_summary(dataset: Dataset) -> str:
    month = dataset.categories[-1].label
    latest = [(s, s.values[-1]) for s in dataset.series if s.values[-1] is not None]
    if not latest:
        return gettext("Inga siffror ännu för %(month)s.") % {"month": month}
    high_value = max(value for _series, value in latest)
    low_value = min(value for _series, value in latest)
    if len(latest) == 1:
        return gettext("I %(month)s var andelen %(value)s.") % {
            "month": month,
            "value": format_value(high_value, dataset.unit),
        }
    if high_value == low_value:
        # All equal: naming one as the largest and another as the smallest would be false.
        return gettext("I %(month)s var andelen lika stor för alla, %(value)s.") % {
            "month": month,
            "value": format_value(high_value, dataset.unit),
        }
    return gettext(
        "I %(month)s hade %(high)s den största andelen, %(high_value)s, "
        "och %(low)s den minsta, %(low_value)s."
    ) % {
        "month": month,
        # Every series that shares the largest (smallest) value is named, not one of them.
        "high": _names([s.label for s, value in latest if value == high_value]),
        "high_value": format_value(high_value, dataset.unit),
        "low": _names([s.label for s, value in latest if value == low_value]),
        "low_value": format_value(low_value, dataset.unit),
    }


def _names(labels: list[str]) -> str:
    """``A``, ``A och B``, ``A, B och C`` in the active language."""
    labels = [str(label) for label in labels]
    if len(labels) == 1:
        return labels[0]
    return gettext("%(first)s och %(last)s") % {
        "first": ", ".join(labels[:-1]),
        "last": labels[-1],
    }


def add_charts(view: IndicatorView, name: str, rtl: bool) -> None:
    dataset = view.dataset
    # The summary is the paragraph just above the chart: repeating it in the description
    # made screen readers say it twice and weighed on a page of many charts.
    desc = gettext("Alla siffror finns i tabellen intill.")
    if dataset.chart == Chart.LINE:
        for index, series in enumerate(dataset.series):
            heading = series.label
            view.charts.append(
                ChartView(
                    svg.line_chart(
                        dataset,
                        series,
                        uid=f"{view.uid}-{index}",
                        title=f"{name}: {series.label}",
                        desc=_series_summary(dataset, series),
                        rtl=rtl,
                    ),
                    heading=heading,
                )
            )
        return
    view.charts.append(
        ChartView(svg.bar_chart(dataset, uid=view.uid, title=name, desc=desc, rtl=rtl))
    )
    shown = svg.bar_series(dataset)
    if len(shown) > 1:
        view.legend = [(svg.swatch(i), s) for i, s in enumerate(shown)]


def _series_summary(dataset: Dataset, series: Series) -> str:
    known = [
        (c, v) for c, v in zip(dataset.categories, series.values, strict=True) if v is not None
    ]
    if not known:
        return gettext("Inga siffror ännu.")
    (first, first_value), (last, last_value) = known[0], known[-1]
    if first is last:
        return gettext("I %(month)s: %(value)s.") % {
            "month": last.label,
            "value": format_value(last_value, dataset.unit),
        }
    return gettext("Från %(first)s i %(first_month)s till %(last)s i %(last_month)s.") % {
        "first": format_value(first_value, dataset.unit),
        "first_month": first.label,
        "last": format_value(last_value, dataset.unit),
        "last_month": last.label,
    }


def figures_key(states: str) -> str:
    """What the page's figures depend on besides the content generation, the language and
    the host (which every kept part names): the day (the months and years shown, the
    computed figures' "now") and the stored review states' last change (the language
    coverage, ``states``: ``states_version()``, read once a request and handed to
    ``follow_up`` too). The goals' charts and tables are kept under it (``{% fragment %}``
    in ``follow_up_page.html``): drawing them grows with the figures the site has (issue 24)."""
    return f"{timezone.localdate().isoformat()}/{states}"


def follow_up(page, request=None, states: str | None = None) -> list[GoalView]:
    """Per goal of the strategy (in the page's language), its indicators ready to show."""
    locale = page.locale
    rtl = language_direction(locale.language_code) == "rtl"
    goals = goals_in_locale(locale)
    sources = list(page.source_indicators())
    localized = localize_many(sources, locale)
    computations = Computations(locale, states)
    by_goal: dict = {goal.translation_key: [] for goal in goals}
    for source, indicator in zip(sources, localized, strict=True):
        if source.goal is None or source.goal.translation_key not in by_goal:
            continue
        dataset = dataset_for(source, computations)
        view = IndicatorView(
            indicator=indicator,
            dataset=dataset,
            uid=f"ind-{source.slug}",
            summary=summary(dataset),
            csv_url=page.csv_url(source.slug),
        )
        if not dataset.is_empty:
            add_charts(view, indicator.name, rtl)
        by_goal[source.goal.translation_key].append(view)
    return [GoalView(goal, by_goal[goal.translation_key]) for goal in goals]


def csv_response(page, slug: str) -> HttpResponse:
    """The indicator's figures as CSV: a header row in the reader's language, then plain
    numbers (no grouping, a decimal point) that any spreadsheet reads."""
    source = page.source_indicators().filter(slug=slug).first()
    if source is None:
        raise Http404
    dataset = dataset_for(source, Computations(page.locale))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{source.slug}-{page.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte order mark, so that spreadsheet programs read Arabic and Ethiopic as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(dataset.headings())
    if not dataset.is_empty:
        for category, values, total in dataset.rows():
            row = [category.key, *(csv_number(v) for v in values)]
            if dataset.show_total:
                row.append(csv_number(total))
            writer.writerow(row)
    return response
