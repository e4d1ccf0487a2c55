"""Role groups: idempotent set-up, demo accounts, the coordinator's own areas."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission

from devtools.demo.users import ensure_role_users
from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name


def snapshot():
    return {
        group.name: (
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page__locale__language_code", "permission__codename"
                )
            ),
        )
        for group in Group.objects.order_by("name")
    }


def test_setup_roles_is_idempotent(tree):
    before = snapshot()
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    setup_roles()
    assert snapshot() == before
    assert "Översättare arabiska" in out.getvalue()
    arabic = before[translator_group_name("ar")]
    assert {locale for locale, _ in arabic[1]} == {"ar"}
    assert ("ar", "publish_page") in arabic[1]
    assert "submit_translation" not in arabic[0]
    assert "submit_translation" in before[COMMUNICATOR][0]
    assert "submit_translation" in before[COORDINATOR][0]
    assert {locale for locale, _ in before[COMMUNICATOR][1]} == {"sv"}
    # Coordinators edit and publish no pages; they may only delete Swedish ones
    # (review.source_delete decides what that takes down with them).
    assert before[COORDINATOR][1] == [("sv", "bulk_delete_page")]


def test_demo_role_accounts(tree):
    ensure_role_users(io.StringIO())
    ensure_role_users(io.StringIO())
    user = get_user_model().objects.get(username="oversattare-ar")
    assert list(user.groups.values_list("name", flat=True)) == ["Översättare arabiska"]
    assert user.check_password("oversattare-ar-demo")
    for username in ("kommunikator", "samordnare", "oversattare-so", "oversattare-ti"):
        assert get_user_model().objects.filter(username=username).exists()


def test_coordinator_manages_languages_policies_and_reports(client, users):
    client.force_login(users["samordnare"])
    for name in (
        "wagtaillocales:index",
        "wagtailsnippets_translation_languagesettings:list",
        "wagtailsnippets_review_readerreport:list",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    client.force_login(users["ar"])
    for name in ("wagtaillocales:index", "wagtailsnippets_review_readerreport:list"):
        assert client.get(reverse(name)).status_code in (302, 403), name
