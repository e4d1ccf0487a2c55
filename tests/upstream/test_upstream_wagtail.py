"""Wagtail and wagtail-localize permission and admin-language behaviour that
``review/locale_permissions.py`` and ``core/admin_language.py`` work around."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import translation

from wagtail.models import Locale
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile
from wagtail_localize.views.edit_translation import user_can_edit_instance

import pytest
from upstream_guard import changed

from tests.review_snippets.models import Notice


@pytest.mark.django_db
def test_snippet_permissions_still_ignore_the_locale():
    uk = Locale.objects.get_or_create(language_code="uk")[0]
    notice = Notice.objects.create(text="Оголошення", locale=uk)
    user = get_user_model().objects.create_user("guard-editor", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_notice"),
    )
    user = get_user_model().objects.get(pk=user.pk)  # fresh permission cache
    assert Notice in get_snippet_models()
    message = changed(
        "review/locale_permissions.py",
        "snippet permissions (Wagtail) or wagtail-localize's editor check now depend on the locale",
    )
    policy = Notice.snippet_viewset.permission_policy
    assert policy.user_has_permission_for_instance(user, "change", notice), message
    assert user_can_edit_instance(user, notice), message


@pytest.mark.django_db
def test_the_admin_still_follows_the_browser_language_without_a_preference():
    user = get_user_model().objects.create_user("guard-reader", password="x")
    profile = UserProfile.get_for_user(user)
    assert not profile.preferred_language
    with translation.override("en"):
        language = profile.get_preferred_language()
    assert language == "en", changed(
        "core/admin_language.py",
        "Wagtail no longer takes the admin language from the request when a user has no preference",
    )
