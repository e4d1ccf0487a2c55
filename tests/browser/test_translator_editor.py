"""The Arabic translator opens the translation editor on a news item, an opportunity and a
project in a real browser: no console error, no failed request, the image and the programme
shown (review/editor_media.py, core/locale_redirect.py).

Screenshots at 1280 px go to test-artifacts/screenshots/editor-ar-<kind>.png.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, override_settings

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from devtools import builders
from devtools.builders import publish_human_translation, translate
from review.roles import setup_roles, translator_group_name
from tests.browser.site_tree import fresh_swedish_home

pytestmark = pytest.mark.browser


@pytest.fixture
def arabic_drafts(transactional_db, django_db_serialized_rollback):
    home = fresh_swedish_home("Nässjö i världen")
    ar = Locale.objects.get(language_code="ar")
    publish_human_translation(home, ar, {"Nässjö i världen": "نيشو في العالم"})
    image = Image.objects.create(title="Ungdomsutbyte", file=get_test_image_file())
    programme = builders.ProgrammeFactory(name="Erasmus+", slug="erasmus", locale=home.locale)

    news_index = builders.NewsIndexPageFactory(parent=home)
    news_index.save_revision().publish()
    news = builders.NewsPageFactory(
        parent=news_index,
        title="Unga träffades i Nässjö",
        image=image,
        image_alt="Ungdomar på torget",
        body=[
            ("paragraph", "<p>Ungdomar från tre länder.</p>"),
            ("image", {"image": image, "alt_text": "Torget", "caption": "Torget"}),
        ],
    )
    news.save_revision().publish()
    opportunities = builders.OpportunityIndexPageFactory(parent=home)
    opportunities.save_revision().publish()
    opportunity = builders.OpportunityPageFactory(parent=opportunities, programme=programme)
    opportunity.save_revision().publish()
    projects = builders.ProjectIndexPageFactory(parent=home)
    projects.save_revision().publish()
    project = builders.ProjectPageFactory(parent=projects, programme=programme)
    project.save_revision().publish()
    targets = {
        "news": translate(news, "ar"),
        "opportunity": translate(opportunity, "ar"),
        "project": translate(project, "ar"),
    }
    setup_roles()
    user = get_user_model().objects.create_user("oversattare-ar", password="pw")
    user.groups.add(Group.objects.get(name=translator_group_name("ar")))
    client = Client()
    client.force_login(user)
    return {"targets": targets, "session": client.cookies["sessionid"].value}


@override_settings(ROOT_URLCONF="tests.browser.urls_media")
def test_the_arabic_translator_sees_every_editor(live_server, browser, arabic_drafts, screenshots):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": arabic_drafts["session"], "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(f"console: {message.text}"),
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and problems.append(f"{response.status}: {response.url}")
        ),
    )
    for kind, target in arabic_drafts["targets"].items():
        page.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
        editor = page.locator(".js-translation-editor")
        try:
            show(page, editor, kind)
        except PlaywrightTimeoutError as error:
            problems.append(f"the editor never showed what it fetched: {error.message}")
        finally:
            page.screenshot(path=str(screenshots / f"editor-ar-{kind}.png"), full_page=True)
        assert not problems, f"{kind}: " + "\n".join(problems)
    context.close()


def show(page, editor, kind):
    """Wait until the editor shows what it fetched (a script error never gets there)."""
    if kind == "news":
        thumbnails = editor.locator(".image-chooser .chosen img")
        expect(thumbnails).to_have_count(2)  # the lead image and the one in the body
        page.wait_for_function(
            "() => [...document.querySelectorAll('.image-chooser img')]"
            ".every(img => img.complete && img.naturalWidth > 0)"
        )
        thumbnails.first.scroll_into_view_if_needed()
    else:
        chosen = editor.locator(".snippet-chooser .chosen .title")
        expect(chosen).to_have_text("Erasmus+")
        chosen.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
