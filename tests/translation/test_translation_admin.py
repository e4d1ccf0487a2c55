"""What communicators and coordinators see in the admin."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from core.templatetags.core_tags import amount
from tests.translation.mt_helpers import DEEPL_LANGUAGES, draft_of, paragraphs
from translation import usage
from translation.models import GlossaryTerm, ServicePause


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chef", "chef@example.invalid", "pw")


@pytest.mark.django_db
def test_publishing_in_the_admin_makes_drafts_and_tells_the_communicator(
    deepl, make_page, client, superuser, django_capture_on_commit_callbacks
):
    page = make_page(title="Start", body=paragraphs(1))
    client.force_login(superuser)
    data = nested_form_data(
        {
            "title": "Vänorter i Europa",
            "slug": page.slug,
            "intro": "Nässjö har fyra vänorter.",
            "body": rich_text("<p>Vänorterna finns i <b>fyra</b> länder.</p>"),
            "action-publish": "action-publish",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True
        )

    assert response.status_code == 200
    text = response.content.decode()
    assert "Översättningsutkast till de andra språken har köats" in text
    _target, draft = draft_of(page, "fi")
    assert draft.title == "[FI] ⟦Vânôrtêr î Êûrôpâ⟧"
    assert ">[FI] ⟦Vânôrtêrnâ fînns î <b>fýrâ</b> lândêr.⟧</p>" in draft.body

    status_page = client.get(reverse("translation_page_status", args=[page.pk]))
    html = status_page.content.decode()
    assert html.count('data-status="made"') == len(DEEPL_LANGUAGES)
    assert html.count('data-status="not_configured"') == 2  # so, ti: Azure not configured
    assert "maskinöversättning är inte konfigurerad" in html


@pytest.mark.django_db
def test_the_status_page_needs_edit_permission(make_page, client, django_user_model):
    page = make_page(title="Hemligt")
    user = django_user_model.objects.create_user("anna", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("translation_page_status", args=[page.pk]))
    assert response.status_code in (302, 403)
    missing = client.get(reverse("translation_page_status", args=[999_999]), follow=True)
    assert missing.status_code == 404


@pytest.mark.django_db
def test_coordinators_see_usage_budget_and_pauses(deepl, make_page, client, superuser, settings):
    settings.DEEPL_MONTHLY_CHARACTER_BUDGET = 100_000
    make_page(title="Räkna", body=paragraphs(2))
    ServicePause.objects.create(reason=ServicePause.QUOTA, message="Quota exceeded.")
    client.force_login(superuser)

    html = client.get(reverse("translation_usage")).content.decode()
    used = sum(r["billed"] for r in deepl.translate_requests())
    assert f'data-used="{used}"' in html
    assert "kvoten hos DeepL är slut" in html
    # DeepL's own count, grouped the Swedish way.
    assert f"{amount(used)} av {amount(1_000_000_000)} tecken" in html

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Maskinöversättningen är stoppad" in dashboard


@pytest.mark.django_db
def test_usage_is_not_for_everyone(client, django_user_model):
    user = django_user_model.objects.create_user("bo", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("translation_usage")).status_code in (302, 403)


@pytest.mark.django_db
def test_glossary_terms_are_managed_as_snippets(client, superuser, locales):
    client.force_login(superuser)
    url = reverse("wagtailsnippets_translation_glossaryterm:add")
    data = nested_form_data(
        {
            "term": "Region Jönköpings län",
            "note": "Regionen, inte länet.",
            "translations": [
                {"locale": locales["en"].pk, "translation": "Region Jönköping County"}
            ],
        }
    )
    # nested_form_data does not add the inline formset's management form.
    data.update(
        {
            "translations-TOTAL_FORMS": "1",
            "translations-INITIAL_FORMS": "0",
            "translations-MIN_NUM_FORMS": "0",
            "translations-MAX_NUM_FORMS": "1000",
            "translations-0-ORDER": "1",
            "translations-0-DELETE": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    term = GlossaryTerm.objects.get()
    assert term.translations.get().translation == "Region Jönköping County"
    listing = client.get(reverse("wagtailsnippets_translation_glossaryterm:list"))
    assert "Region Jönköpings län" in listing.content.decode()


@pytest.mark.django_db
def test_a_spent_budget_is_named_by_its_engine_on_the_dashboard_and_usage_page(
    deepl, azure, make_page, client, superuser, settings, locales
):
    settings.DEEPL_MONTHLY_CHARACTER_BUDGET = 100_000
    settings.AZURE_TRANSLATOR_MONTHLY_CHARACTER_BUDGET = 5_000
    make_page(title="Räkna", body=paragraphs(2))
    spent = usage.used_this_month("azure")
    assert 0 < spent < 5_000  # Somali and Tigrinya went to Azure
    usage.record(locales["so"], 5_000 - spent, engine="azure")  # a month's work later
    client.force_login(superuser)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Månadsbudgeten för Azure AI Translator är nådd." in dashboard
    assert "Månadsbudgeten för DeepL" not in dashboard
    usage_page = client.get(reverse("translation_usage")).content.decode()
    assert "Månadsbudgeten för Azure AI Translator är nådd. Maskinöversättningen" in usage_page
    assert "Månadsbudgeten för DeepL" not in usage_page
