"""A translator's link, image or embed override with an error is left out when the
translation goes live: say so.

wagtail-localize builds the target page without overrides flagged ``has_error`` (a value
that failed validation, e.g. edited in an external system or a PO file), so the Swedish
link or image is used and the publish succeeds without a word. The translator is warned
when the editor opens and again when publishing, with the field and the error, and can
correct the override in the editor.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.models import SegmentOverride


def flagged_overrides(page: Page) -> list[tuple[str, str]]:
    """(field label, error) of each override with an error in ``page``'s language."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return []
    overrides = SegmentOverride.objects.filter(
        locale_id=page.locale_id, context__object_id=page.translation_key, has_error=True
    ).select_related("context")
    model = page.specific_class or type(page)
    found = []
    for override in overrides:
        name = override.context.path.split(".")[0]
        try:
            label = str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            label = name
        found.append((label, override.field_error or _("ogiltigt värde")))
    return found


def editor_warnings(page: Page) -> list[str]:
    return [
        _(
            "Den utbytta länken eller bilden i fältet ”%(field)s” har ett fel (%(error)s) och "
            "kommer inte med när sidan publiceras: den svenska länken eller bilden används i "
            "stället. Rätta den i översättningsverktyget."
        )
        % {"field": field, "error": error}
        for field, error in flagged_overrides(page)
    ]


def publish_warnings(page: Page) -> list[str]:
    return [
        _(
            "Den utbytta länken eller bilden i fältet ”%(field)s” publicerades inte, den har "
            "ett fel (%(error)s): den svenska länken eller bilden används på sidan i stället."
        )
        % {"field": field, "error": error}
        for field, error in flagged_overrides(page)
    ]
