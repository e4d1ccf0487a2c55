"""Every language's name is drawn from a web font, on the site and in the admin (issue 18,
part 5): "ትግርኛ" was empty boxes on every page but /ti/ where the system has no Ethiopic font.

Chromium's DevTools protocol says which font drew a node's text:
``CSS.getPlatformFontsForNode`` lists each font with ``isCustomFont`` (a web font from
@font-face) and the number of glyphs it drew. A name whose glyphs all come from custom fonts
renders the same on a machine without any font of its own for that script, whatever this
machine has installed.
"""

import io

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from core.languages import LANGUAGES_TABLE
from devtools.demo import home as demo_home
from home.models import HomePage
from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.browser]

AUTONYMS = {language.code: language.autonym for language in LANGUAGES_TABLE}


@pytest.fixture
def homes_and_a_swedish_page(transactional_db, django_db_serialized_rollback):
    """Every language's home page, and a page only in Swedish: on it every other language's
    switcher link carries its "(startsida)" note in that language."""
    home = demo_home.load(io.StringIO())
    page = home.add_child(instance=HomePage(title="Bara svenska", slug="bara-svenska"))
    page.save_revision().publish()
    return page.url


def fonts_of(page, cdp, selector):
    """{font family: [custom?, glyphs]} for the text of every element matching ``selector``."""
    document = cdp.send("DOM.getDocument", {"depth": -1})
    ids = cdp.send(
        "DOM.querySelectorAll", {"nodeId": document["root"]["nodeId"], "selector": selector}
    )["nodeIds"]
    assert ids, selector
    used = {}
    for node_id in ids:
        for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]:
            entry = used.setdefault(font["familyName"], [font["isCustomFont"], 0])
            entry[1] += font["glyphCount"]
    return used


def woff2_loaded(page):
    return page.evaluate(
        """performance.getEntriesByType('resource').map(e => e.name.split('/').pop())
            .filter(name => name.endsWith('.woff2'))"""
    )


def open_with_cdp(browser, url, viewport):
    """The page as a reader sees it once the subsets have arrived. They are font-display:
    optional (no late swap that moves the switcher), so on a machine busy enough that a
    preloaded 2 KB font takes over 100 ms the first paint keeps the system font for that
    page's life; the second visit draws from the cache. That one is measured, so what is
    asserted is the faces and their unicode-ranges, not the test machine's load."""
    page = browser.new_page(viewport=viewport)
    page.goto(url)
    page.evaluate("document.fonts.ready")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    page.goto(url)
    page.evaluate("document.fonts.ready")
    return page, cdp


@pytest.mark.parametrize(
    "reader",
    [
        "sv",
        "ar",
        "ti",
        "pl",
    ],
)
def test_every_autonym_and_note_comes_from_a_web_font(
    live_server, homes_and_a_swedish_page, browser, screenshots, reader
):
    url = homes_and_a_swedish_page if reader == "sv" else f"/{reader}/"
    page, cdp = open_with_cdp(browser, f"{live_server.url}{url}", PHONE)
    for code, autonym in AUTONYMS.items():
        link = f'.language-switcher a[lang="{code}"]'
        assert autonym in page.locator(link).inner_text()
        # The link's own text and its "(startsida)" note, each drawn by web fonts only.
        for selector in [link, f"{link} .language-switcher__fallback"]:
            if selector != link and not page.locator(selector).count():
                continue
            fonts = fonts_of(page, cdp, selector)
            system = {family: glyphs for family, (custom, glyphs) in fonts.items() if not custom}
            assert not system, (reader, code, selector, fonts)
    if reader == "sv":
        # The page's notes really are there: every other language points at its home page.
        assert page.locator(".language-switcher__fallback").count() == len(AUTONYMS) - 1
        # "ትግርኛ" on a Swedish page costs the Ethiopic subset, not the 75 KB font; "ł" the
        # Latin Extended-A subset, not the 56 KB Latin Extended file. (The protocol names a
        # font by its own name table: the subsets keep Noto's names.)
        loaded = woff2_loaded(page)
        assert "portal-autonyms-ethi-400.woff2" in loaded, loaded
        assert "noto-sans-latin-ext-a-400-normal.woff2" in loaded, loaded
        assert not any("ethiopic-ethiopic" in name for name in loaded), loaded
        assert not any("latin-ext-400" in name or "latin-ext-700" in name for name in loaded)
    page.screenshot(path=str(screenshots / f"switcher-fonts-{reader}.png"))


def test_language_names_in_the_admin_come_from_a_web_font(
    live_server, homes_and_a_swedish_page, browser, screenshots
):
    user = get_user_model().objects.create_superuser("admin-fonts", password="pw")
    client = Client()
    client.force_login(user)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    page.goto(f"{live_server.url}/admin/locales/")
    page.evaluate("document.fonts.ready")
    for code in ["ti", "uk"]:
        cell = page.get_by_text(AUTONYMS[code], exact=True).first
        cell.wait_for()
        cell.evaluate("e => e.setAttribute('data-autonym-test', '')")
        fonts = fonts_of(page, cdp, "[data-autonym-test]")
        cell.evaluate("e => e.removeAttribute('data-autonym-test')")
        system = {family: glyphs for family, (custom, glyphs) in fonts.items() if not custom}
        assert not system, (code, fonts)
    # The admin loads no font of its own for these scripts: the custom fonts are the subsets.
    loaded = woff2_loaded(page)
    assert {"portal-autonyms-ethi-400.woff2", "portal-autonyms-cyrl-400.woff2"} <= set(loaded)
    page.screenshot(path=str(screenshots / "admin-locales-autonyms.png"), full_page=True)

    # Tigrinya text beyond the autonym (what the Tigrinya translator reads and types) comes
    # from the site's Ethiopic font: it was empty boxes in the editor on such a system.
    tigrinya = HomePage.objects.get(locale__language_code="ti")
    page.goto(f"{live_server.url}/admin/pages/{tigrinya.get_parent().pk}/")
    page.evaluate("document.fonts.ready")
    cell = page.get_by_text(tigrinya.title, exact=True).first
    cell.wait_for()
    cell.evaluate("e => e.setAttribute('data-tigrinya-test', '')")
    fonts = fonts_of(page, cdp, "[data-tigrinya-test]")
    system = {family: glyphs for family, (custom, glyphs) in fonts.items() if not custom}
    assert not system, fonts
    page.screenshot(path=str(screenshots / "admin-explorer-tigrinya.png"))
