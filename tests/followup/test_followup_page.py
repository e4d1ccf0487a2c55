"""The public follow-up page in Swedish, Arabic and Tigrinya: charts, tables, CSV, empty states."""

import csv
import io
import re
from decimal import Decimal

from django.test import TestCase
from django.utils import translation
from django.utils.translation import override as translation_override

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.templatetags.core_tags import amount

from .helpers import FUNDING, build, charts, tag, texts

URLS = {"sv": "/sv/{}/uppfoljning/", "ar": "/ar/{}/uppfoljning/", "ti": "/ti/{}/uppfoljning/"}


class FollowUpPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.content = build()
        slug = cls.content["strategy"].slug
        cls.urls = {code: url.format(slug) for code, url in URLS.items()}

    def get(self, code: str):
        response = self.client.get(self.urls[code])
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def funding_chart(self, html: str):
        return next(
            svg
            for svg in charts(html)
            if svg.get("aria-labelledby").startswith("ind-finansiering-title ")
        )

    def test_the_page_answers_in_swedish_arabic_and_tigrinya(self):
        for code, direction in (("sv", "ltr"), ("ar", "rtl"), ("ti", "ltr")):
            with self.subTest(code):
                html = self.get(code)
                self.assertRegex(html, rf'<html lang="{code}" dir="{direction}"')
                self.assertIn("Beviljad extern finansiering", html)
                self.assertIn('<table class="figures">', html)
                self.assertIn(f'href="{self.urls[code]}csv/finansiering/"', html)
                self.assertNotIn("<script", html)

    def test_every_chart_is_an_image_with_title_description_and_text_labels(self):
        html = self.get("sv")
        found = charts(html)
        self.assertGreaterEqual(len(found), 2)
        for svg in found:
            self.assertEqual(svg.get("role"), "img")
            title_id, desc_id = svg.get("aria-labelledby").split()
            children = {tag(child): child for child in svg}
            self.assertEqual(children["title"].get("id"), title_id)
            self.assertEqual(children["desc"].get("id"), desc_id)
            self.assertTrue(children["title"].text.strip())
            self.assertTrue(children["desc"].text.strip())
            self.assertTrue(texts(svg))
        funding = self.funding_chart(html)
        labels = [t.text for t in texts(funding)]
        with translation.override("sv"):
            expected = [amount(v) + " kr" for v in FUNDING.values()]
        for year, label in zip(FUNDING, expected, strict=True):
            self.assertIn(str(year), labels)
            self.assertIn(label, labels)

    def test_the_years_run_right_to_left_in_arabic(self):
        def year_positions(code):
            svg = self.funding_chart(self.get(code))
            return svg.get("direction"), {
                int(t.text): float(t.get("x")) for t in texts(svg) if t.text.isdigit()
            }

        direction, sv = year_positions("sv")
        self.assertEqual(direction, "ltr")
        self.assertLess(sv[2021], sv[2025])
        direction, ar = year_positions("ar")
        self.assertEqual(direction, "rtl")
        self.assertGreater(ar[2021], ar[2025])
        # The same chart, mirrored: positions reflect around the middle of the 360 wide box.
        for year in FUNDING:
            self.assertAlmostEqual(ar[year], 360 - sv[year], places=1)
        _direction, ti = year_positions("ti")
        self.assertLess(ti[2021], ti[2025])

    def test_the_table_shows_the_same_figures_as_the_chart(self):
        for code in ("sv", "ar", "ti"):
            with self.subTest(code):
                html = self.get(code)
                table = re.search(
                    r'<caption id="ind-finansiering-caption".*?</table>', html, re.S
                ).group(0)
                rows = re.findall(r'<th scope="row">(\d+)</th>\s*<td>([^<]+)</td>', table, re.S)
                chart_labels = [t.text for t in texts(self.funding_chart(html))]
                self.assertEqual([int(year) for year, _v in rows], list(FUNDING))
                for (_year, cell), value in zip(rows, FUNDING.values(), strict=True):
                    digits = re.sub(r"\D", "", cell)
                    self.assertEqual(int(digits), value)
                    self.assertIn(cell.strip(), chart_labels)

    def test_each_chart_has_a_summary_sentence(self):
        html = self.get("sv")
        with translation.override("sv"):
            latest, previous = amount(FUNDING[2025]), amount(FUNDING[2024])
        self.assertIn(f"2025 var värdet {latest} kr, jämfört med {previous} kr 2024.", html)

    def test_an_indicator_without_figures_says_so_instead_of_an_empty_chart(self):
        html = self.get("sv")
        section = re.search(r'id="ind-deltagare-heading".*?</section>', html, re.S).group(0)
        self.assertIn("Inga siffror ännu.", section)
        self.assertNotIn("<svg", section)
        self.assertNotIn("<table", section)

    def test_csv_download_has_the_same_numbers(self):
        for code in ("sv", "ar", "ti"):
            with self.subTest(code):
                response = self.client.get(self.urls[code] + "csv/finansiering/")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
                self.assertEqual(
                    response["Content-Disposition"],
                    f'attachment; filename="finansiering-{code}.csv"',
                )
                rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
                self.assertEqual(len(rows[0]), 2)
                self.assertEqual(
                    {int(year): Decimal(value) for year, value in rows[1:]},
                    {year: Decimal(value) for year, value in FUNDING.items()},
                )

    def test_csv_of_an_indicator_without_figures_is_only_its_header(self):
        response = self.client.get(self.urls["sv"] + "csv/deltagare/")
        self.assertEqual(response.status_code, 200)
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows, [["År", "Deltagare"]])

    def test_computed_csv_adds_up(self):
        response = self.client.get(self.urls["sv"] + "csv/projekt/")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0][0], "Startår")
        self.assertEqual(rows[0][-1], "Totalt")
        self.assertEqual(sum(int(row[-1]) for row in rows[1:]), 3)
        for row in rows[1:]:
            self.assertEqual(sum(int(v or 0) for v in row[1:-1]), int(row[-1]))

    def test_unknown_or_hostile_csv_slugs_are_not_found(self):
        for slug in ("finns-inte", "%2e%2e", "finansiering%00"):
            with self.subTest(slug):
                response = self.client.get(self.urls["sv"] + f"csv/{slug}/")
                self.assertEqual(response.status_code, 404)

    def test_coverage_is_one_line_chart_per_language(self):
        html = self.get("ar")
        coverage = [
            svg
            for svg in charts(html)
            if svg.get("aria-labelledby").startswith("ind-spraktackning-")
        ]
        self.assertEqual(len(coverage), 8)  # every language but Swedish
        self.assertTrue(all(svg.get("direction") == "rtl" for svg in coverage))
        self.assertTrue(all(any(tag(e) == "circle" for e in svg.iter()) for svg in coverage))

    def test_the_strategy_page_links_to_its_follow_up(self):
        for code in ("sv", "ar"):
            with self.subTest(code):
                response = self.client.get(self.urls[code].rsplit("uppfoljning/", 1)[0])
                self.assertContains(response, f'href="{self.urls[code]}"')

    def test_names_are_translated_but_figures_never_leave_the_swedish_source(self):
        funding = self.content["funding"]
        source, _created = TranslationSource.get_or_create_from_instance(funding)
        strings = set(
            StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        )
        self.assertEqual(strings, {"Beviljad extern finansiering", "Kommunens bokslut"})
        arabic = Locale.objects.get(language_code="ar")
        job = Translation.objects.create(source=source, target_locale=arabic)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=arabic,
                context=segment.context,
                data=f"ع {segment.string.data}",
            )
        job.save_target()
        translated = funding.get_translation(arabic)
        self.assertEqual(translated.name, "ع Beviljad extern finansiering")
        # A figure changed afterwards in Swedish shows at once in Arabic too.
        funding.values.filter(year=2025).update(value=5_000_000)
        html = self.get("ar")
        self.assertIn("ع Beviljad extern finansiering", html)
        section = re.search(r'id="ind-finansiering-heading".*?</section>', html, re.S).group(0)
        self.assertNotIn('lang="sv"', section.split("</h3>")[0])
        with translation_override("ar"):
            self.assertIn(amount(5_000_000), section)

    def test_hostile_names_are_escaped_in_charts_and_tables(self):
        hostile = '<script>alert("x")</script> & </svg>'
        indicator = self.content["funding"]
        indicator.name = hostile
        indicator.save()
        html = self.get("sv")
        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertEqual(len(charts(html)), len(re.findall(r'<svg\b[^>]*class="chart"', html)))
