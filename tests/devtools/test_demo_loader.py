"""``load_demo`` run again over the demo: the organisation's edits stay, the accounts the content
phase made get their passwords. The demo itself is the run's one build (tests/shared_demo.py),
put back from its rows; that loading it again changes no page is
tests/international/test_demo_loader.py's ``test_loader_is_idempotent``."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

from tests import shared_demo
from translation.models import LanguageSettings


@pytest.fixture
def demo(db):
    shared_demo.load_demo()


def test_somali_and_tigrinya_are_translated_by_azure_and_reviewed_by_people(demo):
    assert set(
        LanguageSettings.objects.filter(engine="azure", review_only=True).values_list(
            "locale__language_code", flat=True
        )
    ) == {"so", "ti"}


def test_loading_again_keeps_the_organisations_edits_and_gives_the_accounts_passwords(
    demo, settings
):
    from organisation.models import OrganisationSettings

    settings.DEBUG = True
    users = get_user_model().objects
    organisation = OrganisationSettings.objects.get()
    names = set(organisation.names.values_list("locale__language_code", flat=True))
    assert names == {code for code, _name in settings.LANGUAGES} - {"sv"}
    assert organisation.name and organisation.email and organisation.web_address
    assert organisation.social_links.exists()
    organisation.phone = "010-000 00 00"
    organisation.save()
    # The review states need translators before the accounts step: the content phase makes
    # them without a password, so nobody can log in yet.
    assert not users.get(username="oversattare-ar").has_usable_password()

    call_command("load_demo")

    again = OrganisationSettings.objects.get()
    assert again.phone == "010-000 00 00"
    assert again.names.count() == len(names)
    assert again.social_links.count() == organisation.social_links.count()
    assert users.get(username="oversattare-ar").check_password("oversattare-ar-demo")
    assert users.get(username="kommunikator").check_password("kommunikator-demo")
