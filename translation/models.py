"""What wagtail-localize lacks: draft status, usage, pause, glossary, the strings' records.

Segments, strings and string translations stay in wagtail-localize's own models (written by
``translation.strings`` alone, outside wagtail-localize). Kept here: which strings a source
page and each translation were made from (``SourceStrings``, ``TranslatedFrom``: staleness by
content), translations carried to a changed source string (``CarriedForward``), segments
wagtail-localize removed (``RetiredSegment``), an agency's TMX pairs (``AgencyMemory``). A
language's settings (engine, formality, budget, agency prices, its publish rule) are
``translation.language_settings``: one row and one screen per language.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Locale, Orderable, Page

from .language_settings import ENGINE_CHOICES, LanguageSettings  # noqa: F401


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


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class SourceStrings(models.Model):
    """The strings of a source-locale page as last published (what "current" means).

    Recorded on every publish of the Swedish page, so that staleness can be decided by
    content without extracting the page on every look: a translation is stale when the
    strings it was made from (``TranslatedFrom``) differ from these.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="source_strings"
    )
    fingerprint = models.CharField(max_length=64)
    # [[context path, text], ...] in segment order, for showing what changed.
    segments = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Its table keeps the name it had in ``review`` (moved with issue #20).
        db_table = "review_sourcestrings"

    def __str__(self):
        return f"{self.page_id} {self.fingerprint[:12]}"


class TranslatedFrom(models.Model):
    """The source strings a translation's target was last made from.

    wagtail-localize keeps only the latest extraction of the source (``TranslationSource``),
    shared by every locale; this is per translation, written whenever its target is saved
    from the source (a ``TranslationLog``) or found already up to date.
    """

    translation = models.OneToOneField(
        "wagtail_localize.Translation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="translated_from",
    )
    fingerprint = models.CharField(max_length=64)
    segments = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Its table keeps the name it had in ``review`` (moved with issue #20).
        db_table = "review_translatedfrom"

    def __str__(self):
        return f"{self.translation_id} {self.fingerprint[:12]}"


class CarriedForward(models.Model):
    """A person's translation carried over to the new version of a changed source string.

    The ``StringTranslation`` itself is wagtail-localize's (manual, by the same person,
    ``tool_name`` = ``carry_forward.TOOL_NAME``); this keeps what wagtail-localize has no
    place for: which source string it was made for, and the machine translation of the
    new text offered beside it.
    """

    string_translation = models.OneToOneField(
        "wagtail_localize.StringTranslation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="carried_forward",
    )
    previous_string = models.ForeignKey(
        "wagtail_localize.String", on_delete=models.CASCADE, related_name="+"
    )
    machine_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Its table keeps the name it had in ``review`` (moved with issue #20).
        db_table = "review_carriedforward"

    def __str__(self):
        return f"{self.string_translation_id} (from string {self.previous_string_id})"


class RetiredSegment(models.Model):
    """A source segment that a re-extraction removed (its id may still be in an open editor).

    wagtail-localize deletes the ``StringSegment`` rows of text that changed or moved; an
    editor tab opened before would then save to an id that no longer exists. This keeps
    enough to tell the translator where their text went.
    """

    segment_id = models.BigIntegerField(primary_key=True)
    # Plain ids, not foreign keys: rows are written while wagtail-localize deletes, also
    # when the whole source goes (a deleted page), and must not block that deletion.
    source_id = models.BigIntegerField(db_index=True)
    string_id = models.BigIntegerField()
    context_id = models.BigIntegerField()
    retired_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Its table keeps the name it had in ``review`` (moved with issue #20).
        db_table = "review_retiredsegment"

    def __str__(self):
        return f"segment {self.segment_id}"


class AgencyMemory(models.Model):
    """A pair of Swedish text and translation that an agency gave back in a TMX file.

    Kept apart from wagtail-localize's ``StringTranslation`` rows on purpose: those are the
    municipality's memory and fill pages, while an imported pair is only the agency's word
    that nobody here has read. The pipeline may offer it as a draft of a string with the
    identical Swedish text, marked with ``review.tmx_import.TOOL_NAME`` and typed as machine
    text, so that the publish rule and the review states treat it as text that a person
    still has to check (``translation.memory.fill_from_agency_memory``). One row per distinct
    pair and locale: importing the same file again adds nothing.
    """

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    source_text = models.TextField()
    target_text = models.TextField()
    source_hash = models.CharField(max_length=64)  # text_hash of the Swedish text
    target_hash = models.CharField(max_length=64)
    origin = models.CharField(max_length=255, blank=True)  # the file it came in
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Its table keeps the name it had in ``review`` (moved with issue #20).
        db_table = "review_agencymemory"
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "source_hash", "target_hash"], name="agency_memory_pair"
            )
        ]

    def __str__(self):
        return f"{self.source_text[:40]} → {self.target_text[:40]}"
