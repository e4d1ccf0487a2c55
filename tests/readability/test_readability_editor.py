"""The readability panel in the page editor: on the saved draft, and live as the form changes."""

import re

from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from devtools import builders

# 31 words in one sentence, most of them long: LIX far above 60.
BUREAUCRATIC = (
    "Kommunstyrelsen beslutade vid sammanträdet att uppdra åt förvaltningen att i samverkan "
    "med berörda samarbetspartner utreda förutsättningarna för ett fördjupat internationellt "
    "utvecklingssamarbete inom ramen för befintliga verksamhetsplaner och tillgängliga "
    "budgetmedel under innevarande verksamhetsår."
)
PLAIN = "Vi vill göra mer med våra vänner i andra länder. Vi tar fram en plan i år."


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("lix", "lix@example.invalid", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def contact(tree):
    page = tree["contact"]
    page.intro = BUREAUCRATIC
    page.save_revision().publish()
    return page


def band(html: str) -> str:
    match = re.search(r'data-readability-band="([\w-]+)"', html)
    return match.group(1) if match else ""


def test_swedish_editor_shows_the_band_the_long_sentence_and_a_link_to_the_field(
    admin_client, contact
):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact.pk]))
    html = response.content.decode()
    assert band(html) == "very-hard"
    assert "Meningar med fler än 25 ord" in html
    assert 'href="#:w:contentpath=intro"' in html
    assert "readability/readability.js" in html
    panel = html.split("data-readability ", 1)[1].split("</div>", 1)[0]
    assert "<script" not in panel  # the CSP allows no inline script


def test_live_report_follows_the_form_without_saving(admin_client, contact):
    edit_url = reverse("wagtailadmin_pages:edit", args=[contact.pk])
    data = querydict_from_html(
        admin_client.get(edit_url).content.decode(), form_id="page-edit-form"
    )
    url = reverse("readability_report", args=[contact.pk])

    data["intro"] = PLAIN
    result = admin_client.post(url, data).json()
    assert result["valid"] is True
    assert band(result["html"]) in {"very-easy", "easy"}
    assert "Meningar med fler än 25 ord" not in result["html"]

    data["intro"] = BUREAUCRATIC
    assert band(admin_client.post(url, data).json()["html"]) == "very-hard"
    # Nothing was saved: the draft still has the text it had.
    contact.refresh_from_db()
    assert contact.intro == BUREAUCRATIC
    assert contact.get_latest_revision().content["intro"] == BUREAUCRATIC


def test_hostile_posts_give_no_500(admin_client, client, contact, locales):
    url = reverse("readability_report", args=[contact.pk])
    assert admin_client.post(url, {"title": "x" * 1000}).status_code == 200
    assert admin_client.get(url).status_code == 405
    missing = url.replace(f"/{contact.pk}/", "/999999/")
    assert admin_client.post(missing, follow=True).status_code == 404
    client.logout()
    assert client.post(url, {}).status_code in {302, 403}


def test_no_panel_on_a_translation(admin_client, contact, locales):
    english = contact.copy_for_translation(locales["en"], copy_parents=True)
    english.intro = BUREAUCRATIC
    english.save_revision()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    assert "data-readability" not in response.content.decode()
    assert admin_client.post(reverse("readability_report", args=[english.pk]), {}).json() == {
        "html": ""
    }


def test_create_view_shows_the_panel_without_a_live_url(admin_client, tree):
    url = reverse("wagtailadmin_pages:add", args=["international", "newspage", tree["news"].pk])
    html = admin_client.get(url).content.decode()
    assert 'data-readability-url=""' in html
    assert "Ingen text att bedöma ännu." in html


def test_factories_module_still_builds_pages(tree):
    # The panel is in every page type's content panels: building their edit handlers works.
    for page in [tree["strategy"], tree["news"], builders.NewsPageFactory(parent=tree["news"])]:
        assert type(page).get_edit_handler().get_form_class()


def test_malformed_numbers_are_warned_about_in_the_panel(admin_client, contact):
    contact.intro = "Bidraget är 3,000 kr. Ansök senast 31 april 2027."
    contact.save_revision().publish()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact.pk])).content.decode()
    numbers = html.split("data-readability-numbers", 1)[1].split("</ul>", 1)[0]
    assert "3,000" in numbers and "komma läses som decimaltecken" in numbers
    assert "31 april 2027" in numbers and "datumet finns inte" in numbers
    assert 'href="#:w:contentpath=intro"' in numbers


def test_well_formed_numbers_give_no_warning(admin_client, contact):
    contact.intro = "Bidraget är 3 000 kr. Ansök senast 30 april 2027 kl. 16.00."
    contact.save_revision().publish()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact.pk])).content.decode()
    assert "data-readability-numbers" not in html
