"""The admin speaks Swedish: upstream's English is translated, titles, numbers, summaries.

Issue 18, part 7. What wagtail-localize hard-codes in its React editor is checked in the
browser (tests/browser/test_admin_swedish_browser.py); here the server's side.
"""

import datetime
import json
import re
from decimal import Decimal

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from devtools.builders import translate
from followup.datasets import Category, Chart, Dataset, Series, Unit
from followup.presentation import summary
from translation.models import UsageRecord
from translation.usage import month_start


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_localize_editor_script_catalog_keeps_the_space_before_the_tool(client, users):
    client.force_login(users["ar"])
    catalog = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert '"Translate with ": "\\u00d6vers\\u00e4tt med "' in catalog
    assert '"Translate all missing strings with ": ' in catalog
    assert '"\\u00d6vers\\u00e4tt med"' not in catalog  # upstream's, without the space


def test_editor_gets_swedish_for_what_upstream_hard_codes(client, users, tree):
    target = translate(tree["page"], "ar")
    client.force_login(users["ar"])
    html = html_of(client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])))
    words = re.search(r'<script id="portal-editor-words"[^>]*>(.*?)</script>', html)
    assert json.loads(words.group(1)) == {
        "sectionTitle": "Översättning från %(source)s till %(target)s",
        "moreActions": "Fler åtgärder",
    }
    assert "portal/admin_swedish.js" in html


def test_glossary_empty_state_is_swedish(client, users):
    client.force_login(users["admin"])
    html = html_of(client.get(reverse("wagtailsnippets_translation_glossaryterm:list")))
    assert "Ordlistan är tom." in html
    assert "Lägg till den första termen" in html
    assert "There are no" not in html
    assert "Why not" not in html


def test_page_explorer_is_swedish(client, users, tree):
    client.force_login(users["admin"])
    html = html_of(client.get(reverse("wagtailadmin_explore", args=[tree["home"].pk])))
    assert "<title>Utforskar: Nässjö i världen" in html
    assert "Exploring" not in html
    assert re.search(r"1–\d+ av \d+ sid", html), "the listing count is Swedish"
    assert " of " not in re.sub(r"<[^>]+>", " ", html).split("Sida 1", 1)[0]


def _header(html: str) -> str:
    header = re.search(r'<header[^>]*class="[^"]*w-slim-header[^"]*".*?</header>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", header.group(0)))


def test_usage_and_draft_status_pages_have_their_own_title(client, users, tree):
    client.force_login(users["admin"])
    usage = html_of(client.get(reverse("translation_usage")))
    assert "Maskinöversättning: förbrukning och budget" in _header(usage)
    status = html_of(client.get(reverse("translation_page_status", args=[tree["page"].pk])))
    assert "Översättningsutkast: Strategin" in _header(status)
    for html in (usage, status):
        # The slim header's last breadcrumb is the title a person sees, not "Hem".
        crumbs = html.split("w-breadcrumbs", 1)[1]
        last = re.findall(r"<li\b.*?</li>", crumbs, re.S)
        assert "Hem" not in re.sub(r"<[^>]+>", "", last[-1])


def test_queue_and_po_pages_have_a_title(client, users, tree):
    client.force_login(users["ar"])
    queue = html_of(client.get(reverse("review:queue")))
    assert "<title>Granskning av översättningar - " in queue
    po = html_of(client.get(reverse("review:po_exchange")))
    assert "<title>Översättning med filer: PO, XLIFF och TMX - " in po


def test_large_numbers_are_grouped_the_swedish_way(client, users, tree):
    ar = Locale.objects.get(language_code="ar")
    UsageRecord.objects.create(
        locale=ar, month=month_start(), characters=1_000_000_000, requests=12_345
    )
    client.force_login(users["admin"])
    html = html_of(client.get(reverse("translation_usage")))
    assert "1\xa0000\xa0000\xa0000" in html
    assert "12\xa0345" in html
    assert ">1000000000<" not in html


def _line(values: dict[str, float]) -> Dataset:
    months = [Category("2026-11", "november 2026"), Category("2026-12", "december 2026")]
    return Dataset(
        chart=Chart.LINE,
        unit=Unit.PERCENT,
        category_heading="Månad",
        categories=months,
        series=[
            Series(key=name, label=name, values=[None, Decimal(str(value))])
            for name, value in values.items()
        ],
    )


def test_coverage_summary_is_true_when_every_language_is_equal():
    with translation.override("sv"):
        text = summary(_line({"Engelska": 2.9, "Arabiska": 2.9, "Finska": 2.9}))
    assert text == "I december 2026 var andelen lika stor för alla, 2,9 %."
    assert "största" not in text


def test_coverage_summary_names_every_language_that_shares_the_extreme():
    with translation.override("sv"):
        text = summary(_line({"Engelska": 40, "Arabiska": 40, "Somaliska": 5, "Finska": 20}))
    assert text == (
        "I december 2026 hade Engelska och Arabiska den största andelen, 40 %, "
        "och Somaliska den minsta, 5 %."
    )
    with translation.override("sv"):
        text = summary(_line({"A": 10, "B": 10, "C": 10, "D": 30}))
    assert "hade D den största andelen, 30 %, och A, B och C den minsta, 10 %." in text


def test_coverage_summary_of_one_language():
    with translation.override("sv"):
        assert summary(_line({"Engelska": 12.5})) == "I december 2026 var andelen 12,5 %."


def test_month_start_is_a_date():
    assert isinstance(month_start(), datetime.date)
