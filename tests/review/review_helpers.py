"""Helpers for the review tests: machine drafts made the way wagtail-localize stores them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage
from tests import factories


def run_on_commit():
    """wagtail-localize publishes on commit; inside a test transaction, run it now."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def sync_source(page: Page) -> TranslationSource:
    return factories.TranslationSourceFactory(instance=page)


def translate(
    page: Page,
    language_code: str,
    *,
    kind: str = StringTranslation.TRANSLATION_TYPE_MACHINE,
    publish: bool = False,
    user=None,
    prefix: str | None = None,
) -> Page:
    """Translate every string of ``page`` into ``language_code`` and save the target.

    ``kind`` is "machine" (a machine draft) or "manual"; strings already translated keep
    their text unless they are missing. Returns the target page.
    """
    locale = Locale.objects.get(language_code=language_code)
    source = sync_source(page)
    translation = factories.TranslationFactory(source=source, target_locale=locale)
    prefix = prefix if prefix is not None else f"[{language_code}/{kind}] "
    factories.translate_segments(
        source,
        locale,
        text=lambda segment: prefix + segment.string.data,
        translation_type=kind,
        last_translated_by=user,
    )
    with run_on_commit():
        translation.save_target(user=user, publish=publish)
    return page.get_translation(locale)


def edit_string(target: Page, text: str, user=None, *, field_path: str = "intro") -> None:
    """A person corrects one string in the editor (what wagtail-localize's API does)."""
    source = TranslationSource.objects.get(
        object_id=target.translation_key, locale__language_code="sv"
    )
    segment = StringSegment.objects.select_related("string", "context").get(
        source=source, context__path=field_path
    )
    factories.StringTranslationFactory(
        segment=segment,
        locale=target.locale,
        data=text,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=user,
    )


def translation_for(target: Page) -> Translation:
    return Translation.objects.get(
        source__object_id=target.translation_key, target_locale=target.locale
    )


def make_user(username: str, *groups: str, superuser: bool = False):
    user = get_user_model().objects.create_user(
        username=username, password="pw", is_superuser=superuser, is_staff=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


# The body of the page an agency translates in the PO and XLIFF tests: markup and a
# placeholder.
AGENCY_BODY = "<p>Vi söker <b>partner</b> i Europa för %(antal)s projekt.</p>"


def add_child_page(parent: Page, title: str, slug: str, intro: str = "") -> HomePage:
    page = parent.add_child(
        instance=HomePage(title=title, slug=slug, intro=intro, locale=parent.locale)
    )
    page.save_revision().publish()
    return page


def start_translation(page: Page, language_code: str, user=None) -> Page:
    """What "Translate this page" does for a locale without machine translation."""
    locale = Locale.objects.get(language_code=language_code)
    translation = factories.TranslationFactory(source=sync_source(page), target_locale=locale)
    with run_on_commit():
        translation.save_target(user=user, publish=False)
    return page.get_translation(locale)
