"""The one place that decides who may publish what in which language.

Every path that can change what a reader sees asks ``publish_refusal(user, obj)``:

- who (``publish_locale_codes``): a translator publishes only in their own language(s),
  the communicator only in Swedish, the coordinator in none; superusers and staff outside
  the role groups keep Wagtail's own page permissions;
- what (``content_refusal``): in a translated language, a page whose translation has a
  string with an error (wagtail-localize's flagged ``StringTranslation``, e.g. invalid
  HTML) is refused with a message naming the string (upstream would publish the Swedish
  text of that field instead), and so is unapproved machine text unless the locale's
  ``LanguageSettings`` allow it (``review.publish_policy``).

Wagtail asks ``PagePermissionTester.can_publish()`` before every page publish it does on a
user's behalf: the edit view, the admin API's publish action, bulk publish, workflow
approval, scheduling, revisions, copy/move. ``PublishRuleTester`` answers through this
module: every page type's ``permissions_for_user`` (Wagtail's extension point, overridden
once on ``core.pages.BasePage``) returns the tester ``core.page_permissions`` holds, and
``install()`` names this one there (the page models live on a lower floor than ``review``).

wagtail-localize publishes without asking the tester (``save_target(publish=True)``
publishes with no user); its paths are guarded in ``review.locale_permissions``.
"""

import logging

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.actions.publish_revision import PublishPermissionError, PublishRevisionAction
from wagtail.log_actions import log
from wagtail.models import Locale, Page, PagePermissionTester, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core import page_permissions

from .live_text import fact_refusal
from .live_text import refusal as text_refusal
from .publish_policy import publish_refusal as policy_refusal
from .roles import is_coordinator, publish_locale_codes

logger = logging.getLogger(__name__)


def may_publish_in(user, language_code: str) -> bool:
    codes = publish_locale_codes(user)
    return codes is None or language_code in codes


def role_refusal(user, locale: Locale) -> str | None:
    if may_publish_in(user, locale.language_code):
        return None
    return _("Du får inte publicera på %(language)s.") % {"language": locale.get_display_name()}


def translation_of(obj) -> Translation | None:
    """The enabled wagtail-localize translation whose target is ``obj``, if any."""
    if obj.locale.language_code == settings.LANGUAGE_CODE:
        return None
    translation_key = obj.translation_key
    return (
        Translation.objects.filter(
            source__object_id=translation_key,
            target_locale_id=obj.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def in_localize_editor(obj) -> bool:
    """wagtail-localize's editor shows (and publishes from the strings), not Wagtail's form."""
    if not isinstance(obj, TranslatableMixin) or getattr(obj, "locale_id", None) is None:
        return False
    return translation_of(obj) is not None


def string_errors(translation: Translation) -> list[str]:
    """A line per translated string with an error: where it is and what is wrong."""
    string_ids = StringSegment.objects.filter(source=translation.source).values("string_id")
    flagged = (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            has_error=True,
            translation_of_id__in=string_ids,
            context__object_id=translation.source.object_id,
        )
        .select_related("context", "translation_of")
        .order_by("context__path")
    )
    lines = []
    for string in flagged:
        source_text = string.translation_of.data
        if len(source_text) > 60:
            source_text = source_text[:57] + "..."
        problem = string.get_error() or _("ogiltig text")
        lines.append(f"{string.context.path} (”{source_text}”): {problem}")
    return lines


def content_refusal(obj, *, read_text: bool = True) -> str | None:
    """Why ``obj`` may not go live, or ``None``.

    ``read_text``: check the text of ``obj`` itself (the revision that goes live). Only
    wagtail-localize's editor publishes text it builds from the current strings rather than
    a revision; its hook passes ``False`` and the strings are checked instead.
    """
    if not isinstance(obj, TranslatableMixin):
        return None
    if obj.locale.language_code == settings.LANGUAGE_CODE:
        return None
    translation = translation_of(obj)
    if translation is not None:
        errors = string_errors(translation)
        if errors:
            return _(
                "Kan inte publiceras: översättningen har fel som måste rättas först "
                "(annars skulle den svenska texten visas): %(errors)s"
            ) % {"errors": "; ".join(errors[:10])}
    # What the text of this instance is: the revision that goes live, when the publish
    # path hands it over (the admin API, revisions), else the row as it is.
    # Pages have the review state's reasons (below); snippets are read from their strings.
    if read_text:
        refusal = text_refusal(obj)
    elif not isinstance(obj, Page):
        refusal = text_refusal(obj, from_strings=True)
    else:
        refusal = fact_refusal(obj, from_strings=True)
    if refusal:
        return refusal
    if isinstance(obj, Page):
        return policy_refusal(obj)
    return None


def publish_refusal(user, obj, *, read_text: bool = True) -> str | None:
    """Why ``user`` may not publish ``obj`` (a page or translatable snippet) now."""
    if isinstance(obj, TranslatableMixin):
        refusal = role_refusal(user, obj.locale)
        if refusal:
            return refusal
    return content_refusal(obj, read_text=read_text)


class PublishRuleTester(PagePermissionTester):
    """Wagtail's page permission tester, with this module's rule on every publish."""

    _refusal = None
    _refusal_known = False

    def publish_refusal(self) -> str | None:
        if not self._refusal_known:
            # A page in wagtail-localize's editor is published from its strings; every
            # revision that goes live is read again in ``gated_execute``.
            self._refusal = publish_refusal(
                self.user, self.page, read_text=not in_localize_editor(self.page)
            )
            self._refusal_known = True
        return self._refusal

    def _in_publishable_locale(self) -> bool:
        if self.page_is_root or getattr(self.page, "locale_id", None) is None:
            return True
        return may_publish_in(self.user, self.page.locale.language_code)

    def can_publish(self):
        return super().can_publish() and self.publish_refusal() is None

    def can_delete(self, ignore_bulk=False):
        """Wagtail lets only editors with ``change`` delete; a coordinator, who edits no
        page, may delete a Swedish page below the home page (``review.source_delete``
        keeps the translators' work and tells them)."""
        if super().can_delete(ignore_bulk=ignore_bulk):
            return True
        return (
            self.user.is_active
            and "bulk_delete" in getattr(self, "permissions", ())
            and self.page.depth > 2
            and self.page.locale.language_code == settings.LANGUAGE_CODE
            and is_coordinator(self.user)
        )

    def can_unpublish(self):
        return super().can_unpublish() and self._in_publishable_locale()

    def can_publish_subpage(self):
        return super().can_publish_subpage() and self._in_publishable_locale()

    def can_reorder_children(self):
        return super().can_reorder_children() and self._in_publishable_locale()


SCHEDULED = "wagtail.publish.scheduled"
REFUSED_LOG_ACTION = "review.publish_refused"


def gated_execute(action, skip_permission_checks=False):
    """``PublishRevisionAction.execute`` with the rule on the revision that goes live.

    Every publish of a page or snippet revision ends here (the edit view, the admin API,
    bulk publish, revert, scheduled go-live, wagtail-localize's publish), whatever was
    checked before it: the text of ``action.object`` (that revision) must pass
    ``content_refusal``. A person's publish is refused with the reason; a scheduled
    go-live that fails is not done: the page stays as it was, the schedule is cleared and
    the reason is logged in the page's history (``REFUSED_LOG_ACTION``). Publishes with no
    user outside a schedule (set-up code, wagtail-localize's deferred publish, guarded in
    the views that start it) pass.
    """
    scheduled = action.log_action == SCHEDULED
    if (action.user is not None or scheduled) and isinstance(action.object, TranslatableMixin):
        refusal = content_refusal(action.object)
        if refusal:
            if action.user is not None and not scheduled:
                raise PublishPermissionError(refusal)
            refuse_scheduled(action, refusal)
            return None
    return _original_execute(action, skip_permission_checks=skip_permission_checks)


def refuse_scheduled(action, refusal: str) -> None:
    revision = action.revision
    type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
    logger.warning(
        "Scheduled publish of %s pk=%s revision %s refused: %s",
        type(action.object).__name__,
        action.object.pk,
        revision.pk,
        refusal,
    )
    log(
        instance=action.object,
        action=REFUSED_LOG_ACTION,
        user=None,
        revision=revision,
        data={"reason": refusal},
        content_changed=False,
    )


_original_execute = PublishRevisionAction.execute


def install() -> None:
    """Make every page answer with ``PublishRuleTester`` and gate every publish.

    Called in ready(). Upstream workaround: ``gated_execute`` wraps
    ``PublishRevisionAction.execute`` (``tests/upstream/test_upstream_publish_gate.py`` fails when
    Wagtail stops publishing through it).
    """
    page_permissions.use_tester(PublishRuleTester)
    PublishRevisionAction.execute = gated_execute


def is_installed() -> bool:
    return (
        page_permissions.tester_class() is PublishRuleTester
        and PublishRevisionAction.execute is gated_execute
    )
