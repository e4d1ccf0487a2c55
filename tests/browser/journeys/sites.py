"""What the admin journeys need beyond the demo: drafts per language, snippet translations.

Drafts are made by the portal's own pipeline (``translation.pipeline.translate_page``)
against the local DeepL and Azure servers, as the worker makes them after a Swedish
publish; Somali and Tigrinya drafts come from the Azure engine (DeepL has neither language).
"""

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from translation.pipeline import translate_page

# The page types of the portal, each once (the one with the most to show: images,
# documents, embeds and links in its body, programmes and partners as snippets).
PAGE_APPS = {"home", "international", "followup"}


def page_types() -> list[type[Page]]:
    return sorted(
        (
            model
            for model in apps.get_models()
            if issubclass(model, Page) and model._meta.app_label in PAGE_APPS
        ),
        key=lambda model: model._meta.label,
    )


def translatable_snippet_models() -> list:
    return sorted(
        (
            model
            for model in get_snippet_models()
            if issubclass(model, TranslatableMixin) and model._meta.app_label in PAGE_APPS
        ),
        key=lambda model: model._meta.label,
    )


def one_of_each_page_type() -> dict[str, Page]:
    """A live Swedish page of every page type, below the home page where there is one."""
    sv = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    found = {}
    for model in page_types():
        page = model.objects.filter(locale=sv).live().order_by("-depth", "path").first()
        if page is None:
            raise AssertionError(f"the demo has no live Swedish {model._meta.label}")
        found[model._meta.label_lower] = page
    return found


def drafts(pages, codes) -> None:
    """Drafts of ``pages`` in ``codes``, made by the pipeline as after a Swedish publish."""
    for page in pages:
        statuses = translate_page(page.pk, codes)
        failed = {code: status for code, status in statuses.items() if "fail" in status}
        assert not failed, f"{page}: {failed}"


def with_strings(model, locale):
    """The first Swedish ``model`` with a string to translate, and its translation source.

    A menu link without a label of its own (it shows its page's title) has only the page
    it points at, a synchronised field: its editor opens but has no string to correct."""
    for candidate in model.objects.filter(locale=locale).order_by("pk"):
        source, _created = TranslationSource.get_or_create_from_instance(candidate)
        if StringSegment.objects.filter(source=source).exists():
            return candidate, source
    raise AssertionError(f"the demo has no Swedish {model._meta.label} with a string")


def snippet_translations(codes) -> dict[str, dict]:
    """One Swedish snippet of every translatable type, translated (as a superuser does:
    wagtail-localize's "Translate") into ``codes``; what is not translated reads Swedish."""
    sv = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    result = {}
    for model in translatable_snippet_models():
        source_object, source = with_strings(model, sv)
        targets = {"sv": source_object}
        for code in codes:
            locale = Locale.objects.get(language_code=code)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale
            )
            translation.save_target()
            targets[code] = source_object.get_translation(locale)
        result[model._meta.label_lower] = targets
    return result


def editor_url(instance) -> str:
    """Where a translator opens wagtail-localize's editor for a page or snippet translation."""
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])
