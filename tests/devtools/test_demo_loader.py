from django.core.management import call_command

from wagtail.models import Page

import pytest

from translation.models import LanguageSettings


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("load_demo", "--no-users")
    pages = list(Page.objects.values_list("id", "title", "latest_revision_id").order_by("id"))
    # Somali and Tigrinya: Azure AI Translator, review-only, shown in the language settings.
    assert set(
        LanguageSettings.objects.filter(engine="azure", review_only=True).values_list(
            "locale__language_code", flat=True
        )
    ) == {"so", "ti"}

    call_command("load_demo", "--no-users")

    assert (
        list(Page.objects.values_list("id", "title", "latest_revision_id").order_by("id")) == pages
    )


@pytest.mark.django_db
def test_load_demo_fills_the_organisation_once_and_keeps_edits(settings):
    from organisation.models import OrganisationSettings

    settings.DEBUG = True
    call_command("load_demo", "--no-users")
    organisation = OrganisationSettings.objects.get()
    names = set(organisation.names.values_list("locale__language_code", flat=True))
    assert names == {code for code, _name in settings.LANGUAGES} - {"sv"}
    assert organisation.name and organisation.email and organisation.web_address
    assert organisation.social_links.exists()
    organisation.phone = "010-000 00 00"
    organisation.save()

    call_command("load_demo", "--no-users")

    again = OrganisationSettings.objects.get()
    assert again.phone == "010-000 00 00"
    assert again.names.count() == len(names)
    assert again.social_links.count() == organisation.social_links.count()


@pytest.mark.django_db
def test_demo_accounts_made_by_the_content_phase_can_log_in(settings):
    """The states need translators before the accounts step: they get their passwords."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    settings.DEBUG = True
    call_command("load_demo", "--no-users")
    # Made without a password: nobody can log in yet.
    assert not users.get(username="oversattare-ar").has_usable_password()

    call_command("load_demo")

    assert users.get(username="oversattare-ar").check_password("oversattare-ar-demo")
    assert users.get(username="kommunikator").check_password("kommunikator-demo")
