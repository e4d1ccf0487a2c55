"""The readability panel while typing, in a real browser: a long bureaucratic intro turns the
band "mycket svår" and points out the long sentence; rewriting it changes the band.

Also checks that the rich-text toolbar offers "Översätt inte".
"""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from tests.browser.site_tree import fresh_swedish_home

pytestmark = [pytest.mark.browser]

HARD = (
    "Kommunstyrelsen beslutade vid sammanträdet att uppdra åt förvaltningen att i samverkan "
    "med berörda samarbetspartner utreda förutsättningarna för ett fördjupat internationellt "
    "utvecklingssamarbete inom ramen för befintliga verksamhetsplaner och tillgängliga "
    "budgetmedel under innevarande verksamhetsår."
)
PLAIN = "Vi vill göra mer med våra vänner i andra länder. Vi tar fram en plan i år."


@pytest.fixture
def swedish_page(transactional_db, django_db_serialized_rollback):
    home = fresh_swedish_home("Start", intro="Hej.")
    user = get_user_model().objects.create_superuser("kommunikator", "k@example.invalid", "pw")
    client = Client()
    client.force_login(user)
    return {"page": home, "session": client.cookies["sessionid"].value}


def test_band_follows_the_text_as_it_is_typed(live_server, swedish_page, browser, screenshots):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": swedish_page["session"], "url": live_server.url}]
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server.url}/admin/pages/{swedish_page['page'].pk}/edit/")
    band = page.locator("[data-readability-band]")
    assert band.get_attribute("data-readability-band") == "very-easy"

    page.fill("#id_intro", HARD)
    page.wait_for_selector('[data-readability-band="very-hard"]', timeout=15000)
    assert page.locator("[data-readability-long]").count() == 1
    page.screenshot(path=str(screenshots / "readability-hard.png"), full_page=True)

    page.fill("#id_intro", PLAIN)
    page.wait_for_selector('[data-readability-band="very-easy"]', timeout=15000)
    assert page.locator("[data-readability-long]").count() == 0
    # The body's rich-text editor is configured with the "do not translate" mark.
    assert "NOTRANSLATE" in page.content()
    assert not [error for error in errors if "Content Security Policy" in error]
