"""What wagtail-localize lacks: per-locale policy, draft status, usage, pause, glossary.

Segments, strings and string translations stay in wagtail-localize's own models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Locale, Orderable, Page


class LocalePolicy(models.Model):
    """How machine translation treats one target locale.

    Whether DeepL can translate the language at all is decided by DeepL's own list of
    target languages (see ``translation.deepl.languages``); this only switches it off or sets
    the formality.
    """

    FORMALITY_CHOICES = [
        ("default", _("standard")),
        ("prefer_more", _("formell om möjligt")),
        ("prefer_less", _("informell om möjligt")),
    ]

    locale = models.OneToOneField(
        Locale, on_delete=models.CASCADE, related_name="translation_policy", verbose_name=_("språk")
    )
    machine_translation_enabled = models.BooleanField(
        _("maskinöversättning"),
        default=True,
        help_text=_("Avmarkera för att bara låta människor översätta till språket."),
    )
    formality = models.CharField(
        _("tilltal"), max_length=20, choices=FORMALITY_CHOICES, default="default"
    )

    panels = [
        FieldPanel("locale"),
        FieldPanel("machine_translation_enabled"),
        FieldPanel("formality"),
    ]

    class Meta:
        verbose_name = _("språkinställning för översättning")
        verbose_name_plural = _("språkinställningar för översättning")

    def __str__(self):
        return self.locale.get_display_name()


class DraftStatus(models.Model):
    """The state of the machine-translated draft of one source page in one locale."""

    QUEUED = "queued"
    RUNNING = "running"
    MADE = "made"
    HUMAN_ONLY = "human_only"
    DISABLED = "disabled"
    NOT_CONFIGURED = "not_configured"
    PAUSED_QUOTA = "paused_quota"
    PAUSED_BUDGET = "paused_budget"
    CONFIG_ERROR = "config_error"
    RETRY = "retry"
    FAILED = "failed"
    SKIPPED = "skipped"
    HELD_READABILITY = "held_readability"
    STATUS_CHOICES = [
        (QUEUED, _("köad")),
        (RUNNING, _("pågår")),
        (MADE, _("utkast klart")),
        (HUMAN_ONLY, _("endast mänsklig översättning")),
        (DISABLED, _("maskinöversättning avstängd för språket")),
        (NOT_CONFIGURED, _("maskinöversättning är inte konfigurerad")),
        (PAUSED_QUOTA, _("pausad: kvoten hos DeepL är slut")),
        (PAUSED_BUDGET, _("pausad: månadsbudgeten är nådd")),
        (CONFIG_ERROR, _("konfigurationsfel")),
        (RETRY, _("försöks igen senare")),
        (FAILED, _("misslyckades")),
        (SKIPPED, _("redigeras utanför översättningsverktyget")),
        (HELD_READABILITY, _("väntar på enklare svenska (LIX över gränsen)")),
    ]
    # States after which the job should run again by itself.
    RESUMABLE = {QUEUED, RUNNING, PAUSED_QUOTA, PAUSED_BUDGET, RETRY}

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=QUEUED)
    detail = models.TextField(blank=True)
    machine_segments = models.PositiveIntegerField(default=0)
    memory_segments = models.PositiveIntegerField(default=0)
    flagged_segments = models.PositiveIntegerField(default=0)
    missing_segments = models.PositiveIntegerField(default=0)
    attempts = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "locale"], name="unique_draft_status")
        ]
        verbose_name = _("status för översättningsutkast")
        verbose_name_plural = _("status för översättningsutkast")

    def __str__(self):
        return f"{self.page_id} {self.locale_id} {self.status}"


class UsageRecord(models.Model):
    """Characters billed by DeepL, per target locale and calendar month."""

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month.")
    characters = models.BigIntegerField(default=0)
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "month"], name="unique_usage_month")
        ]
        verbose_name = _("förbrukning")
        verbose_name_plural = _("förbrukning")

    def __str__(self):
        return f"{self.locale_id} {self.month:%Y-%m}: {self.characters}"


class ServicePause(models.Model):
    """Machine translation stopped for every page (quota at DeepL spent, bad key)."""

    QUOTA = "quota"
    CONFIG = "config"
    REASON_CHOICES = [(QUOTA, _("kvoten hos DeepL är slut")), (CONFIG, _("konfigurationsfel"))]

    reason = models.CharField(max_length=20, choices=REASON_CHOICES, unique=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("paus i maskinöversättningen")
        verbose_name_plural = _("pauser i maskinöversättningen")

    def __str__(self):
        return self.reason


class GlossaryTerm(ClusterableModel):
    """A Swedish term and how it must be translated, used in every DeepL translation."""

    term = models.CharField(_("svensk term"), max_length=200, unique=True)
    note = models.TextField(_("anmärkning"), blank=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("note"),
        InlinePanel("translations", label=_("översättningar")),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("ordlisteterm")
        verbose_name_plural = _("ordlista")

    def __str__(self):
        return self.term


class GlossaryTermTranslation(Orderable):
    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="translations")
    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("språk")
    )
    translation = models.CharField(_("översättning"), max_length=200)

    panels = [FieldPanel("locale"), FieldPanel("translation")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["term", "locale"], name="unique_term_locale")
        ]

    def __str__(self):
        return self.translation


class GlossarySync(models.Model):
    """The DeepL glossary that currently mirrors the terms, per DeepL server."""

    server_url = models.CharField(max_length=255, unique=True)
    fingerprint = models.CharField(max_length=64)
    api_version = models.CharField(max_length=2)  # "v3" (multilingual) or "v2"
    # v3: {"*": glossary_id}; v2: {"EN": glossary_id, ...}
    glossary_ids = models.JSONField(default=dict)
    synced_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.server_url} {self.api_version}"
