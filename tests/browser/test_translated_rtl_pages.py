"""An Arabic page in a real browser: left-to-right data drawn in its own order, Swedish
blocks left to right but at the page's start side (issue 18, parts 2 and 3).

Order is checked by where Chromium draws the characters (the left edge of a Range around
each part), with the site's style sheets and again without them: the HTML alone must isolate.
"""

from wagtail.models import Locale

import pytest

from home.models import FooterContent
from international.models import Goal
from tests.browser.conftest import PHONE
from tests.browser.site_tree import fresh_swedish_home
from tests.browser.test_protected_rtl import positions

pytestmark = [pytest.mark.browser]

PHONE_NUMBER = "0380-51 80 00"
BODY_AR = (
    "<p>اتصلوا على 0380-51 80 00 أو اكتبوا إلى kommun@nassjo.se قبل 2026-12-04، "
    "من الساعة 8–16. المنحة 1 200 000 كرونة من Erasmus+.</p>"
)


@pytest.fixture
def arabic_home(transactional_db, django_db_serialized_rollback):
    home = fresh_swedish_home("Nässjö i världen")
    Goal.objects.create(
        short_title="Långsiktiga samarbeten",
        slug="samarbeten",
        text="<p>Nätverk och projekt med partner i andra länder.</p>",
        locale=home.locale,
    )
    FooterContent.objects.create(
        heading="Kontakt",
        organisation="Nässjö kommun",
        address="571 80 Nässjö",
        phone=PHONE_NUMBER,
        email="kommun@nassjo.se",
        note="Telefonväxeln har öppet vardagar 8–16.",
    )
    ar = home.copy_for_translation(Locale.objects.get(language_code="ar"))
    ar.title = "نيشو في العالم"
    ar.body = BODY_AR
    ar.intro = "للاستفسار اتصلوا على 0380-51 80 00 قبل 2026-12-04."
    ar.save_revision().publish()
    return ar.get_url()


def check_order(page):
    assert page.locator("html").get_attribute("dir") == "rtl"
    footer = positions(page, ".footer-contact ul", ["0380", "51", " 00"])
    # Without isolation the number is drawn group by group from the right: "00 80 51-0380".
    assert footer["0380"] < footer["51"] < footer[" 00"], footer
    address = positions(page, ".footer-contact address", ["571", " 80", "Nässjö"])
    assert address["571"] < address[" 80"] < address["Nässjö"], address
    body = positions(
        page, ".rich-text", ["0380", " 00", "2026", "-04", "8–", "16", "1 2", " 000", "Erasmus"]
    )
    assert body["0380"] < body[" 00"], body
    assert body["2026"] < body["-04"], body
    assert body["8–"] < body["16"], body
    assert body["1 2"] < body[" 000"], body
    mail = positions(page, ".rich-text", ["kommun", "nassjo.se"])
    assert mail["kommun"] < mail["nassjo.se"], mail
    # A plain-text field (the intro) too.
    lead = positions(page, ".lead", ["0380", " 00", "2026", "-04"])
    assert lead["0380"] < lead[" 00"] and lead["2026"] < lead["-04"], lead


def test_ltr_data_keeps_its_order_in_an_arabic_page(live_server, arabic_home, browser, screenshots):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server.url}{arabic_home}")
    check_order(page)
    page.screenshot(path=str(screenshots / "rtl-data-ar-390.png"), full_page=True)
    page.evaluate(
        "document.querySelectorAll('link[rel=stylesheet], style').forEach(e => e.remove())"
    )
    check_order(page)


def test_swedish_blocks_are_ltr_at_the_start_side_of_an_arabic_page(
    live_server, arabic_home, browser
):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{arabic_home}")
    for selector in [".goals-glance .card h3", ".footer-contact p[lang=sv]"]:
        element = page.locator(selector).first
        assert element.evaluate("e => getComputedStyle(e).direction") == "ltr", selector
        # The Swedish text ends at the right edge of its block (the start of the Arabic
        # page), like the Arabic around it; left-aligned it would start at the left edge.
        text_right, box_right, text_left, box_left = element.evaluate(
            """e => {
                const range = document.createRange();
                range.selectNodeContents(e);
                const text = range.getBoundingClientRect();
                const box = e.getBoundingClientRect();
                const style = getComputedStyle(e);
                return [text.right, box.right - parseFloat(style.paddingRight),
                        text.left, box.left + parseFloat(style.paddingLeft)];
            }"""
        )
        assert abs(text_right - box_right) < 2, (selector, text_right, box_right)
        assert text_left - box_left > 20, (selector, text_left, box_left)
