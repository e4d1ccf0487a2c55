"""The per-locale rule on publishing machine text that no person has approved."""

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.models import Page

from .models import LocalePublishPolicy
from .states import review_state_for_target


def publish_refusal(page: Page) -> str | None:
    """Why ``page`` may not be published now, or ``None`` when it may."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    item = review_state_for_target(page)
    if item is None or not item.unreviewed_machine_text:
        return None
    if LocalePublishPolicy.allows_unreviewed(page.locale):
        return None
    return _(
        "Sidan kan inte publiceras: den innehåller maskinöversatt text som ingen har "
        "godkänt. Granska texten och godkänn den i granskningskön först."
    )
