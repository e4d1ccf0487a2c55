"""Content for the follow-up tests: a strategy with goals, indicators, projects and a
follow-up page translated into Arabic and Tigrinya, built with the builders
(``devtools/builders``) and the demo's home pages."""

import datetime
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Locale

from devtools import builders
from devtools.builders import publish_human_translation
from devtools.demo import home as demo_home
from followup.models import IndicatorValue
from home.models import HomePage

FUNDING = {2021: 1_850_000, 2022: 2_400_000, 2023: 3_150_000, 2024: 2_900_000, 2025: 4_200_000}
SVG = re.compile(r"<svg\b[^>]*class=\"chart\".*?</svg>", re.S)


def build() -> dict:
    """Every locale with its home page, and the follow-up under a Swedish strategy page."""
    demo_home.load(io.StringIO())
    sv_home = HomePage.objects.get(locale__language_code="sv")
    strategy = builders.StrategyPageFactory(parent=sv_home)
    goals = {
        slug: builders.GoalFactory(short_title=title, slug=slug)
        for slug, title in (
            ("extern-finansiering", "Extern finansiering"),
            ("samarbeten", "Långsiktiga samarbeten"),
            ("fler-sprak", "Information på fler språk"),
        )
    }
    funding = builders.IndicatorFactory(
        locale=sv_home.locale,
        name="Beviljad extern finansiering",
        slug="finansiering",
        goal=goals["extern-finansiering"],
        unit="sek",
        source_note="Kommunens bokslut",
        sort_order=1,
    )
    for year, value in FUNDING.items():
        IndicatorValue.objects.create(indicator=funding, year=year, value=value)
    empty = builders.IndicatorFactory(
        locale=sv_home.locale,
        name="Deltagare i ungdomsutbyten",
        slug="deltagare",
        goal=goals["extern-finansiering"],
        unit="participants",
        sort_order=2,
    )
    projects = builders.IndicatorFactory(
        locale=sv_home.locale,
        name="Projekt per status och startår",
        slug="projekt",
        goal=goals["samarbeten"],
        kind="computed",
        computation="projects_by_status",
        sort_order=3,
    )
    coverage = builders.IndicatorFactory(
        locale=sv_home.locale,
        name="Språktäckning",
        slug="spraktackning",
        goal=goals["fler-sprak"],
        kind="computed",
        computation="language_coverage",
        unit="percent",
        sort_order=4,
    )
    project_index = builders.ProjectIndexPageFactory(parent=sv_home)
    add_projects(project_index, 3)
    page = builders.FollowUpPageFactory(
        parent=strategy,
        title="Uppföljning",
        slug="uppfoljning",
        intro="Strategins mål i siffror.",
        publish=True,
    )
    translations = {}
    for code, title in (("ar", "المتابعة"), ("ti", "ክትትል")):
        translations[code] = publish_human_translation(
            page,
            Locale.objects.get(language_code=code),
            {"Uppföljning": title, "Strategins mål i siffror.": title},
        )
    return {
        "home": sv_home,
        "strategy": strategy,
        "page": page,
        "translations": translations,
        "goals": goals,
        "funding": funding,
        "empty": empty,
        "projects": projects,
        "coverage": coverage,
        "project_index": project_index,
    }


def add_projects(index, count: int, start: int = 0) -> None:
    today = timezone.localdate()
    for n in range(start, start + count):
        builders.ProjectPageFactory(
            parent=index,
            slug=f"projekt-{n}",
            title=f"Projekt {n}",
            # Planned, ongoing and completed in turn, starting in different years.
            starts_on=today + datetime.timedelta(days=(30, -100, -800)[n % 3]),
            ends_on=today + datetime.timedelta(days=(400, 100, -400)[n % 3]),
        )


def charts(html: str) -> list[ET.Element]:
    """Every chart of a page, parsed as XML (an inline SVG must be well-formed)."""
    return [ET.fromstring(match) for match in SVG.findall(html)]  # noqa: S314 - our own output


def tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def texts(svg: ET.Element) -> list[ET.Element]:
    return [e for e in svg.iter() if tag(e) == "text"]


def decimal(value) -> Decimal:
    return Decimal(str(value))
