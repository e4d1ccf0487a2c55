"""The Swedish admin in a real browser at 1280 px (issue 18, part 7).

The translation editor shows Swedish where wagtail-localize hard-codes English, a link in
a message bar is readable (WCAG 2.1 AA contrast), and the coverage report's table fits the
window beside Wagtail's menu. Screenshots go to test-artifacts/screenshots/ (git-ignored).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import Locale

import pytest
from playwright.sync_api import sync_playwright

from devtools import builders
from devtools.builders import publish_human_translation
from home.models import HomePage
from review.roles import COORDINATOR, setup_roles, translator_group_name
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS
from tests.browser.site_tree import fresh_swedish_home

pytestmark = [pytest.mark.browser]
WIDE = {"width": 1280, "height": 900}

# The WCAG 2.1 contrast ratio of a text's colour on the first opaque background behind it.
CONTRAST = """
element => {
    const rgb = value => (value.match(/[\\d.]+/g) || []).map(Number);
    const channel = c => {
        c /= 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r, g, b]) =>
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    let node = element, background = null;
    while (node && node.nodeType === 1) {
        const colour = rgb(getComputedStyle(node).backgroundColor);
        if (colour.length === 3 || (colour.length === 4 && colour[3] > 0.99)) {
            background = colour;
            break;
        }
        node = node.parentElement;
    }
    background = background || [255, 255, 255];
    const fore = luminance(rgb(getComputedStyle(element).color).slice(0, 3));
    const back = luminance(background.slice(0, 3));
    return (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
}
"""


def session_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


@pytest.fixture
def admin_site(transactional_db, django_db_serialized_rollback):
    home = fresh_swedish_home("Nässjö i världen")
    ar = Locale.objects.get(language_code="ar")
    publish_human_translation(home, ar, {"Nässjö i världen": "نيشو في العالم"})
    page = home.add_child(
        instance=HomePage(
            title="Strategin", slug="strategin", intro="Kommunen samarbetar.", locale=home.locale
        )
    )
    page.save_revision().publish()
    source = builders.TranslationSourceFactory(instance=page)
    translation = builders.TranslationFactory(source=source, target_locale=ar)
    builders.translate_segments(source, ar, text=lambda segment: "الاستراتيجية")
    translation.save_target(publish=False)
    groups = setup_roles()
    users = get_user_model().objects
    translator = users.create_user("oversattare-ar", password="pw")
    translator.groups.add(Group.objects.get(name=translator_group_name("ar")))
    coordinator = users.create_user("samordnare", password="pw")
    coordinator.groups.add(groups[COORDINATOR])
    return {
        "target": page.get_translation(ar),
        "translator": session_for(translator),
        "coordinator": session_for(coordinator),
    }


def open_page(playwright, live_server, session, path):
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    context = browser.new_context(viewport=WIDE)
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + path)
    return browser, page


def test_translation_editor_has_no_upstream_english(live_server, admin_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = f"/admin/pages/{admin_site['target'].pk}/edit/"
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, live_server, admin_site["translator"], path)
        try:
            editor = page.locator(".js-translation-editor")
            editor.get_by_text("Översättning från Svenska till العربية").wait_for()
            text = editor.inner_text()
            assert "medDeepL" not in text
            assert " translation" not in text
            assert " to العربية" not in text
            hidden = editor.evaluate("e => e.textContent")
            assert "More actions" not in hidden
            page.screenshot(path=str(SCREENSHOTS / "admin-sv-editor-1280.png"), full_page=True)
        finally:
            browser.close()


def test_a_link_in_a_message_is_readable(live_server, admin_site):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, live_server, admin_site["coordinator"], "/admin/")
        try:
            # The markup Wagtail renders for messages.info() with a link, as the one
            # translation/wagtail_hooks.py adds after a publish ("Se status per språk").
            page.evaluate(
                """() => {
                    const item = document.createElement("li");
                    item.className = "info";
                    item.id = "contrast-probe";
                    item.innerHTML = 'Utkast har köats. <a href="/admin/">Se status per språk</a>';
                    document.querySelector(".messages ul").appendChild(item);
                }"""
            )
            link = page.locator("#contrast-probe a")
            for level in ("info", "success", "warning", "error"):
                page.evaluate(
                    "level => { document.getElementById('contrast-probe').className = level; }",
                    level,
                )
                ratio = link.evaluate(CONTRAST)
                assert ratio >= 4.5, f"{level}: contrast {ratio:.2f}"
        finally:
            browser.close()


def test_coverage_table_fits_1280_px(live_server, admin_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser, page = open_page(
            playwright, live_server, admin_site["coordinator"], "/admin/followup/coverage/"
        )
        try:
            region = page.locator(".coverage-table")
            region.wait_for()
            sizes = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
            assert sizes[0] <= sizes[1], f"the table overflows its region: {sizes}"
            table = region.locator("table")
            box, window = table.bounding_box(), page.viewport_size
            assert box["x"] + box["width"] <= window["width"]
            # Narrower windows scroll the region: it is named and takes keyboard focus.
            assert region.get_attribute("role") == "region"
            assert region.get_attribute("tabindex") == "0"
            caption = page.locator("#" + region.get_attribute("aria-labelledby"))
            assert caption.inner_text().strip()
            page.screenshot(path=str(SCREENSHOTS / "admin-sv-coverage-1280.png"), full_page=True)
        finally:
            browser.close()
