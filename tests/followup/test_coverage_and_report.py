"""Language coverage for coordinators: the dashboard panel, the report and its exports, and
a constant number of queries for the public page and the report with ten times the content."""

import csv
import io
import re
from decimal import Decimal

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import openpyxl

from devtools import builders
from devtools.builders import make_user, publish_human_translation, translate
from followup.models import Indicator, IndicatorValue
from review.roles import COORDINATOR, setup_roles, translator_group_name

from .helpers import add_projects, build

REPORT = "/admin/followup/coverage/"


def panel_share(html: str, code: str) -> Decimal:
    match = re.search(rf'<tr data-language="{code}">.*?data-share="([\d.]*)"', html, re.S)
    return Decimal(match.group(1))


class CoverageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.content = build()
        setup_roles()
        cls.coordinator = make_user("samordnare", COORDINATOR)
        cls.arabic = make_user("oversattare-ar", translator_group_name("ar"))
        cls.project = builders.ProjectPageFactory(
            parent=cls.content["project_index"], slug="nytt-projekt", title="Nytt projekt"
        )

    def test_publishing_a_reviewed_arabic_translation_raises_the_arabic_figure(self):
        self.client.force_login(self.coordinator)
        before = panel_share(self.client.get("/admin/").content.decode(), "ar")
        persian_before = panel_share(self.client.get("/admin/").content.decode(), "fa")

        # A machine draft published without review does not count.
        target = translate(self.project, "ar", kind="machine", publish=True)
        html = self.client.get("/admin/").content.decode()
        self.assertEqual(panel_share(html, "ar"), before)

        # The Arabic translator approves it: now it is published and reviewed.
        self.client.force_login(self.arabic)
        response = self.client.post(f"/admin/review/approve/{target.pk}/")
        self.assertEqual(response.status_code, 302)
        self.client.force_login(self.coordinator)
        html = self.client.get("/admin/").content.decode()
        self.assertGreater(panel_share(html, "ar"), before)
        self.assertEqual(panel_share(html, "fa"), persian_before)

        # The public page's Arabic series ends higher too, and says so in its CSV.
        strategy = self.content["strategy"].slug
        response = self.client.get(f"/sv/{strategy}/uppfoljning/csv/spraktackning/")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        arabic = rows[0].index("Arabiska")
        self.assertEqual(Decimal(rows[-1][arabic]), panel_share(html, "ar"))

    def test_only_coordinators_see_the_panel_and_the_report(self):
        self.client.force_login(self.arabic)
        self.assertNotContains(self.client.get("/admin/"), 'data-language="ar"')
        # Wagtail answers a refusal with a redirect to the dashboard and a message.
        for url in (REPORT, REPORT + "?export=csv", REPORT + "?export=xlsx"):
            response = self.client.get(url)
            self.assertEqual((response.status_code, response["Location"]), (302, "/admin/"))
        self.client.logout()
        self.assertTrue(self.client.get(REPORT)["Location"].startswith("/admin/login/"))

    def test_report_shows_states_charts_and_exports_csv_and_xlsx(self):
        self.client.force_login(self.coordinator)
        response = self.client.get(REPORT)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Publicerad och granskad", html)
        self.assertEqual(html.count('role="img"'), 8)

        response = self.client.get(REPORT + "?export=csv")
        self.assertEqual(response["Content-Type"], "text/csv")
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
        self.assertEqual(
            {row["Språkkod"] for row in rows}, {"en", "ar", "fa", "so", "ti", "uk", "pl", "fi"}
        )
        for row in rows:
            states = [int(row[label]) for label in ("Saknas", "Publicerad och granskad")]
            self.assertLessEqual(sum(states), int(row["Svenska sidor"]))
            share = Decimal(row["Andel granskade (%)"])
            reviewed = int(row["Publicerad och granskad"])
            self.assertAlmostEqual(float(share), 100 * reviewed / int(row["Svenska sidor"]), 1)

        response = self.client.get(REPORT + "?export=xlsx")
        self.assertEqual(response.status_code, 200)
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        sheet = list(workbook.active.values)
        self.assertEqual(sheet[0][0], "Språk")
        self.assertEqual(len(sheet), 9)
        self.assertIn('filename="sprak-tackning.xlsx"', response["Content-Disposition"])


class QueryCountTests(TestCase):
    """The page and the report cost the same with ten times the pages, projects,
    opportunities, partners, indicators and translations."""

    @classmethod
    def setUpTestData(cls):
        cls.content = build()
        setup_roles()
        cls.coordinator = make_user("samordnare", COORDINATOR)
        cls.grow(1)

    @classmethod
    def grow(cls, factor: int, start: int = 0):
        content = cls.content
        add_projects(content["project_index"], 3 * factor, start=100 + start)
        opportunities = builders.OpportunityIndexPageFactory(
            parent=content["home"], slug=f"mojligheter-{start}"
        )
        programme = builders.ProgrammeFactory()
        for n in range(2 * factor):
            builders.OpportunityPageFactory(
                parent=opportunities, slug=f"mojlighet-{start}-{n}", programme=programme
            )
        for n in range(2 * factor):
            builders.PartnerFactory(slug=f"partner-{start}-{n}")
        for n in range(2 * factor):
            indicator = Indicator.objects.create(
                locale=content["home"].locale,
                name=f"Indikator {start}-{n}",
                slug=f"indikator-{start}-{n}",
                goal=content["goals"]["samarbeten"],
            )
            for year in (2022, 2023, 2024):
                IndicatorValue.objects.create(indicator=indicator, year=year, value=n + year)
        for page in list(content["project_index"].get_children().specific()[:factor]):
            for code in ("ar", "ti"):
                locale = Locale.objects.get(language_code=code)
                if not page.get_translations().filter(locale=locale).exists():
                    publish_human_translation(page, locale, {page.title: f"{page.title} {code}"})
        # The other indicators: one of each computation.
        for key in (
            "opportunities_by_programme",
            "partners_and_networks",
            "project_funding",
            "swedish_pages_by_lix",
        ):
            Indicator.objects.get_or_create(
                locale=content["home"].locale,
                slug=f"{key}-{start}",
                defaults={
                    "name": key,
                    "goal": content["goals"]["samarbeten"],
                    "kind": "computed",
                    "computation": key,
                },
            )

    def count(self, url: str) -> int:
        self.client.get(url)  # warm Wagtail's caches of the site and its root paths
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_constant_queries_with_ten_times_the_content(self):
        self.client.force_login(self.coordinator)
        strategy = self.content["strategy"].slug
        urls = [f"/sv/{strategy}/uppfoljning/", f"/ar/{strategy}/uppfoljning/", REPORT, "/admin/"]
        small = {url: self.count(url) for url in urls}
        self.grow(9, start=1000)
        large = {url: self.count(url) for url in urls}
        self.assertEqual(large, small)
        self.assertGreater(Indicator.objects.count(), 20)


def test_every_language_of_the_table_is_named_in_every_catalog():
    # The report's language names come from the language table (followup.coverage): the
    # msgid is the table's Swedish name, capitalised, so no gettext call in the code spells it
    # out and the catalogs test (tests/site/test_site_catalogs.py) cannot see it.
    from django.conf import settings
    from django.utils import translation

    import polib

    from core.languages import LANGUAGES_TABLE, SOURCE_LANGUAGE
    from followup.coverage import language_name

    with translation.override(SOURCE_LANGUAGE):
        msgids = {language_name(language.code) for language in LANGUAGES_TABLE}
    assert {"Arabiska", "Tigrinska"} <= msgids and len(msgids) == len(LANGUAGES_TABLE)
    for language in LANGUAGES_TABLE:
        if language.code == SOURCE_LANGUAGE:
            continue
        path = settings.BASE_DIR / "locales" / language.code / "LC_MESSAGES" / "django.po"
        catalog = {entry.msgid: entry.msgstr for entry in polib.pofile(str(path))}
        missing = sorted(msgid for msgid in msgids if not catalog.get(msgid, "").strip())
        assert not missing, f"{language.code}: no translation of {missing}"
