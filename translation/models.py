"""What wagtail-localize lacks: draft status, usage, pause, glossary.

Segments, strings and string translations stay in wagtail-localize's own models. A language's
settings (engine, formality, budget, agency prices) are ``review.language_settings``, which
holds its publish rule too: one row and one screen per language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Locale, Orderable, Page

from review.language_settings import ENGINE_CHOICES


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
        (PAUSED_QUOTA, _("pausad: motorns kvot är slut")),
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
    """Characters billed by an engine, per target locale and calendar month."""

    engine = models.CharField(max_length=20, choices=ENGINE_CHOICES, default="deepl")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month.")
    characters = models.BigIntegerField(default=0)
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engine", "locale", "month"], name="unique_engine_usage_month"
            )
        ]
        verbose_name = _("förbrukning")
        verbose_name_plural = _("förbrukning")

    def __str__(self):
        return f"{self.engine} {self.locale_id} {self.month:%Y-%m}: {self.characters}"


class ServicePause(models.Model):
    """One engine stopped for every page (quota spent, bad key); the other goes on."""

    QUOTA = "quota"
    CONFIG = "config"
    REASON_CHOICES = [(QUOTA, _("kvoten hos DeepL är slut")), (CONFIG, _("konfigurationsfel"))]

    engine = models.CharField(max_length=20, choices=ENGINE_CHOICES, default="deepl")
    reason = models.CharField(max_length=20, choices=REASON_CHOICES)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["engine", "reason"], name="unique_engine_pause")
        ]
        verbose_name = _("paus i maskinöversättningen")
        verbose_name_plural = _("pauser i maskinöversättningen")

    def __str__(self):
        return f"{self.engine} {self.reason}"

    def get_reason_display(self):
        """The reason, naming the engine ("kvoten hos Azure AI Translator är slut")."""
        if self.reason == self.QUOTA and self.engine != "deepl":
            return _("kvoten hos %(engine)s är slut") % {"engine": self.get_engine_display()}
        return dict(self.REASON_CHOICES).get(self.reason, self.reason)


class MachineProvenance(models.Model):
    """Which engine and model made one machine string, and when (wagtail-localize's
    ``StringTranslation`` keeps only a free-text ``tool_name``)."""

    string_translation = models.OneToOneField(
        "wagtail_localize.StringTranslation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="machine_provenance",
    )
    engine = models.CharField(max_length=20, choices=ENGINE_CHOICES)
    model = models.CharField(max_length=100, blank=True)
    translated_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.string_translation_id}: {self.engine} {self.model}"


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
