"""The computed indicator "Swedish pages per LIX band": figures from the stored scores, in
the chart, the table and the CSV, in Swedish, Arabic and Tigrinya, and its empty state."""

import csv
import io
import re
from collections import Counter

from django.test import TestCase
from django.utils import translation

from wagtail.models import Locale, Page

import pytest

from followup.computed import compute
from followup.models import Indicator
from followup.presentation import summary
from readability.models import PublishedLix
from readability.score import BANDS

from .helpers import build, charts, tag, texts

URLS = {"sv": "/sv/{}/uppfoljning/", "ar": "/ar/{}/uppfoljning/", "ti": "/ti/{}/uppfoljning/"}
RANGES = ["0-30", "30-40", "40-50", "50-60", "60+"]


def stored_counts() -> Counter:
    """Live Swedish pages (not aliases) per band, straight from the stored rows."""
    return Counter(
        PublishedLix.objects.filter(
            page__live=True, page__alias_of__isnull=True, page__locale__language_code="sv"
        )
        .exclude(band="")
        .values_list("band", flat=True)
    )


class LixBandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.content = build()
        cls.indicator = Indicator.objects.create(
            locale=cls.content["home"].locale,
            name="Svenska sidor per läsbarhetsnivå",
            slug="lix",
            goal=cls.content["goals"]["fler-sprak"],
            kind="computed",
            computation="swedish_pages_by_lix",
            sort_order=5,
        )
        slug = cls.content["strategy"].slug
        cls.urls = {code: url.format(slug) for code, url in URLS.items()}

    def section(self, code: str) -> str:
        response = self.client.get(self.urls[code])
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        return re.search(r'id="ind-lix-heading".*?</section>', html, re.S).group(0)

    def table(self, code: str) -> list[tuple[str, int]]:
        return [
            (label, int(value))
            for label, value in re.findall(
                r'<th scope="row">([^<]+)</th>\s*<td>(\d+)</td>', self.section(code)
            )
        ]

    def test_every_live_swedish_page_is_counted_once_in_its_band(self):
        # Pages made by factories were never published through a revision: the first view
        # scores them once and stores them.
        self.client.get(self.urls["sv"])
        swedish = Page.objects.live().filter(
            depth__gt=1, locale__language_code="sv", alias_of__isnull=True
        )
        self.assertEqual(PublishedLix.objects.filter(page__in=swedish).count(), swedish.count())
        expected = stored_counts()
        self.assertEqual(sum(expected.values()), swedish.count())
        with translation.override("sv"):
            names = [str(name)[0].upper() + str(name)[1:] for _b, _k, name in BANDS]
        self.assertEqual(
            self.table("sv"),
            [(name, expected[key]) for name, (_b, key, _n) in zip(names, BANDS, strict=True)],
        )

    def test_band_names_are_in_the_readers_language_and_figures_are_the_same(self):
        self.client.get(self.urls["sv"])
        expected = [stored_counts()[key] for _bound, key, _name in BANDS]
        for code in ("ar", "ti"):
            with self.subTest(code):
                rows = self.table(code)
                self.assertEqual([value for _label, value in rows], expected)
                with translation.override(code):
                    very_hard = str(BANDS[-1][2])
                self.assertNotEqual(very_hard, "mycket svår")
                self.assertEqual(rows[-1][0], very_hard)

    def test_the_chart_has_a_bar_label_per_band_and_a_summary(self):
        section = self.section("sv")
        (svg,) = charts(section)
        self.assertEqual(svg.get("role"), "img")
        labels = " ".join(t.text for t in texts(svg))
        for word in ("Mycket", "lätt", "Lätt", "Medelsvår", "Svår", "svår"):
            self.assertIn(word, labels)
        # The bars: one path a series, a closed subpath a bar (followup/svg.py).
        bars = [e for e in svg.iter() if tag(e) == "path" and e.get("fill")]
        self.assertEqual(len(bars), 1)
        self.assertGreaterEqual(bars[0].get("d").count("z"), 4)
        self.assertRegex(section, r"Av \d+ svenska sidor har flest, \d+, nivån [a-zåäö ]+\.")

    def test_csv_has_the_ranges_and_the_same_figures(self):
        self.client.get(self.urls["sv"])
        expected = stored_counts()
        for code in ("sv", "ar"):
            with self.subTest(code):
                response = self.client.get(self.urls[code] + "csv/lix/")
                rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
                if code == "sv":
                    self.assertEqual(rows[0], ["Läsbarhetsnivå (LIX)", "Svenska sidor"])
                self.assertEqual([row[0] for row in rows[1:]], RANGES)
                self.assertEqual(
                    [int(row[1]) for row in rows[1:]], [expected[k] for _b, k, _n in BANDS]
                )

    def test_unpublishing_a_page_takes_it_out_of_its_band(self):
        self.client.get(self.urls["sv"])
        before = stored_counts()
        project = self.content["project_index"].get_children().first().specific
        band = PublishedLix.objects.get(page=project).band
        project.unpublish()
        after = dict(self.table("sv"))
        self.assertEqual(sum(after.values()), sum(before.values()) - 1)
        self.assertEqual(stored_counts()[band], before[band] - 1)


@pytest.mark.django_db
def test_no_swedish_pages_means_no_figures_yet(locales):
    Page.objects.filter(depth__gt=1).delete()  # Wagtail's welcome page
    dataset = compute("swedish_pages_by_lix", Locale.objects.get(language_code="sv"))
    assert dataset.is_empty
    assert [category.key for category in dataset.categories] == RANGES
    with translation.override("sv"):
        assert summary(dataset) == "Inga siffror ännu."
