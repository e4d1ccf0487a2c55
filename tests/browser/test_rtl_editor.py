"""The translation editor in a real browser: Arabic fields are right-to-left and lang="ar".

Drives Debian's chromium through Playwright against pytest-django's live server, and keeps
a screenshot in test-artifacts/screenshots/ (git-ignored) for a person to look at.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import Locale

import pytest
from playwright.sync_api import sync_playwright

from devtools import builders
from devtools.builders import publish_human_translation
from home.models import HomePage
from review.roles import setup_roles, translator_group_name
from tests.browser.site_tree import fresh_swedish_home

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

# A missing chromium skips this test, or fails it under CI: tests/browser/conftest.py.
pytestmark = [pytest.mark.browser]


@pytest.fixture
def arabic_draft(transactional_db, django_db_serialized_rollback):
    # Every transactional test restores the migrated rows (serialized rollback); a plain
    # flush would recreate content types under new ids and break the next test's restore.
    home = fresh_swedish_home("Nässjö i världen")
    sv = home.locale
    ar = Locale.objects.get(language_code="ar")
    publish_human_translation(home, ar, {"Nässjö i världen": "نيشو في العالم"})
    page = home.add_child(
        instance=HomePage(
            title="Strategin",
            slug="strategin",
            intro="Kommunen samarbetar med städer i Europa.",
            locale=sv,
        )
    )
    page.save_revision().publish()
    arabic = {
        "Strategin": "الاستراتيجية",
        "Kommunen samarbetar med städer i Europa.": "تتعاون البلدية مع مدن في أوروبا.",
    }
    source = builders.TranslationSourceFactory(instance=page)
    translation = builders.TranslationFactory(source=source, target_locale=ar)
    builders.translate_segments(source, ar, text=lambda segment: arabic[segment.string.data])
    translation.save_target(publish=False)
    setup_roles()

    user = get_user_model().objects.create_user("oversattare-ar", password="pw")
    user.groups.add(Group.objects.get(name=translator_group_name("ar")))
    client = Client()
    client.force_login(user)
    return {"target": page.get_translation(ar), "session": client.cookies["sessionid"].value}


def test_arabic_editor_is_right_to_left(live_server, arabic_draft):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    url = f"{live_server.url}/admin/pages/{arabic_draft['target'].pk}/edit/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_cookies(
                [{"name": "sessionid", "value": arabic_draft["session"], "url": live_server.url}]
            )
            page = context.new_page()
            page.goto(url)
            editor = page.locator(".js-translation-editor")
            value = editor.locator(".review-target-value").filter(has_text="تتعاون البلدية")
            value.wait_for()
            assert value.get_attribute("dir") == "rtl"
            assert value.get_attribute("lang") == "ar"
            source = editor.locator("p[lang='sv']").filter(has_text="Kommunen samarbetar")
            assert source.get_attribute("dir") == "ltr"
            # Every translated value on the page is marked, not only the first one.
            values = editor.locator(".review-target-value")
            assert values.count() >= 2
            for index in range(values.count()):
                assert values.nth(index).get_attribute("lang") == "ar"
                assert values.nth(index).get_attribute("dir") == "rtl"
            assert editor.get_attribute("data-target-lang") == "ar"

            # Open a field for editing: the textarea React mounts is right-to-left too.
            item = value.locator("xpath=..")  # the segment's <li>
            item.locator(":scope > ul button").last.click()
            field = item.locator("textarea")
            field.wait_for()
            assert field.get_attribute("dir") == "rtl"
            assert field.get_attribute("lang") == "ar"
            assert (
                page.evaluate("el => getComputedStyle(el).direction", field.element_handle())
                == "rtl"
            )
            page.screenshot(path=str(SCREENSHOTS / "rtl-editor-ar.png"), full_page=True)
        finally:
            browser.close()
