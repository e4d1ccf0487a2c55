"""Helpers for the review tests: machine drafts made the way wagtail-localize stores them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage


def run_on_commit():
    """wagtail-localize publishes on commit; inside a test transaction, run it now."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def sync_source(page: Page) -> TranslationSource:
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    return source


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
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    prefix = prefix if prefix is not None else f"[{language_code}/{kind}] "
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": prefix + segment.string.data,
                "translation_type": kind,
                "tool_name": "DeepL" if kind == "machine" else "",
                "last_translated_by": user,
                "has_error": False,
            },
        )
    with run_on_commit():
        translation.save_target(user=user, publish=publish)
    return page.get_translation(locale)


def edit_string(target: Page, text: str, user=None, *, field_path: str = "intro") -> None:
    """A person corrects one string in the editor (what wagtail-localize's API does)."""
    source = TranslationSource.objects.get(
        object_id=target.translation_key, locale__language_code="sv"
    )
    segment = StringSegment.objects.select_related("context").get(
        source=source, context__path=field_path
    )
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=target.locale,
        context=segment.context,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": user,
            "tool_name": "",
        },
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


def add_child_page(parent: Page, title: str, slug: str, intro: str = "") -> HomePage:
    page = parent.add_child(
        instance=HomePage(title=title, slug=slug, intro=intro, locale=parent.locale)
    )
    page.save_revision().publish()
    return page


def start_translation(page: Page, language_code: str, user=None) -> Page:
    """What "Translate this page" does for a locale without machine translation."""
    locale = Locale.objects.get(language_code=language_code)
    source = sync_source(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    with run_on_commit():
        translation.save_target(user=user, publish=False)
    return page.get_translation(locale)
