"""What wagtail-localize does not keep: approvals, publish policies, reader reports, digests."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Revision


class ReviewApproval(models.Model):
    """A person approved a translated page's text (a revision) for one locale."""

    page = models.ForeignKey(
        Page, verbose_name=_("sida"), on_delete=models.CASCADE, related_name="review_approvals"
    )
    locale = models.ForeignKey(Locale, verbose_name=_("språk"), on_delete=models.CASCADE)
    revision = models.ForeignKey(
        Revision, verbose_name=_("version"), null=True, blank=True, on_delete=models.SET_NULL
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("godkänd av"),
        null=True,
        on_delete=models.SET_NULL,
    )
    approved_at = models.DateTimeField(_("godkänd"), auto_now_add=True)
    # The source strings the approved text was checked against: [[context path, text], ...].
    source_segments = models.JSONField(_("källtexter vid godkännandet"), default=list)

    class Meta:
        verbose_name = _("godkännande")
        verbose_name_plural = _("godkännanden")
        ordering = ["-approved_at", "-pk"]
        indexes = [models.Index(fields=["page", "locale", "-approved_at"])]

    def __str__(self):
        return f"{self.page} ({self.locale.language_code})"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class StringApproval(models.Model):
    """A person approved one translated string as it reads now.

    Approvals are per string: the approval holds for as long as the string's text is the
    one approved (compared by content), so a string that changes, or the translation of a
    changed source string (a new ``StringTranslation``), needs a new approval while the
    others keep theirs.
    """

    string_translation = models.OneToOneField(
        "wagtail_localize.StringTranslation",
        verbose_name=_("översatt text"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="review_approval",
    )
    text_hash = models.CharField(max_length=64)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("godkänd av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("godkänd"), auto_now=True)

    class Meta:
        verbose_name = _("godkänd text")
        verbose_name_plural = _("godkända texter")

    def __str__(self):
        return f"{self.string_translation_id}"

    def covers(self, string_translation) -> bool:
        return self.text_hash == text_hash(string_translation.data)


class ReaderNotice(models.Model):
    """Whether a live translated page carries machine text that no person has approved.

    Stored when the translation is published or approved, so that the reader notice costs
    one query instead of a review-state computation on every view.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="reader_notice"
    )
    source_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Made through wagtail-localize from a source page (else: no notice, no report link).
    translated = models.BooleanField(default=False)
    machine_text = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.page_id}: {'machine' if self.machine_text else 'reviewed'}"


class LocalePublishPolicy(models.Model):
    """Whether machine text nobody has approved may be published in a locale."""

    locale = models.OneToOneField(
        Locale, verbose_name=_("språk"), on_delete=models.CASCADE, related_name="publish_policy"
    )
    allow_unreviewed_machine_text = models.BooleanField(
        _("tillåt ogranskad maskinöversättning"),
        default=False,
        help_text=_(
            "Om rutan är ikryssad får översättare publicera sidor med maskinöversatt text "
            "som ingen har godkänt. Läsarna ser då en upplysning överst på sidan."
        ),
    )

    class Meta:
        verbose_name = _("publiceringsregel")
        verbose_name_plural = _("publiceringsregler")

    def __str__(self):
        return self.locale.get_display_name() or self.locale.language_code

    @classmethod
    def allows_unreviewed(cls, locale: Locale) -> bool:
        policy = cls.objects.filter(locale=locale).first()
        return bool(policy and policy.allow_unreviewed_machine_text)


class ReaderReport(models.Model):
    """A reader's report of a translation problem on a page; no personal data required."""

    class Part(models.TextChoices):
        TITLE = "title", _("Rubriken")
        INTRO = "intro", _("Ingressen")
        BODY = "body", _("Brödtexten")
        OTHER = "other", _("Något annat")

    page = models.ForeignKey(
        Page, verbose_name=_("sida"), on_delete=models.CASCADE, related_name="reader_reports"
    )
    locale = models.ForeignKey(Locale, verbose_name=_("språk"), on_delete=models.CASCADE)
    part = models.CharField(_("del av sidan"), max_length=20, choices=Part.choices)
    problem = models.TextField(_("vad är fel"), max_length=2000)
    contact = models.CharField(_("kontaktuppgift"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("inkommen"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("åtgärdad"), null=True, blank=True)

    class Meta:
        verbose_name = _("läsarrapport")
        verbose_name_plural = _("läsarrapporter")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.page} ({self.locale.language_code}): {self.get_part_display()}"


class DigestRecord(models.Model):
    """When a translator last got the daily review digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="review_digest",
    )
    last_sent_at = models.DateTimeField(_("senast skickad"))

    class Meta:
        verbose_name = _("daglig sammanfattning")
        verbose_name_plural = _("dagliga sammanfattningar")

    def __str__(self):
        return str(self.user)
