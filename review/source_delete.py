"""Deleting a Swedish page loses no translator's work.

wagtail-localize cleans up when a source page is deleted: its ``Translation`` rows go and,
with the last of them, every ``StringTranslation`` of the page in every language (approvals
and fingerprints cascade), while the translated pages stay, orphaned. Here:

- **The confirmation says what exists**: each translation's language, whether it is live,
  and who wrote it (``before_delete_page``, on GET).
- **A page live in another language** is deleted only by a superuser or a coordinator;
  anyone else (the communicator) is refused with the languages named and is offered to
  unpublish the Swedish page instead.
- **Hand-written strings stay in the translation memory**: just before the delete, the
  translations people wrote (and machine text a translator approved) are detached from the
  page (their ``TranslationContext`` set to none, as wagtail-localize's own foreign key
  allows) so that the cleanup, which deletes by context, passes them by;
  ``translation/memory.py`` finds them by their source ``String``, whatever the context.
- **The translators are told**: a ``DeletedSource`` row per language, which their next daily
  digest lists (``review/digests.py``).
"""

import contextvars
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages as admin_messages
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from core.languages import swedish_name

from .models import DeletedSource
from .roles import is_coordinator

MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL
_deleting_user = contextvars.ContextVar("review_deleting_user", default=None)


@dataclass
class TranslationInfo:
    language_code: str
    title: str
    live: bool
    translators: list[str] = field(default_factory=list)
    handwritten: int = 0


def _is_source(page: Page) -> bool:
    return page.locale.language_code == settings.LANGUAGE_CODE


def may_delete_translated_source(user) -> bool:
    """Superusers and coordinators delete a Swedish page that is live in another language."""
    if user.is_superuser:
        return True
    return is_coordinator(user)


def _kept_strings(translation_keys, exclude_locale_id):
    return (
        StringTranslation.objects.filter(context__object_id__in=list(translation_keys))
        .exclude(locale_id=exclude_locale_id)
        .filter(has_error=False)
        .filter(Q(translation_type=MANUAL) | Q(review_approval__isnull=False))
    )


def translations_of(page: Page) -> list[TranslationInfo]:
    """The translations of ``page`` and of the pages below it (aliases are not
    translations), per language, with who wrote their strings."""
    subtree = page.get_descendants(inclusive=True)
    keys = set(subtree.values_list("translation_key", flat=True))
    targets = (
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .order_by("locale__language_code", "path")
    )
    infos: dict[str, TranslationInfo] = {}
    for target in targets:
        code = target.locale.language_code
        info = infos.setdefault(code, TranslationInfo(code, target.title, target.live))
        info.live = info.live or target.live
    strings = (
        StringTranslation.objects.filter(context__object_id__in=keys, translation_type=MANUAL)
        .exclude(locale_id=page.locale_id)
        .select_related("locale", "last_translated_by")
    )
    for string in strings:
        info = infos.get(string.locale.language_code)
        if info is None:
            continue
        info.handwritten += 1
        person = string.last_translated_by
        if person is not None:
            name = person.get_full_name() or person.get_username()
            if name not in info.translators:
                info.translators.append(name)
    return list(infos.values())


def describe(info: TranslationInfo) -> str:
    status = _("publicerad") if info.live else _("utkast")
    if info.handwritten:
        who = _("handskrivna texter: %(count)s, av %(names)s") % {
            "count": info.handwritten,
            "names": ", ".join(info.translators) or _("okänd"),
        }
    else:
        who = _("bara maskinöversättning")
    return f"{swedish_name(info.language_code)} ({status}; {who})"


def before_delete(request, page: Page):
    """``before_delete_page``: refuse or describe; remember who deletes."""
    if not _is_source(page):
        return None
    infos = translations_of(page)
    live = [swedish_name(info.language_code) for info in infos if info.live]
    if live and not may_delete_translated_source(request.user):
        unpublish = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
        admin_messages.error(
            request,
            _(
                "Sidan har inte tagits bort: den är publicerad på %(languages)s, och "
                "översättarnas arbete skulle försvinna med den. Avpublicera den svenska "
                "sidan i stället, eller be en samordnare ta bort den."
            )
            % {"languages": ", ".join(live)},
            buttons=[admin_messages.button(unpublish, _("Avpublicera"))],
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if request.method == "GET" and infos:
        messages.warning(
            request,
            _(
                "Sidan finns översatt: %(translations)s. Tas den bort behålls de handskrivna "
                "texterna i översättningsminnet, och översättarna får veta det i sin dagliga "
                "sammanfattning."
            )
            % {"translations": "; ".join(describe(info) for info in infos)},
        )
    if request.method == "POST":
        _deleting_user.set(request.user)
    return None


def after_delete(request, page: Page) -> None:
    """``after_delete_page``: the user is remembered for this request only (a worker thread
    serves many)."""
    _deleting_user.set(None)


def _source_page_deleting(sender, instance, **kwargs):
    # Django sends pre_delete for the plain Page row and for its specific row: once is enough.
    if type(instance) is not Page or instance.depth <= 1 or not _is_source(instance):
        return
    key = instance.translation_key
    kept = _kept_strings([key], instance.locale_id)
    counts: dict[int, int] = {}
    for locale_id in kept.values_list("locale_id", flat=True):
        counts[locale_id] = counts.get(locale_id, 0) + 1
    kept.update(context=None)
    targets = {
        target.locale_id: target
        for target in Page.objects.filter(translation_key=key, alias_of__isnull=True).exclude(
            locale_id=instance.locale_id
        )
    }
    user = _deleting_user.get()
    DeletedSource.objects.bulk_create(
        [
            DeletedSource(
                locale_id=locale_id,
                title=instance.title[:255],
                translated_title=(targets[locale_id].title[:255] if locale_id in targets else ""),
                target_page_id=targets[locale_id].pk if locale_id in targets else None,
                kept_strings=counts.get(locale_id, 0),
                deleted_by=user if user is not None and user.is_authenticated else None,
            )
            for locale_id in sorted(set(counts) | set(targets))
        ]
    )


def install() -> None:
    """Called once from ``ReviewConfig.ready``."""
    pre_delete.connect(_source_page_deleting, sender=Page, dispatch_uid="review_source_delete")
