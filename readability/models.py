"""The coordinator's readability threshold, and every override of its gate.

LIX itself is computed on the fly (``core.readability``): the score of a page is always that
of its current text. What is stored is the policy (per site) and who let a page through the
gate, when, why and at which LIX, so that every override can be accounted for.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

DEFAULT_THRESHOLD = 55


@register_setting(icon="glasses")
class ReadabilitySettings(BaseSiteSetting):
    WARN = "warn"
    GATE = "gate"
    MODE_CHOICES = [
        (WARN, _("varna: utkasten görs ändå")),
        (GATE, _("spärra: inga maskinutkast förrän texten är enklare eller spärren hävs")),
    ]

    threshold = models.PositiveSmallIntegerField(
        _("gräns för LIX"),
        default=DEFAULT_THRESHOLD,
        help_text=_("Över 50 är svår text. Gäller svenska sidor när de publiceras."),
    )
    mode = models.CharField(
        _("när gränsen överskrids"), max_length=8, choices=MODE_CHOICES, default=WARN
    )

    protected_terms = models.TextField(
        _("skyddade ord"),
        blank=True,
        help_text=_(
            "Ett ord eller namn per rad, till exempel Erasmus+, Interreg. "
            "De översätts aldrig, på någon sida."
        ),
    )

    panels = [FieldPanel("threshold"), FieldPanel("mode"), FieldPanel("protected_terms")]

    class Meta:
        verbose_name = _("läsbarhet före översättning")


class ReadabilityOverride(models.Model):
    """Someone let a page above the threshold through the gate: recorded, never edited."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("skäl"))
    score = models.FloatField(_("LIX"))
    threshold = models.PositiveSmallIntegerField(_("gräns"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("hävd läsbarhetsspärr")
        verbose_name_plural = _("hävda läsbarhetsspärrar")

    def __str__(self):
        return f"{self.page_id} LIX {self.score} ({self.created_at:%Y-%m-%d})"
