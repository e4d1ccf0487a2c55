"""Readability in the admin: the live report's URL, the override of the gate, and the publish
warning after a Swedish page is published above the readability threshold."""

from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext as _

from wagtail import hooks

from . import gate
from .override import override_gate
from .views import ReadabilityView


@hooks.register("register_admin_urls")
def readability_urls():
    return [
        path(
            "pages/<int:page_id>/readability/",
            ReadabilityView.as_view(),
            name="readability_report",
        ),
        path("readability/<int:page_id>/override/", override_gate, name="readability_override"),
    ]


@hooks.register("after_publish_page")
def warn_when_hard_to_read(request, page):
    found = gate.verdict(page)
    if found.state == gate.FINE:
        return
    text = _("Sidans LIX är %(score)s (%(band)s), över gränsen %(threshold)s.") % {
        "score": found.lix.score,
        "band": found.lix.band[1],
        "threshold": found.threshold,
    }
    if found.state == gate.HELD:
        text += " " + _(
            "Inga maskinöversatta utkast görs förrän texten är enklare "
            "eller spärren hävs med ett skäl."
        )
    else:
        text += " " + _("Utkasten görs, men en enklare text ger bättre översättningar.")
    messages.warning(request, text)
