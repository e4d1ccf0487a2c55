"""What wagtail-localize does not keep: approvals, language settings, reader reports, digests."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Revision

# The language settings and the string hash live with the translation state (``translation``).
from translation.models import LanguageSettings, text_hash  # noqa: F401


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


class WordingRecord(models.Model):
    """Something recorded of one wording (its hash) of a translated string in one place.

    wagtail-localize keeps only a string translation's current text; the publish rule and the
    facts guard judge a revision by the wordings it carries, so what they record is keyed by
    the locale, the place (``TranslationContext``) and the hash of the text.
    """

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    context = models.ForeignKey(
        "wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+"
    )
    text_hash = models.CharField(max_length=64)

    class Meta:
        abstract = True


class KnownWording(WordingRecord):
    """A wording a translated string has had, and whether a person or a machine wrote it.

    wagtail-localize keeps only the current text of each ``StringTranslation``; an older
    revision of a page (a revert, a schedule) may carry an earlier wording. The publish
    rule (``review.live_text``) attributes the text of the revision that is to go live by
    content: each wording is recorded whenever a string translation is saved
    (``translation.string_records``), per locale and place (``TranslationContext``).
    """

    human = models.BooleanField(default=False)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "context", "text_hash", "human"], name="review_known_wording"
            )
        ]

    def __str__(self):
        return f"{self.context_id} {self.text_hash[:12]} ({'human' if self.human else 'machine'})"


class WordingApproval(WordingRecord):
    """A translator approved this exact wording in this place: kept when the string changes.

    ``StringApproval`` follows the current string; this is the lasting record that binds an
    approval to the text approved, so a revision carrying an approved wording may go live
    and one carrying any other wording may not.
    """

    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "context", "text_hash"], name="review_wording_approval"
            )
        ]

    def __str__(self):
        return f"{self.context_id} {self.text_hash[:12]}"


class DeletedSource(models.Model):
    """A Swedish page was deleted while it had a translation in ``locale``.

    The translators of that language hear of it in their next daily digest
    (``review/digests.py``); their hand-written strings stay in the translation memory
    (``review/source_delete.py``). Plain text, not foreign keys: the pages are gone, or
    may go.
    """

    locale = models.ForeignKey(
        Locale, verbose_name=_("språk"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("svensk titel"), max_length=255)
    translated_title = models.CharField(_("översatt titel"), max_length=255, blank=True)
    # The translation's page when it stays (orphaned, maybe still live).
    target_page_id = models.BigIntegerField(null=True, blank=True)
    kept_strings = models.PositiveIntegerField(_("bevarade handskrivna texter"), default=0)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("borttagen av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deleted_at = models.DateTimeField(_("borttagen"), auto_now_add=True)

    class Meta:
        verbose_name = _("borttagen svensk sida")
        verbose_name_plural = _("borttagna svenska sidor")

    def __str__(self):
        return f"{self.title} ({self.locale_id})"


class FactCheck(WordingRecord):
    """The facts guard's findings (``core.facts``) for one wording of a translated string.

    Keyed by the wording, not by the ``StringTranslation`` row, so that a revision carrying
    an older wording is judged by what it says (``review.live_text``). Written whenever a
    string translation is saved (``review.fact_checks``); only for Swedish strings that
    have facts at all. ``findings``: [{severity, kind, form, code, expected, found}, ...];
    ``open_errors``/``open_warnings`` leave out what a translator overrode.
    """

    string = models.ForeignKey(
        "wagtail_localize.String", on_delete=models.CASCADE, related_name="+"
    )
    findings = models.JSONField(default=list)
    open_errors = models.PositiveSmallIntegerField(default=0)
    open_warnings = models.PositiveSmallIntegerField(default=0)
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "context", "string", "text_hash"], name="review_fact_check"
            )
        ]

    def __str__(self):
        return f"{self.context_id} {self.text_hash[:12]}: {self.open_errors} errors"


class FactOverride(models.Model):
    """A translator of the language says one finding of one wording is right as it is.

    The finding is named by its kind and the Swedish form of the fact; the override holds
    for this wording only, so a changed text is checked again.
    """

    fact_check = models.ForeignKey(FactCheck, on_delete=models.CASCADE, related_name="overrides")
    kind = models.CharField(max_length=20)
    form = models.CharField(max_length=255, blank=True)
    reason = models.TextField(_("motivering"), max_length=1000)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    overridden_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["fact_check", "kind", "form"], name="review_fact_override"
            )
        ]

    def __str__(self):
        return f"{self.fact_check_id} {self.kind} {self.form}"


class PageLanguageState(models.Model):
    """The review state of one live Swedish page in one target language, stored for listings.

    A copy of what ``review.states.compute_state`` says, kept so that the queue, the
    coverage report and the follow-up indicator count and list pairs in SQL instead of
    computing every pair on every view (``review.stored_states`` keeps it). It is for
    listings and counts only: the publish rules and the actions read the live strings.
    """

    # No database constraint on the pages: a change signalled while a page is being deleted
    # (its strings, its translations) may mark a pair of that page after its rows went; the
    # readers join the live page and the next refresh drops such rows.
    source_page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=20, default="missing")  # review.states.State
    target_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    waiting_since = models.DateTimeField(null=True, blank=True)
    machine_strings = models.PositiveIntegerField(default=0)
    strings_to_check = models.PositiveIntegerField(default=0)
    # For the coverage by month: the Swedish page's first publish, and since when the
    # translation has been published and reviewed (published_reviewed only).
    source_published = models.DateTimeField(null=True, blank=True)
    reviewed_since = models.DateTimeField(null=True, blank=True)
    # Something the state depends on changed; the next reader computes the row again.
    # ``generation`` counts the changes, so that a computation that raced with a change
    # leaves the row dirty.
    dirty = models.BooleanField(default=True)
    generation = models.PositiveBigIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lagrat granskningsläge")
        verbose_name_plural = _("lagrade granskningslägen")
        constraints = [
            models.UniqueConstraint(fields=["source_page", "locale"], name="review_state_pair")
        ]
        indexes = [
            # The last change (``stored_states.last_change``): figures kept until it moves.
            models.Index(fields=["updated_at"], name="review_state_updated"),
            # Each language's last change (``stored_states.language_versions``): one
            # language's coverage kept until it moves.
            models.Index(fields=["locale", "updated_at"], name="review_state_locale_updated"),
            models.Index(fields=["locale", "state", "waiting_since"]),
            models.Index(fields=["state", "waiting_since"]),
            models.Index(
                fields=["dirty"], name="review_state_dirty", condition=models.Q(dirty=True)
            ),
        ]

    def __str__(self):
        return f"{self.source_page_id} {self.locale_id} {self.state}"
