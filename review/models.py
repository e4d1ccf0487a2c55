"""What wagtail-localize does not keep: approvals, publish policies, reader reports, digests."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Revision


class Role(models.Model):
    """The editorial role a Wagtail group plays, and a translator group's language.

    Kept as data so that renaming a group in the admin changes nothing (``review.roles``).
    """

    class Kind(models.TextChoices):
        COMMUNICATOR = "communicator", _("Kommunikatör")
        TRANSLATOR = "translator", _("Översättare")
        COORDINATOR = "coordinator", _("Samordnare")

    group = models.OneToOneField(
        Group, verbose_name=_("grupp"), on_delete=models.CASCADE, related_name="review_role"
    )
    kind = models.CharField(_("roll"), max_length=20, choices=Kind.choices)
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("språk"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translator_roles",
        help_text=_("Översättarens språk (bara för översättare)."),
    )

    class Meta:
        verbose_name = _("roll")
        verbose_name_plural = _("roller")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="translator", locale__isnull=False)
                | ~models.Q(kind="translator"),
                name="review_role_translator_has_locale",
            )
        ]

    def __str__(self):
        if self.locale_id:
            return f"{self.group.name}: {self.get_kind_display()} ({self.locale.language_code})"
        return f"{self.group.name}: {self.get_kind_display()}"


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
