"""The per-locale rule on publishing text that no person has checked.

Two kinds of string count as unchecked (``review.states``, per string, so an approval of
the other strings is kept): machine text no approval covers, and a person's translation
carried over from an older Swedish text (``translation.carry_forward``) that nobody has checked
against the new one. Either blocks a publish unless the language's settings
(``translation.language_settings``) allow unreviewed text.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from translation.models import LanguageSettings

from .states import review_state_for_target


def publish_refusal(page: Page) -> str | None:
    """Why ``page`` may not be published now, or ``None`` when it may."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    item = review_state_for_target(page)
    if item is None or not (item.unreviewed_machine_text or item.strings_to_check):
        return None
    if LanguageSettings.allows_unreviewed(page.locale):
        return None
    reasons = []
    if item.unreviewed_machine_text:
        reasons.append(_("den innehåller maskinöversatt text som ingen har godkänt"))
    if item.strings_to_check:
        reasons.append(
            ngettext(
                "%(count)s text översattes från en äldre svensk text och har inte "
                "kontrollerats mot den nya",
                "%(count)s texter översattes från en äldre svensk text och har inte "
                "kontrollerats mot den nya",
                item.strings_to_check,
            )
            % {"count": item.strings_to_check}
        )
    return _(
        "Sidan kan inte publiceras: %(reasons)s. Granska texten och godkänn den i "
        "granskningskön eller i översättningsredigeraren först."
    ) % {"reasons": "; ".join(reasons)}
