"""Upstream behaviour that ``review/restrictions.py`` and ``review/locale_sync.py`` work
around: restrictions copied between languages, and locale synchronisation open to anyone who
may change a locale."""

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done
from wagtail_localize.locales import views as locale_views
from wagtail_localize.locales.components import get_locale_components
from wagtail_localize.models import LocaleSynchronization

import pytest
from upstream_guard import changed

from review import restrictions


def restriction(page, password: str):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


@pytest.mark.django_db
def test_wagtail_localize_still_makes_the_targets_restriction_the_sources(sv_en, throwaway_page):
    _sv, en = sv_en
    source_page = throwaway_page("Källa")
    target = source_page.copy_for_translation(en)
    PageViewRestriction.objects.filter(page=target).delete()
    restriction(target, password="engelska")
    source = restrictions.TranslationSource.get_or_create_from_instance(source_page)[0]

    restrictions.UPSTREAM_SYNC(source, source_page, target)
    assert not target.view_restrictions.exists(), changed(
        "review/restrictions.py",
        "TranslationSource.sync_view_restrictions no longer deletes the target's restriction "
        "when the source has none",
    )
    restriction(source_page, password="svenska")
    restrictions.UPSTREAM_SYNC(source, source_page, target)
    assert list(target.view_restrictions.values_list("password", flat=True)) == ["svenska"], (
        changed(
            "review/restrictions.py",
            "TranslationSource.sync_view_restrictions no longer copies the source's password",
        )
    )


@pytest.mark.django_db
def test_wagtail_still_copies_the_password_into_a_new_translation(sv_en, throwaway_page):
    _sv, en = sv_en
    source_page = throwaway_page("Källa")
    restriction(source_page, password="svenska")
    copy_for_translation_done.disconnect(dispatch_uid="review_restrictions_copied_for_translation")
    try:
        target = source_page.copy_for_translation(en)
    finally:
        copy_for_translation_done.connect(
            restrictions._copied_for_translation,
            dispatch_uid="review_restrictions_copied_for_translation",
        )
    copied = list(Page.objects.get(pk=target.pk).view_restrictions.values_list("password"))
    assert copied == [("svenska",)], changed(
        "review/restrictions.py (_copied_for_translation)",
        "Page.copy_for_translation no longer copies the source's view restriction",
    )


def test_locale_synchronisation_is_still_a_component_anyone_who_edits_a_locale_may_set():
    models = [component["model"] for component in get_locale_components()]
    assert LocaleSynchronization in models and hasattr(locale_views.EditView, "get_components"), (
        changed(
            "review/locale_sync.py",
            "wagtail-localize's locale form no longer offers LocaleSynchronization as a component "
            "through EditView.get_components",
        )
    )


def test_wagtails_password_form_still_needs_the_csrf_cookie():
    from pathlib import Path

    import wagtail
    from wagtail import views as wagtail_views

    template = Path(wagtail.__file__).parent / "templates/wagtailcore/password_required.html"
    exempt = getattr(wagtail_views.authenticate_with_password, "csrf_exempt", False)
    assert "{% csrf_token %}" in template.read_text() and not exempt, changed(
        "core/page_password.py and WAGTAIL_PASSWORD_REQUIRED_TEMPLATE",
        "Wagtail's password form no longer needs Django's CSRF cookie",
    )
