"""The site's title, built from the organisation's name in the reader's language."""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag(takes_context=True)
def site_title(context) -> str:
    """``<name> – internationellt arbete``, or a generic title without an organisation."""
    organisation = context.get("organisation")
    if organisation:
        return gettext("%(name)s – internationellt arbete") % {"name": organisation.name}
    return gettext("Internationellt arbete")
