"""The coordinator's readability threshold, every override of its gate, and published LIX.

LIX is computed by ``readability.score``. The editor scores the text as it is being written;
everything that reads a *published* Swedish page (the gate, the draft status page, the review
queue, the follow-up figures) reads ``PublishedLix``, the score of the page as last published,
written on publish (``readability.published``). What else is stored is the policy (per site)
and who let a page through the gate, when, why and at which LIX, so that every override can
be accounted for.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, Revision

from readability.score import Lix

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


class PublishedLix(models.Model):
    """The LIX of a live Swedish page as last published: one row per page.

    Kept so that lists of pages (the review queue, the follow-up figures) can sort and count
    by band in one query instead of reading every page's text. ``revision`` is the live
    revision it was computed from: a row whose revision is no longer the page's live one is
    out of date and computed again when read.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="published_lix"
    )
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.FloatField(_("LIX"), null=True, blank=True)  # None: a page without words
    band = models.CharField(_("nivå"), max_length=16, blank=True, db_index=True)  # BANDS key
    words = models.PositiveIntegerField(default=0)
    sentences = models.PositiveIntegerField(default=0)
    long_words = models.PositiveIntegerField(default=0)
    long_sentences = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("publicerat LIX")
        verbose_name_plural = _("publicerade LIX")

    def __str__(self):
        return f"{self.page_id} LIX {self.score}"

    @property
    def lix(self) -> Lix:
        return Lix(words=self.words, sentences=self.sentences, long_words=self.long_words)
