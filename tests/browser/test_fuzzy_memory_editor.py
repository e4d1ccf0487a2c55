"""The fuzzy memory panel in the translation editor, in Arabic on a phone (issue #23).

A person translated "Kommunen samarbetar med partner i Europa." into Arabic; the page being
translated says "Kommunen samarbetar i Europa." and has a machine draft. Above the editor
the panel offers the person's translation, right-to-left, with the Swedish difference, and
its button copies it. Screenshot in test-artifacts/screenshots/ (git-ignored).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import Locale

import pytest

from devtools import builders
from devtools.builders import publish_human_translation
from home.models import HomePage
from review.roles import setup_roles, translator_group_name
from tests.browser.conftest import PHONE
from tests.browser.site_tree import fresh_swedish_home
from tests.browser.test_browser_site import WCAG_TAGS

pytestmark = [pytest.mark.browser]
HUMAN = "تتعاون البلدية مع شركاء في أوروبا."


@pytest.fixture
def arabic_work(transactional_db, django_db_serialized_rollback):
    home = fresh_swedish_home("Nässjö i världen")
    ar = Locale.objects.get(language_code="ar")
    publish_human_translation(home, ar, {"Nässjö i världen": "نيشو في العالم"})

    def child(title, slug, intro):
        page = home.add_child(instance=HomePage(title=title, slug=slug, intro=intro))
        page.save_revision().publish()
        return page

    similar = child("Samarbete", "samarbete", "Kommunen samarbetar med partner i Europa.")
    publish_human_translation(similar, ar, {"Kommunen samarbetar med partner i Europa.": HUMAN})
    page = child("Strategin", "strategin", "Kommunen samarbetar i Europa.")
    source = builders.TranslationSourceFactory(instance=page)
    translation = builders.TranslationFactory(source=source, target_locale=ar)
    builders.translate_segments(source, ar, text=lambda s: f"آلة: {s.string.data}")
    translation.save_target(publish=False)
    setup_roles()
    user = get_user_model().objects.create_user("oversattare-ar", password="pw")
    user.groups.add(Group.objects.get(name=translator_group_name("ar")))
    client = Client()
    client.force_login(user)
    return {"target": page.get_translation(ar), "session": client.cookies["sessionid"].value}


def test_panel_on_a_phone_in_arabic(live_server, browser, arabic_work, screenshots, axe_source):
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    context.add_cookies(
        [{"name": "sessionid", "value": arabic_work["session"], "url": live_server.url}]
    )
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(f"console: {message.text}"),
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.goto(f"{live_server.url}/admin/pages/{arabic_work['target'].pk}/edit/")
    page.locator(".js-translation-editor li").first.wait_for()  # React rendered

    panel = page.locator(".review-fuzzy")
    assert panel.is_visible()
    text = panel.locator(".review-fuzzy-text")
    assert text.inner_text() == HUMAN
    assert (text.get_attribute("lang"), text.get_attribute("dir")) == ("ar", "rtl")
    assert page.evaluate("el => getComputedStyle(el).direction", text.element_handle()) == "rtl"
    assert panel.locator("del").inner_text().strip() == "med partner"
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # no sideways scroll
    button = panel.locator(".review-fuzzy-copy")
    assert button.is_visible()
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == HUMAN
    page.screenshot(path=str(screenshots / "fuzzy-memory-ar-390.png"), full_page=True)
    assert problems == []
    # WCAG A/AA within the panel (the editor around it is wagtail-localize's).
    page.evaluate(axe_source)
    violations = page.evaluate(
        """async (tags) => {
            const results = await axe.run(
                {include: [".review-fuzzy"]}, {runOnly: {type: "tag", values: tags}}
            );
            return results.violations.map(v => v.id + ": " + v.help);
        }""",
        WCAG_TAGS,
    )
    assert violations == []
