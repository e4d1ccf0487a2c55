"""Protected left-to-right names and numbers inside Arabic and Persian text, in a real browser.

The Swedish page is stored as before the mark carried a direction (``<span translate="no">``);
the Arabic and Persian translations keep that. The reader's HTML must still isolate each
protected span left to right (``dir="ltr"``, added when rich text is rendered), and an
always-protected term in plain text is isolated with U+2066…U+2069. Checked with the site's
style sheets and again without them (the HTML alone must do it), by where the browser
actually draws the parts: "+46" left of "00", the "+" of "Erasmus+" on its right. Screenshots go to
test-artifacts/screenshots/ for a person to look at.
"""

import re

from wagtail.models import Locale
from wagtail_localize.strings import extract_strings

import pytest

from devtools.builders import publish_human_translation
from home.models import HomePage
from tests.browser.site_tree import fresh_swedish_home
from translation.protect import LRI, PDI

pytestmark = [pytest.mark.browser]

BODY = (
    '<p>Vi samarbetar med <span translate="no">Brønderslev</span> i '
    '<span translate="no">Erasmus+ 2026</span>. '
    'Ring <span translate="no">+46 380-51 80 00</span> om du vill veta mer.</p>'
)
INTRO = "Pengar ur Erasmus+ för unga."
PHONE = "+46 380-51 80 00"


def arabic(spans):
    brønderslev, erasmus, phone = spans
    return f"نتعاون مع {brønderslev} في برنامج {erasmus}. اتصلوا على {phone} لمعرفة المزيد."


def persian(spans):
    brønderslev, erasmus, phone = spans
    return f"ما با {brønderslev} در برنامه {erasmus} همکاری می‌کنیم. با {phone} تماس بگیرید."


INTROS = {
    "ar": f"منح من {LRI}Erasmus+{PDI} للشباب.",
    "fa": f"کمک هزینه از {LRI}Erasmus+{PDI} برای جوانان.",
}
TITLES = {"ar": ("نيشو في العالم", "تعاون", arabic), "fa": ("نشو در جهان", "همکاری", persian)}


@pytest.fixture
def rtl_pages(transactional_db, django_db_serialized_rollback):
    home = fresh_swedish_home("Nässjö i världen")
    sv = home.locale
    page = home.add_child(
        instance=HomePage(title="Samarbete", slug="samarbete", intro=INTRO, body=BODY, locale=sv)
    )
    page.save_revision().publish()
    ((segment, _attrs),) = extract_strings(BODY)[1]
    spans = re.findall(r'<span id="span\d+">.*?</span>', segment.data)
    urls = {}
    for code, (home_title, title, body) in TITLES.items():
        locale = Locale.objects.get(language_code=code)
        publish_human_translation(home, locale, {"Nässjö i världen": home_title})
        target = publish_human_translation(
            page, locale, {"Samarbete": title, INTRO: INTROS[code], segment.data: body(spans)}
        )
        urls[code] = target.get_url()
    return urls


def positions(page, selector, parts):
    """Left edge, in the layout, of where each of ``parts`` is drawn inside ``selector``."""
    return page.evaluate(
        """([selector, parts]) => {
            const root = document.querySelector(selector);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            const found = {};
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const part of parts) {
                    const at = node.data.indexOf(part);
                    if (at < 0 || part in found) continue;
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + part.length);
                    found[part] = range.getBoundingClientRect().left;
                }
            }
            return found;
        }""",
        [selector, parts],
    )


def check_isolated(page, code):
    assert page.locator("html").get_attribute("dir") == "rtl"
    marks = page.locator(".rich-text [translate='no']")
    assert marks.count() == 3
    for index in range(3):
        mark = marks.nth(index)
        assert mark.get_attribute("dir") == "ltr", (code, mark.inner_text())
        style = mark.evaluate(
            "el => [getComputedStyle(el).direction, getComputedStyle(el).unicodeBidi]"
        )
        assert style == ["ltr", "isolate"], (code, mark.inner_text(), style)
    drawn = positions(page, ".rich-text", ["+46", " 00", "Erasmus", "2026"])
    # Left to right inside the right-to-left sentence: without isolation the phone number
    # is drawn group by group from the right ("00 80 51-380 46+").
    assert drawn["+46"] < drawn[" 00"], (code, drawn)
    assert drawn["Erasmus"] < drawn["2026"], (code, drawn)
    assert page.locator(".rich-text").inner_text().count(PHONE) == 1
    # The always-protected term in plain text: without U+2066…U+2069 the "+" of "Erasmus+"
    # would be drawn on its left ("+Erasmus").
    intro = positions(page, ".lead", ["Erasmus", "+"])
    assert intro["Erasmus"] < intro["+"], (code, intro)


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_protected_names_and_numbers_stay_left_to_right_in_rtl_pages(
    live_server, rtl_pages, browser, screenshots, code
):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}{rtl_pages[code]}")
    check_isolated(page, code)
    page.screenshot(path=str(screenshots / f"protected-rtl-{code}.png"), full_page=True)
    # The served HTML alone isolates them: the same without the site's style sheets.
    page.evaluate(
        "document.querySelectorAll('link[rel=stylesheet], style').forEach(e => e.remove())"
    )
    check_isolated(page, code)
    page.screenshot(path=str(screenshots / f"protected-rtl-{code}-no-css.png"), full_page=True)
